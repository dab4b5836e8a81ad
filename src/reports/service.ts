/** Annual report data from live records (table 3 for now). */
import type { Db } from '../platform/db.js';
import { computeTable3, checkTable3, type Table3 } from './table3.js';
import { computeTable4, checkTable4, type Table4 } from './table4.js';

export async function table3ForUnits(db: Db, unitIds: number[], year: number): Promise<{ table: Table3; previous: Table3; problems: string[] }> {
  const rows = unitIds.length
    ? await db.k.selectFrom('info_requests').select(['received_on', 'replied_on', 'outcome', 'applicant_type', 'org_type']).where('unit_id', 'in', unitIds).where('received_on', '<=', `${year}-12-31`).execute()
    : [];
  const facts = rows.map((r) => ({ receivedOn: r.received_on, repliedOn: r.replied_on, outcome: r.outcome, applicantType: r.applicant_type, orgType: r.org_type }));
  const table = computeTable3(facts, year);
  const previous = computeTable3(facts, year - 1);
  return { table, previous, problems: checkTable3(table, previous) };
}

export async function table4ForUnits(db: Db, unitIds: number[], year: number): Promise<{ table: Table4; problems: string[] }> {
  const rows = unitIds.length
    ? await db.k.selectFrom('info_request_appeals').innerJoin('info_requests', 'info_requests.id', 'info_request_appeals.request_id').select(['info_request_appeals.kind', 'info_request_appeals.filed_on', 'info_request_appeals.result', 'info_request_appeals.decided_on']).where('info_requests.unit_id', 'in', unitIds).where('info_request_appeals.filed_on', '>=', `${year}-01-01`).where('info_request_appeals.filed_on', '<=', `${year}-12-31`).execute()
    : [];
  const table = computeTable4(rows.map((r) => ({ kind: r.kind, filedOn: r.filed_on, result: r.result, decidedOn: r.decided_on })), year);
  return { table, problems: checkTable4(table) };
}
