/**
 * Government information records: fixed vocabularies and pure metadata rules (regulations §4).
 */
import { NEGATIVE_REASONS } from '../catalog/negative.js';

/** 主题分类: the two-level tree of the 国务院/中国政府网 policy library (regulations §4.3), shown as 一级\二级. */
export const SUBJECT_TREE: readonly (readonly [string, readonly string[]])[] = [
  [
    '国务院组织机构',
    [
      '国务院',
      '国务院办公厅',
      '国务院组成部门',
      '国务院直属特设机构',
      '国务院直属机构',
      '国务院办事机构',
      '国务院直属事业单位',
      '国务院部委管理的国家局',
      '国务院议事协调机构',
      '其他',
    ],
  ],
  ['综合政务', ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '参事、文史', '其他']],
  ['国民经济管理、国有资产监管', ['宏观经济', '经济体制改革', '统计', '物价', '国有资产监管', '重大建设项目', '其他']],
  ['财政、金融、审计', ['财政', '税务', '银行', '货币（含外汇）', '证券', '保险', '社会信用体系建设', '审计', '其他']],
  ['国土资源、能源', ['土地', '矿产', '水资源', '海洋', '煤炭', '石油与天然气', '电力', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '其他']],
  [
    '工业、交通',
    [
      '机械制造与重工业',
      '轻工纺织',
      '化工',
      '国防工业',
      '航天、航空',
      '信息产业（含电信）',
      '公路',
      '水运',
      '铁路',
      '民航',
      '邮政',
      '其他',
    ],
  ],
  ['商贸、海关、旅游', ['对外经贸合作', '国内贸易（含供销）', '海关', '检验、检疫', '旅游', '其他']],
  ['市场监管、安全生产监管', ['工商', '质量监督', '标准', '食品药品监管', '安全生产监管', '其他']],
  [
    '城乡建设、环境保护',
    ['城市规划', '城乡建设（含住房）', '环境监测、保护与治理', '节能与资源综合利用', '气象、水文、测绘、地震', '其他'],
  ],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '文物', '新闻出版', '广播、电影、电视', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '军转安置', '监察', '纠正行业不正之风', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['减灾救灾', '优抚安置', '社会福利', '行政区划与地名', '社团管理', '扶贫', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务']],
  ['对外事务', ['外交、外事', '国际条约、国际组织', '其他']],
  ['港澳台侨工作', ['港澳工作', '对台工作', '侨务工作']],
  ['国防', ['国防建设', '国防动员']],
  ['其他', []],
];

/** Every valid 主题分类 value: `一级\二级`, or a first level that has no second level. */
export const SUBJECTS: readonly string[] = SUBJECT_TREE.flatMap(([l1, l2s]) =>
  l2s.length ? l2s.map((l2) => `${l1}\\${l2}`) : [l1],
);

/** 体裁分类 (common local list; regulations §4.3 notes 通知, 意见, 办法…). */
export const GENRES = [
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
  '规定',
  '办法',
  '细则',
  '规划',
  '计划',
  '方案',
  '公示',
  '名单',
  '统计数据',
  '解读',
  '清理结果',
  '其他',
] as const;

/** 公开属性 (regulations §4.4): set when drafting (源头认定) and confirmed at review. */
export const ATTRIBUTES = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
  redacted: '删减后公开',
} as const;
export type Attribute = keyof typeof ATTRIBUTES;
/** Only these appear on the portal. */
export const PUBLIC_ATTRIBUTES: readonly Attribute[] = ['proactive', 'redacted'];

/** Reasons for 不予公开 / 删减后公开: the grounds of 条例第十四条至第十六条 (as in the 负面清单). */
export const WITHHOLD_REASONS = NEGATIVE_REASONS;
export const withholdReasonText = (key: string | null | undefined): string => {
  const r = WITHHOLD_REASONS.find((x) => x.key === key);
  return r ? `${r.label}（《中华人民共和国政府信息公开条例》${r.article}）` : '';
};

/** 有效性. */
export const VALIDITY = { valid: '有效', expired: '失效', repealed: '废止' } as const;
export type Validity = keyof typeof VALIDITY;

/**
 * 文件类别 for table 2 of the annual report (regulations §2.3, 第二十条第（一）项): 规章 and
 * 行政规范性文件 are counted from the published records; anything else is 其他 (stored as null).
 */
export const DOC_CLASSES = { rule: '规章', normative: '行政规范性文件' } as const;
export type DocClass = keyof typeof DOC_CLASSES;
export const docClassLabel = (v: string | null | undefined): string =>
  v && v in DOC_CLASSES ? DOC_CLASSES[v as DocClass] : '其他';

export const RECORD_KINDS = { info: '政府信息', interpretation: '政策解读' } as const;

/** Forms of a 政策解读 (regulations §5.1). */
export const INTERPRETATION_FORMS = ['文字', '图解', '问答', '视频', '案例'] as const;

export const STATUS_LABELS: Record<string, string> = {
  draft: '草稿',
  submitted: '待审查',
  returned: '已退回修改',
  approved: '审查通过待发布',
  scheduled: '定时发布',
  published: '已发布',
  withdrawn: '已撤回',
  /** Approved records that are not disclosed proactively stay in the unit's files. */
  filed: '已审定（不主动公开）',
};

/** Records not yet out, whose 公开时限 is running (条例第二十六条). */
export const OPEN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'scheduled'] as const;

export const EVENT_LABELS: Record<string, string> = {
  create: '起草',
  update: '修改',
  submit: '提交审查',
  return: '退回修改',
  approve: '审查通过',
  publish: '发布',
  schedule: '设定定时发布',
  change: '提出变更',
  change_publish: '发布变更（新版本）',
  withdraw: '撤回',
  validity: '修改有效性',
  assess: '不予公开定期评估',
  attach: '上传附件',
  detach: '删除附件',
  channel: '登记公开渠道',
};

/** Channels a record can be recorded as actually published through (条例第二十三条 and the catalog template). */
export { STANDARD_CHANNELS as RECORD_CHANNELS } from '../catalog/model.js';

// ---------------------------------------------------------------------------------------------
// 文号 (发文字号, GB/T 9704—2012 7.2.5; regulations §4.5)
// ---------------------------------------------------------------------------------------------

const DOC_NUMBER = /^[\u4e00-\u9fa5A-Za-z0-9（）()·]+〔(19|20)\d{2}〕[1-9]\d*号$/;
const ORDER_NUMBER = /^[\u4e00-\u9fa5]+令第[1-9]\d*号$/;

/**
 * Normalise the common mistakes of a 文号 — [2020], 【2020】, (2020), （2020）, a leading zero
 * (064号), 第64号 — to the GB/T 9704 form; returns the corrected text and whether it is valid.
 * 令 numbering (国令第711号) legitimately keeps 第.
 */
export function normalizeDocNumber(raw: string): { value: string; valid: boolean } {
  let s = raw.trim().replace(/\s+/g, '');
  if (ORDER_NUMBER.test(s)) return { value: s, valid: true };
  s = s.replace(/[[【(（]((?:19|20)\d{2})[\]】)）]/, '〔$1〕');
  s = s.replace(/〔((?:19|20)\d{2})〕第?0*([1-9]\d*)號?号?$/, '〔$1〕$2号');
  return { value: s, valid: DOC_NUMBER.test(s) };
}

// ---------------------------------------------------------------------------------------------
// 索引号 (regulations §4.2): no national format; a template per site.
// ---------------------------------------------------------------------------------------------

/** Setting key of the 索引号 template. Placeholders: {机构代码} {年份} {年月} {流水号} ({流水号:6} for width 6). */
export const INDEX_SCHEME_KEY = 'publishing.indexScheme';
export const DEFAULT_INDEX_SCHEME = '{机构代码}/{年份}-{流水号}';

/** Fill a 索引号 template. The serial is per unit and year, zero-padded (default 5), never reused. */
export function formatIndexNo(scheme: string, v: { code: string; date: string; serial: number }): string {
  return scheme
    .replace(/\{机构代码\}/g, v.code)
    .replace(/\{年份\}/g, v.date.slice(0, 4))
    .replace(/\{年月\}/g, v.date.slice(0, 4) + v.date.slice(5, 7))
    .replace(/\{流水号(?::(\d))?\}/g, (_m, w: string | undefined) => String(v.serial).padStart(w ? Number(w) : 5, '0'));
}

export function checkIndexScheme(scheme: string): string | null {
  if (!/\{流水号(?::\d)?\}/.test(scheme)) return '索引号规则必须包含流水号 {流水号}';
  if (!/\{(年份|年月)\}/.test(scheme)) return '索引号规则必须包含年份 {年份} 或 {年月}';
  const rest = scheme.replace(/\{(机构代码|年份|年月|流水号(?::\d)?)\}/g, '');
  if (/[{}]/.test(rest)) return '索引号规则中有无法识别的占位符，只能使用 {机构代码} {年份} {年月} {流水号}';
  if (rest.length > 20) return '索引号规则过长';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Columns of the portal a record is published in (国办公开办函〔2019〕61号)
// ---------------------------------------------------------------------------------------------

/**
 * Sub-columns of 法定主动公开内容: `a20-N` for 条例第二十条第（N）项, `a21-名称` for the 第二十一条
 * content of counties and townships; `tzgg` 通知公告 and `zcwj` 政策文件 are common extra sub-columns.
 */
export const RECORD_COLUMNS = {
  fdzdgknr: '法定主动公开内容',
  zhidu: '政府信息公开制度',
} as const;
