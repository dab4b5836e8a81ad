/** Annual report data from live records (table 3 for now). */
import type { Db } from '../platform/db.js';
import { computeTable3, checkTable3, type Table3 } from './table3.js';

export async function table3ForUnits(db: Db, unitIds: number[], year: number): Promise<{ table: Table3; previous: Table3; problems: string[] }> {
  const rows = unitIds.length
    ? await db.k.selectFrom('info_requests').select(['received_on', 'replied_on', 'outcome', 'applicant_type', 'org_type']).where('unit_id', 'in', unitIds).where('received_on', '<=', `${year}-12-31`).execute()
    : [];
  const facts = rows.map((r) => ({ receivedOn: r.received_on, repliedOn: r.replied_on, outcome: r.outcome, applicantType: r.applicant_type, orgType: r.org_type }));
  const table = computeTable3(facts, year);
  const previous = computeTable3(facts, year - 1);
  return { table, previous, problems: checkTable3(table, previous) };
}
