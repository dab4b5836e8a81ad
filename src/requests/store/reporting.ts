/**
 * Queries of requests for the annual report (tables 3 and 4): aggregated in the database, served
 * by the indexes of 0009_report_indexes. Read by the reports module through requests/api.ts.
 */
import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

export interface Table3Group {
  applicant_type: string;
  org_type: string | null;
  outcome: string | null;
  done: number | string;
  n: number | string | bigint;
}

/**
 * The requests of a unit list that count in table 3 of a year, grouped by (applicant_type, org_type,
 * outcome, answered by 31 December), read in parts each served by an index of 0009_report_indexes
 * (both cover every column read, so no table row is fetched). The conditions are those of
 * computeTable3: a request without (or with an empty) 收到申请之日 never counts; received in the year
 * → 一; received earlier and answered on or after 1 January, or not answered (no or empty
 * replied_on) → 二; anything else received earlier was closed before the year.
 * The earlier-received requests are found through replied_on; their received_on test is written as
 * an expression so that neither planner is tempted to range-scan every request received before the
 * year through the received_on index instead.
 */
export async function table3Groups(
  k: K,
  unitIds: number[],
  year: number,
): Promise<{ isNew: boolean; groups: Table3Group[] }[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const part = (
    // biome-ignore lint/suspicious/noExplicitAny: the expression builder of the caller's query
    where: (eb: any) => Expression<SqlBool>,
  ) =>
    k
      .selectFrom('info_requests')
      .select(['applicant_type', 'org_type', 'outcome'])
      .select(
        sql<number>`case when replied_on is not null and replied_on <> '' and replied_on <= ${end} then 1 else 0 end`.as(
          'done',
        ),
      )
      .select((eb) => eb.fn.countAll().as('n'))
      .where('unit_id', 'in', unitIds)
      .where(where)
      .groupBy(['applicant_type', 'org_type', 'outcome', sql`4`])
      .execute() as Promise<Table3Group[]>;
  const earlier = sql<SqlBool>`(case when received_on > '' and received_on < ${start} then 1 else 0 end) = 1`;
  const [received, repliedLater, open, emptyReply] = await Promise.all([
    part((eb) => eb.and([eb('received_on', '>=', start), eb('received_on', '<=', end)])),
    part((eb) => eb.and([eb('replied_on', '>=', start), earlier])),
    part((eb) => eb.and([eb('replied_on', 'is', null), earlier])),
    part((eb) => eb.and([eb('replied_on', '=', ''), earlier])),
  ]);
  return [
    { isNew: true, groups: received },
    { isNew: false, groups: [...repliedLater, ...open, ...emptyReply] },
  ];
}

/** The 行政复议 and 行政诉讼 filed in a year about requests of these units. */
export async function appealsFiled(k: K, unitIds: number[], year: number) {
  if (!unitIds.length) return [];
  return k
    .selectFrom('info_request_appeals')
    .innerJoin('info_requests', 'info_requests.id', 'info_request_appeals.request_id')
    .select([
      'info_request_appeals.kind',
      'info_request_appeals.filed_on',
      'info_request_appeals.result',
      'info_request_appeals.decided_on',
    ])
    .where('info_requests.unit_id', 'in', unitIds)
    .where('info_request_appeals.filed_on', '>=', `${year}-01-01`)
    .where('info_request_appeals.filed_on', '<=', `${year}-12-31`)
    .execute();
}

/** The 信息处理费 of the 收费通知 sent in a year by these units (annual report section six). */
export async function feesNotified(k: K, unitIds: number[], year: number): Promise<number> {
  if (!unitIds.length) return 0;
  const r = await k
    .selectFrom('info_requests')
    .select((eb) => eb.fn.sum<number>('fee_amount').as('s'))
    .where('unit_id', 'in', unitIds)
    .where('fee_notice_on', '>=', `${year}-01-01`)
    .where('fee_notice_on', '<=', `${year}-12-31`)
    .executeTakeFirst();
  return Number(r?.s ?? 0);
}
