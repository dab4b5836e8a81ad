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
import type { Db } from '../platform/db.js';
import { type PublishedDocFact, publishedDocFacts } from '../publishing/api.js';
import type { Table2ComputedKey } from './model.js';

export type Table2Computed = Record<Table2ComputedKey, number>;

/** A published 规章 or 行政规范性文件 as table 2 counts it (from the publishing module). */
export type Table2Fact = PublishedDocFact;

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

/** 第二十条第（一）项 of a year for a unit list (the county roll-up passes every unit of the county). */
export async function table2Of(db: Db, unitIds: number[], year: number): Promise<Table2Computed> {
  return computeTable2(await publishedDocFacts(db.k, unitIds), year);
}
