/**
 * The requests module's read API for other modules: what the annual report counts (tables 3 and
 * 4), aggregated in the database. Other modules never query the requests' tables.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/schema.js';
import { appealsFiled, feesNotified } from './store/reporting.js';

type K = Kysely<Database> | Transaction<Database>;

export { type Table3Group, table3Groups } from './store/reporting.js';

export interface AppealFact {
  kind: string;
  filedOn: string;
  result: string | null;
  decidedOn: string | null;
}

/** The 行政复议 and 行政诉讼 filed in a year about requests of these units. */
export async function appealFacts(k: K, unitIds: number[], year: number): Promise<AppealFact[]> {
  return (await appealsFiled(k, unitIds, year)).map((r) => ({
    kind: r.kind,
    filedOn: r.filed_on,
    result: r.result,
    decidedOn: r.decided_on,
  }));
}

/** The 信息处理费 charged by 收费通知 sent in a year by these units (annual report section six). */
export const feesCharged = (k: K, unitIds: number[], year: number): Promise<number> => feesNotified(k, unitIds, year);
