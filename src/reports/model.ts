/** The 2021 annual report format (国办公开办函〔2021〕30号): section titles and table labels, exactly. */
import { OUTCOMES } from '../requests/model.js';

export const SECTION_TITLES = {
  one: '一、总体情况',
  two: '二、主动公开政府信息情况',
  three: '三、收到和处理政府信息公开申请情况',
  four: '四、政府信息公开行政复议、行政诉讼情况',
  five: '五、存在的主要问题及改进情况',
  six: '六、其他需要报告的事项',
} as const;

/** Table 2 cells: key, row label, column label (regulations §2.3). */
export const TABLE2_FIELDS = [
  ['rules_new', '规章', '本年制发件数'],
  ['rules_repealed', '规章', '本年废止件数'],
  ['rules_valid', '规章', '现行有效件数'],
  ['normative_new', '行政规范性文件', '本年制发件数'],
  ['normative_repealed', '行政规范性文件', '本年废止件数'],
  ['normative_valid', '行政规范性文件', '现行有效件数'],
  ['licensing', '行政许可', '本年处理决定数量'],
  ['penalty', '行政处罚', '本年处理决定数量'],
  ['coercion', '行政强制', '本年处理决定数量'],
  ['fees', '行政事业性收费', '本年收费金额（单位：万元）'],
] as const;
export type Table2Key = (typeof TABLE2_FIELDS)[number][0];
export type Table2 = Record<Table2Key, number>;

/** 第二十条第（一）项: computed from the unit's published 规章 and 行政规范性文件 (table2.ts), never typed in. */
export const TABLE2_COMPUTED = [
  'rules_new',
  'rules_repealed',
  'rules_valid',
  'normative_new',
  'normative_repealed',
  'normative_valid',
] as const satisfies readonly Table2Key[];
export type Table2ComputedKey = (typeof TABLE2_COMPUTED)[number];
/** 行政许可, 行政处罚, 行政强制, 行政事业性收费: the product holds no such records, so the editor enters them. */
export const TABLE2_ENTERED = TABLE2_FIELDS.filter(([k]) => !(TABLE2_COMPUTED as readonly string[]).includes(k));
export const TABLE2_COMPUTED_NOTE = '根据本平台已发布信息自动统计';

export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The label rows of table 3: [level-1, level-2, level-3] per data row, in order. */
export const TABLE3_ROWS: { key: string; l1: string; l2?: string; l3?: string }[] = [
  { key: 'newReceived', l1: '一、本年新收政府信息公开申请数量' },
  { key: 'carriedOver', l1: '二、上年结转政府信息公开申请数量' },
  ...Object.entries(OUTCOMES).map(([key, o]) =>
    o.group === o.label
      ? { key, l1: '三、本年度办理结果', l2: o.label }
      : { key, l1: '三、本年度办理结果', l2: o.group, l3: o.label },
  ),
  { key: 'total', l1: '三、本年度办理结果', l2: '（七）总计' },
  { key: 'carryForward', l1: '四、结转下年度继续办理' },
];

export interface Sections {
  one: string;
  five: string;
  six: string;
}

/** A report's title, also its file name: “示范县民政局2025年政府信息公开工作年度报告”. */
export const reportTitle = (r: { unitName: string; year: number }) =>
  `${r.unitName}${r.year}年政府信息公开工作年度报告`;
