/**
 * Annual report data from live records. Table 3 is aggregated in the database: only the requests
 * that count in the year are read (received in it, or received earlier and still open on
 * 1 January), grouped by applicant column, outcome and whether they were answered by 31 December.
 * `computeTable3` (table3.ts) stays the reference definition; table3.property.test.ts checks that
 * both give the same table.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../platform/db.js';
import { OUTCOMES, type Outcome } from '../requests/model.js';
import { checkTable3, columnOf, emptyTable3, type Column, type RowKey, type Table3 } from './table3.js';
import { computeTable4, checkTable4, type Table4 } from './table4.js';

interface Group {
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
async function table3Groups(db: Db, unitIds: number[], year: number): Promise<{ isNew: boolean; groups: Group[] }[]> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const part = (
    // biome-ignore lint/suspicious/noExplicitAny: the expression builder of the caller's query
    where: (eb: any) => Expression<SqlBool>,
  ) =>
    db.k
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
      .execute() as Promise<Group[]>;
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

/** Table 3 of a year for a unit list, computed in the database; equal to computeTable3 over the same requests. */
export async function table3Of(db: Db, unitIds: number[], year: number): Promise<Table3> {
  const t = emptyTable3();
  if (!unitIds.length) return t;
  const add = (row: RowKey, col: Exclude<Column, 'total'>, n: number) => {
    t[row][col] += n;
    t[row].total += n;
  };
  for (const { isNew, groups } of await table3Groups(db, unitIds, year)) {
    for (const g of groups) {
      const n = Number(g.n);
      const col = columnOf({ applicantType: g.applicant_type, orgType: g.org_type });
      add(isNew ? 'newReceived' : 'carriedOver', col, n);
      if (Number(g.done) === 1 && g.outcome && g.outcome in OUTCOMES) {
        add(g.outcome as Outcome, col, n);
        add('total', col, n);
      } else add('carryForward', col, n);
    }
  }
  return t;
}

export async function table3ForUnits(
  db: Db,
  unitIds: number[],
  year: number,
): Promise<{ table: Table3; previous: Table3; problems: string[] }> {
  const [table, previous] = await Promise.all([table3Of(db, unitIds, year), table3Of(db, unitIds, year - 1)]);
  return { table, previous, problems: checkTable3(table, previous) };
}

export async function table4ForUnits(
  db: Db,
  unitIds: number[],
  year: number,
): Promise<{ table: Table4; problems: string[] }> {
  const rows = unitIds.length
    ? await db.k
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
        .execute()
    : [];
  const table = computeTable4(
    rows.map((r) => ({ kind: r.kind, filedOn: r.filed_on, result: r.result, decidedOn: r.decided_on })),
    year,
  );
  return { table, problems: checkTable4(table) };
}
