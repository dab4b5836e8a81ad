/**
 * Annual report table 2, 第二十条第（一）项 (regulations §2.3): 规章 and 行政规范性文件 ×
 * 本年制发件数 / 本年废止件数 / 现行有效件数, counted from the unit's published government
 * information whose 文件类别 (info_records.doc_class) is 'rule' or 'normative'.
 *
 * Counting rules [A], over the records that were ever published (published or withdrawn after
 * publication):
 * - 本年制发件数: first published in the year. A record published in the year and withdrawn later
 *   still was 制发 that year and counts; publishing a change (新版本) is not a new 制发 — the date is
 *   that of the first publication (the earliest kept version).
 * - 本年废止件数: validity 失效 or 废止 with its date (validity_on) in the year.
 * - 现行有效件数: first published on or before 31 December, not withdrawn by then, and still valid on
 *   31 December (validity 有效, or 失效/废止 only after the year end).
 */
import { sql } from 'kysely';
import type { Db } from '../platform/db.js';
import { todayInChina } from '../calendar/dates.js';
import type { Table2ComputedKey } from './model.js';

export type Table2Computed = Record<Table2ComputedKey, number>;

export interface Table2Fact {
  docClass: string | null;
  /** First publication (China date); null if never published. */
  publishedOn: string | null;
  validity: string;
  validityOn: string | null;
  /** Withdrawal (China date); null if not withdrawn. A withdrawn record with an unknown date counts as withdrawn. */
  withdrawn: boolean;
  withdrawnOn: string | null;
}

const PREFIX = { rule: 'rules', normative: 'normative' } as const;

export const emptyTable2Computed = (): Table2Computed => ({
  rules_new: 0,
  rules_repealed: 0,
  rules_valid: 0,
  normative_new: 0,
  normative_repealed: 0,
  normative_valid: 0,
});

export function computeTable2(facts: Table2Fact[], year: number): Table2Computed {
  const t = emptyTable2Computed();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const inYear = (d: string | null) => !!d && d >= start && d <= end;
  for (const f of facts) {
    if (f.docClass !== 'rule' && f.docClass !== 'normative') continue;
    if (!f.publishedOn) continue;
    const p = PREFIX[f.docClass];
    if (inYear(f.publishedOn)) t[`${p}_new`]++;
    const ended = f.validity === 'expired' || f.validity === 'repealed';
    if (ended && inYear(f.validityOn)) t[`${p}_repealed`]++;
    const withdrawnByEnd = f.withdrawn && (!f.withdrawnOn || f.withdrawnOn <= end);
    const validAtEnd = !ended || (!!f.validityOn && f.validityOn > end);
    if (f.publishedOn <= end && !withdrawnByEnd && validAtEnd) t[`${p}_valid`]++;
  }
  return t;
}

const chinaDate = (iso: string | null | undefined): string | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : todayInChina(new Date(ms));
};

/**
 * The facts of table 2 for a unit list: one query over the published (or withdrawn) 规章 and
 * 行政规范性文件 of the units (index info_records_unit_doc_class), with the first publication time
 * from the kept versions of changed records (published_on is that of the current version). The
 * year is applied in computeTable2, so that a record changed after the year is still counted.
 */
export async function table2Facts(db: Db, unitIds: number[]): Promise<Table2Fact[]> {
  if (!unitIds.length) return [];
  const rows = await db.k
    .selectFrom('info_records as r')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('info_record_versions')
          .select('record_id')
          .select(sql<string | null>`min(published_at)`.as('first_at'))
          .groupBy('record_id')
          .as('v'),
      (join) => join.onRef('v.record_id', '=', 'r.id'),
    )
    .select([
      'r.doc_class',
      'r.status',
      'r.published_on',
      'r.validity',
      'r.validity_on',
      'r.withdrawn_at',
      'v.first_at',
    ])
    .where('r.unit_id', 'in', unitIds)
    .where('r.kind', '=', 'info')
    .where('r.doc_class', 'in', ['rule', 'normative'])
    .where('r.status', 'in', ['published', 'withdrawn'])
    .where('r.published_on', 'is not', null)
    .execute();
  return rows.map((r) => {
    const first = chinaDate(r.first_at);
    return {
      docClass: r.doc_class,
      publishedOn: first && r.published_on && first < r.published_on ? first : r.published_on,
      validity: r.validity,
      validityOn: r.validity_on,
      withdrawn: r.status === 'withdrawn',
      withdrawnOn: chinaDate(r.withdrawn_at),
    };
  });
}

/** 第二十条第（一）项 of a year for a unit list (the county roll-up passes every unit of the county). */
export async function table2Of(db: Db, unitIds: number[], year: number): Promise<Table2Computed> {
  return computeTable2(await table2Facts(db, unitIds), year);
}
