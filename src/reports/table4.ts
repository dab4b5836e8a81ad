/**
 * Annual report table 4 (四、政府信息公开行政复议、行政诉讼情况): 行政复议, 行政诉讼 未经复议直接起诉
 * and 复议后起诉, each 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计.
 * Counting rule [A]: cases filed in the report year, with their result as of 31 December (a case
 * without a result by then is 尚未审结).
 */
import { APPEAL_KINDS, APPEAL_RESULTS, type AppealKind, type AppealResult } from '../requests/model.js';

export const T4_CELLS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type T4Cell = (typeof T4_CELLS)[number];
export type Table4 = Record<AppealKind, Record<T4Cell, number>>;

export interface AppealFact {
  kind: string;
  filedOn: string;
  result: string | null;
  decidedOn: string | null;
}

export function computeTable4(facts: AppealFact[], year: number): Table4 {
  const t = Object.fromEntries(
    Object.keys(APPEAL_KINDS).map((k) => [k, Object.fromEntries(T4_CELLS.map((c) => [c, 0]))]),
  ) as Table4;
  const end = `${year}-12-31`;
  for (const f of facts) {
    if (!(f.kind in APPEAL_KINDS) || !f.filedOn.startsWith(String(year))) continue;
    const row = t[f.kind as AppealKind];
    const decided = f.result && f.result in APPEAL_RESULTS && f.decidedOn && f.decidedOn <= end;
    row[decided ? (f.result as AppealResult) : 'pending']++;
    row.total++;
  }
  return t;
}

export function checkTable4(t: Table4): string[] {
  return (Object.keys(APPEAL_KINDS) as AppealKind[]).flatMap((k) => {
    const r = t[k];
    return r.upheld + r.corrected + r.other + r.pending === r.total
      ? []
      : [`${APPEAL_KINDS[k]}：总计（${r.total}）不等于结果维持、结果纠正、其他结果、尚未审结之和`];
  });
}
