/**
 * Annual report table 3 (三、收到和处理政府信息公开申请情况, 国办公开办函〔2021〕30号) computed from
 * requests, with the 勾稽 checks of regulations §2.4. Pure; keys follow regulations §2.7.
 */
import { OUTCOMES, type Outcome } from '../requests/model.js';

export const COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicWelfare',
  'legalService',
  'otherOrg',
  'total',
] as const;
export type Column = (typeof COLUMNS)[number];

export const COLUMN_LABELS: Record<Column, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicWelfare: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

export const RESULT_KEYS = Object.keys(OUTCOMES) as Outcome[];
export const ROW_KEYS = ['newReceived', 'carriedOver', ...RESULT_KEYS, 'total', 'carryForward'] as const;
export type RowKey = 'newReceived' | 'carriedOver' | Outcome | 'total' | 'carryForward';

export type Table3 = Record<RowKey, Record<Column, number>>;

export interface RequestFact {
  /** 收到申请之日; requests never received (unconfirmed online submissions) are not counted. */
  receivedOn: string | null;
  repliedOn: string | null;
  outcome: string | null;
  applicantType: string;
  orgType: string | null;
}

export function columnOf(f: Pick<RequestFact, 'applicantType' | 'orgType'>): Exclude<Column, 'total'> {
  if (f.applicantType === 'natural') return 'naturalPerson';
  switch (f.orgType) {
    case 'commercial':
      return 'commercial';
    case 'research':
      return 'research';
    case 'public_welfare':
      return 'publicWelfare';
    case 'legal_service':
      return 'legalService';
    default:
      return 'otherOrg';
  }
}

const zeroRow = (): Record<Column, number> => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<Column, number>;

export function emptyTable3(): Table3 {
  return Object.fromEntries(ROW_KEYS.map((k) => [k, zeroRow()])) as Table3;
}

/**
 * Each request counts once: 一 when received in the year, 二 when received earlier and still open on
 * 1 January; under one result row of 三 when answered in the year; 四 when still open on 31 December.
 */
export function computeTable3(facts: RequestFact[], year: number): Table3 {
  const t = emptyTable3();
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const add = (row: RowKey, col: Exclude<Column, 'total'>) => {
    t[row][col]++;
    t[row].total++;
  };
  for (const f of facts) {
    if (!f.receivedOn || f.receivedOn > end) continue;
    const col = columnOf(f);
    const openAtStart = f.receivedOn < start && (!f.repliedOn || f.repliedOn >= start);
    if (f.receivedOn >= start) add('newReceived', col);
    else if (openAtStart) add('carriedOver', col);
    else continue; // closed before the year
    if (f.repliedOn && f.repliedOn <= end && f.outcome && f.outcome in OUTCOMES) {
      add(f.outcome as Outcome, col);
      add('total', col);
    } else add('carryForward', col);
  }
  return t;
}

/** The 勾稽 identities of regulations §2.4; each failure is a Chinese sentence. */
export function checkTable3(t: Table3, previous?: Table3): string[] {
  const problems: string[] = [];
  for (const c of COLUMNS) {
    const lhs = t.newReceived[c] + t.carriedOver[c];
    const rhs = t.total[c] + t.carryForward[c];
    if (lhs !== rhs) problems.push(`“${COLUMN_LABELS[c]}”列：第一项加第二项（${lhs}）不等于第三项加第四项（${rhs}）`);
    const sum = RESULT_KEYS.reduce((s, k) => s + t[k][c], 0);
    if (sum !== t.total[c])
      problems.push(`“${COLUMN_LABELS[c]}”列：（七）总计（${t.total[c]}）不等于各办理结果之和（${sum}）`);
    if (previous && previous.carryForward[c] !== t.carriedOver[c])
      problems.push(
        `“${COLUMN_LABELS[c]}”列：上年结转（${t.carriedOver[c]}）不等于上年度结转下年度继续办理（${previous.carryForward[c]}）`,
      );
  }
  for (const k of ROW_KEYS) {
    const parts = COLUMNS.filter((c) => c !== 'total').reduce((s, c) => s + t[k][c], 0);
    if (parts !== t[k].total) problems.push(`“${k}”行：总计（${t[k].total}）不等于各类申请人之和（${parts}）`);
    for (const c of COLUMNS)
      if (!Number.isInteger(t[k][c]) || t[k][c] < 0) problems.push(`“${k}”行“${COLUMN_LABELS[c]}”列不是非负整数`);
  }
  return problems;
}
