/**
 * 公开时限 (time limit) reader: turns the free-text time-limit column of a 政务公开事项标准目录 row into
 * machine rules that the working-day clocks can compute, or answers 需人工设定 (needs a manual rule).
 *
 * Pure module: no I/O, no dependencies.
 *
 * Principles
 * - Never guess. A text is read only when every part of it matches a known phrasing; if any part is
 *   unreadable the whole result is 'manual' with a Chinese note naming the part, and no rules.
 * - Units are taken literally: "工作日" is a working day; a bare "日"/"天" is a calendar day (the usual
 *   meaning in PRC statutes, e.g. 《预算法》第十四条 "批准后二十日内" for budgets).
 * - A deadline that names no start event ("20个工作日内") is read with the statutory default start,
 *   "自该政府信息形成或者变更之日起" (《政府信息公开条例》第二十六条), and marked triggerImplied.
 * - "法律、法规对政府信息公开的期限另有规定的，从其规定" and its variants set lawOverride; they are not a rule.
 * - A text marked as cut off in the source ("(truncated)") is not read: what follows the cut is unknown.
 *   The note then shows what could be read before the cut, as a suggestion for the person who sets it.
 */

// ---------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------

/** The event a time limit counts from (or, for 'advance', counts back from). */
export type Trigger =
  | 'info_formed_or_changed'
  | 'made_or_obtained'
  | 'request_received'
  | 'decision_made'
  | 'major_decision_made'
  | 'approved'
  | 'congress_approved'
  | 'finance_approved'
  | 'allocation_result_fixed'
  | 'land_approval_received'
  | 'land_survey_started'
  | 'event_held';

/** The date the user enters for each trigger (UI label). */
export const TRIGGER_LABELS: Record<Trigger, string> = {
  // 《政府信息公开条例》第二十六条: "自该政府信息形成或者变更之日起20个工作日内及时公开".
  info_formed_or_changed: '信息形成或变更之日',
  // 民政 domains (社会救助, 养老服务): "制定或获取信息之日起10个工作日内"; 公共法律服务: "制作或获取该信息之日起".
  made_or_obtained: '制作或获取信息之日',
  // 条例第三十三条: "自收到申请之日起20个工作日内予以答复".
  request_received: '收到申请之日',
  decision_made: '作出决定之日',
  major_decision_made: '重大决策作出之日',
  approved: '批准之日',
  // 《预算法》第十四条: "经本级人民代表大会或者本级人民代表大会常务委员会批准的预算……应当在批准后二十日内……向社会公开".
  congress_approved: '本级人民代表大会或其常务委员会批准之日',
  // 《预算法》第十四条: "经本级政府财政部门批复的部门预算……应当在批复后二十日内由各部门向社会公开".
  finance_approved: '本级政府财政部门批复之日',
  allocation_result_fixed: '分配结果确定之日',
  land_approval_received: '收到征地批准文件之日',
  land_survey_started: '实地启动拟征收土地工作之日',
  event_held: '会议或活动举行之日',
};

export type TimeUnit = 'workday' | 'day' | 'hour' | 'month';

export const UNIT_LABELS: Record<TimeUnit, string> = { workday: '个工作日', day: '日', hour: '小时', month: '个月' };

export type Period = 'month' | 'quarter' | 'half_year' | 'year';

export const PERIOD_LABELS: Record<Period, string> = { month: '月', quarter: '季度', half_year: '半年', year: '年' };

export interface Span {
  amount: number;
  unit: TimeUnit;
}

interface RuleBase {
  /** The part of the row's content the rule applies to, when the text splits rules by content. */
  scope?: string;
}

/** Publish within amount/unit after trigger ("信息形成或变更之日起20个工作日内"). */
export interface DeadlineRule extends RuleBase, Span {
  kind: 'deadline';
  trigger: Trigger;
  /** The text names no start event; trigger is the statutory default (条例第二十六条). */
  triggerImplied?: true;
  /** Where the text says to publish ("在政府网站/征地信息公开平台公开"). */
  channel?: string;
}

/** A posting (公示) period: the notice stays up this long ("公示7个工作日", "公示期7个工作日"). */
export interface PostingRule extends RuleBase, Span {
  kind: 'posting';
}

/** A period that must last at least this long ("征求意见期限不得少于30日"). */
export interface MinimumPeriodRule extends RuleBase, Span {
  kind: 'minimumPeriod';
  /** What the period is ("征求意见期限"); null when not named. */
  what: string | null;
}

/**
 * Recurring disclosure per calendar period. Without offset/due: at least `times` (default 1) per period.
 * offset: within amount/unit after each period ends ("每季度结束后10个工作日内").
 * due: by day `day` of month `month` of each period, month counted within the period, 1-based
 * ("每季度的首个月20日" → {month: 1, day: 20}; "每年1月31日前" → {month: 1, day: 31}).
 */
export interface PeriodicRule extends RuleBase {
  kind: 'periodic';
  period: Period;
  offset?: Span;
  due?: { month: number; day: number };
  times?: number;
}

/** Refresh every amount/unit ("每20个工作日更新"). */
export interface IntervalRule extends RuleBase, Span {
  kind: 'interval';
}

/** Kept public for the long term (长期公开 / 永久公开 / 常态化); dynamic: 动态调整 (kept up to date). */
export interface StandingRule extends RuleBase {
  kind: 'standing';
  dynamic?: true;
}

/** 及时公开: no fixed number of days. trigger: after which event; followsProgress: 按进展情况. */
export interface PromptRule extends RuleBase {
  kind: 'prompt';
  trigger: Trigger | null;
  followsProgress?: true;
}

/** 实时公开. */
export interface RealtimeRule extends RuleBase {
  kind: 'realtime';
}

/** The preceding deadline may be extended ("情况复杂的，经本单位负责人批准，可延长7个工作日"). */
export interface ExtensionRule extends RuleBase, Span {
  kind: 'extension';
  condition: string | null;
}

/** Act amount/unit before an event ("提前一周发通知邀请"). */
export interface AdvanceRule extends RuleBase, Span {
  kind: 'advance';
  before: Trigger;
  /** What to do in advance ("发通知邀请"). */
  action: string;
}

/** Published together with another document ("随采购公告、采购文件公开"). */
export interface WithDocumentRule extends RuleBase {
  kind: 'withDocument';
  document: string;
}

/** Published when an event happens ("在实地启动拟征收土地工作时，在村公示栏公开"). */
export interface OnEventRule extends RuleBase {
  kind: 'onEvent';
  trigger: Trigger;
  channel?: string;
}

export type TimeLimitRule =
  | DeadlineRule
  | PostingRule
  | MinimumPeriodRule
  | PeriodicRule
  | IntervalRule
  | StandingRule
  | PromptRule
  | RealtimeRule
  | ExtensionRule
  | AdvanceRule
  | WithDocumentRule
  | OnEventRule;

export interface ParsedTimeLimit {
  /** The text as given ('' for null/undefined). */
  text: string;
  /** 'manual' = 需人工设定: rules is then empty. */
  status: 'parsed' | 'manual';
  rules: TimeLimitRule[];
  /** "法律、法规另有规定的，从其规定" (or a variant) is part of the text. */
  lawOverride: boolean;
  /** Chinese explanation; always present for 'manual'. */
  note?: string;
}

export const MANUAL_LABEL = '需人工设定';

/** Longest normalised text the reader accepts (the longest phrasing seen is about 90 characters). */
export const MAX_LENGTH = 300;

/** The statutory default for proactive disclosure (条例第二十六条). */
export const STATUTORY_DEFAULT: Readonly<DeadlineRule> = Object.freeze({
  kind: 'deadline',
  amount: 20,
  unit: 'workday',
  trigger: 'info_formed_or_changed',
});

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十 → 20, 十五 → 15, 两 → 2, 一百零五 → 105, 二〇 → 20 (digit by digit when no 十/百/千). */
export function chineseNumber(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千]+$/.test(s)) return null;
  if (!/[十百千]/.test(s)) {
    let n = 0;
    for (const ch of s) n = n * 10 + CN_DIGITS[ch];
    return n;
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch];
    else {
      total += (digit === 0 ? 1 : digit) * CN_UNITS[ch];
      digit = 0;
    }
  }
  return total + digit;
}

/** Chinese numerals directly before a unit word become Arabic digits ("二十个工作日" → "20个工作日"). */
const CN_NUMBER_BEFORE_UNIT =
  /[零〇一二两三四五六七八九十百千]+(?=个?(?:工作日|自然日|日历日|日|天|小时|周|星期|月|年|次))/g;

/**
 * Full-width → half-width (NFKC: （）→(), ，→, ；→; ：→: ０-９→0-9), whitespace removed, Chinese
 * numerals before units converted. "、" and "。" stay (they have no half-width form).
 */
export function normalizeTimeLimitText(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[“”"'‘’]/g, '')
    .replace(/\s+/g, '')
    .replace(/[【〔]/g, '(')
    .replace(/[】〕]/g, ')')
    .replace(CN_NUMBER_BEFORE_UNIT, (m) => String(chineseNumber(m)));
}

/** Free text copied into a rule (scope, condition …) is shown with Chinese punctuation. */
const display = (s: string): string =>
  s.replace(/,/g, '，').replace(/:/g, '：').replace(/;/g, '；').replace(/\(/g, '（').replace(/\)/g, '）');

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

const UNIT = '(个工作日|工作日|个自然日|自然日|个日历日|日历日|日|天|个小时|小时|个月|周|个星期|星期)';

/** Amount and unit; a week is 7 calendar days. Amounts outside 1..9999 are refused. */
function span(amountText: string, unitText: string): Span | null {
  let amount = Number(amountText);
  if (!Number.isInteger(amount) || amount < 1 || amount > 9999) return null;
  let unit: TimeUnit;
  if (unitText.endsWith('工作日')) unit = 'workday';
  else if (unitText.endsWith('小时')) unit = 'hour';
  else if (unitText === '个月') unit = 'month';
  else if (unitText === '周' || unitText.endsWith('星期')) {
    unit = 'day';
    amount *= 7;
  } else unit = 'day';
  return { amount, unit };
}

const PERIOD = '(半年|季度|季|年度|年|月)';
function period(s: string): Period {
  if (s === '半年') return 'half_year';
  if (s.startsWith('季')) return 'quarter';
  if (s.startsWith('年')) return 'year';
  return 'month';
}

/** Words that make a would-be scope, condition or document name a sign of a vague or unknown rule. */
const VAGUE =
  /视情况|视具体|酌情|适时|根据|依据|按照|按上级|上级|要求|另行|需要时|必要时|原则上|一般|尽快|通知|另有规定|工作日|之日|及时|实时|长期|延长|时限|期限|以前|之前|以后|之后|顺延|节假日|除外|不含|不包括|为准|参照|如遇|如有|暂定/;

/** How a scope ends: it must name content (a decision, a result, a kind of document …). */
const SCOPE_NOUN =
  /(?:结果|信息|事项|决定|内容|文件|公告|方案|名单|政策|措施|资金|项目|目录|指南|标准|清单|报告|计划|规划|预算|决算|数据|材料|许可|处罚|解读|草案|意见|会议|批复|情况)$/;

/** A noun phrase naming part of the content ("处罚决定", "行政许可、行政处罚事项", "许可结果"). */
function plausibleScope(s: string): boolean {
  if (s.length < 2 || s.length > 30) return false;
  if (!/^[\u4e00-\u9fff、()/]+$/.test(s)) return false;
  if (VAGUE.test(s)) return false;
  if (/^(?:经|由|在|于|自|从|按|随|与)/.test(s)) return false;
  return SCOPE_NOUN.test(s);
}

/** Text before a trigger phrase: drop "其中" and modal verbs, then it must be a plausible scope. */
function cleanScope(raw: string): string | null | false {
  const s = raw.replace(/^其中/, '').replace(/(?:均应当|均应|应当|应|须|需|要|[,:])+$/, '');
  if (s === '') return null;
  return plausibleScope(s) ? display(s) : false;
}

const FROM = '(?:之日起|之日以后|之日后|起|以后|之后|后)';

interface TriggerPattern {
  trigger: Trigger;
  /** Matched at the end of the text before the amount; group 1, when present, is an embedded scope. */
  re: string;
  embeddedScope?: true;
}

const TRIGGER_PATTERNS: TriggerPattern[] = [
  // 信息形成或者变更之日起 / 自该政府信息形成或者变更之日起 / 信息产生、变更之日起 / 信息形成(变更) /
  // 信息形成之日起 / 公开事项信息形成或变更之日起 / 形成或者变更之日起 / 信息获取(形成、变更)
  {
    trigger: 'info_formed_or_changed',
    re: `(?:自|从)?该?(?:公开事项)?(?:政府)?(?:信息)?(?:(?:形成|产生|生成)(?:(?:或者|或|、|和|及)变更|\\(变更\\))?|获取\\(形成[、,]?变更\\))(?:之日起|之日以后|之日后|之日|起|以后|之后|后)?`,
  },
  // 制定或获取信息之日起 / 制定或获取备案政策之日起 / 自制作或获取该信息之日起
  {
    trigger: 'made_or_obtained',
    re: `(?:自|从)?(?:制作|制定)(?:或者|或|、)(?:获取|取得|获得)[\\u4e00-\\u9fff、]{0,10}?${FROM}`,
  },
  { trigger: 'request_received', re: `(?:自|从)?收到(?:政府信息公开)?申请${FROM}` },
  { trigger: 'land_approval_received', re: `(?:自|从)?收到征(?:收土)?地批准文件${FROM}` },
  { trigger: 'major_decision_made', re: `(?:自|从)?(?:重大决策作出|作出重大决策)${FROM}` },
  // 作出决定之日起 / 自作出行政决定之日起 / 作出行政处罚决定之日起
  { trigger: 'decision_made', re: `(?:自|从)?作出(?:行政)?(?:许可|处罚|行政许可|行政处罚)?决定${FROM}` },
  // 行政许可和行政处罚决定作出后: the decision named is the scope.
  { trigger: 'decision_made', re: `([\\u4e00-\\u9fff、]{2,20}?决定)作出${FROM}`, embeddedScope: true },
  // 本级人民代表大会或其常务委员会批准后 / 人大会议批复后
  {
    trigger: 'congress_approved',
    re: `(?:经)?(?:本级)?(?:人民代表大会(?:或者其|或其|及其|或)?(?:本级人民代表大会)?常务委员会|人民代表大会|人大(?:会议|常委会)?)(?:审查)?(?:批准|批复)${FROM}`,
  },
  // 本级政府财政部门批复后 / 经本级财政部门批复后
  { trigger: 'finance_approved', re: `(?:经)?(?:本级)?(?:政府)?财政部门(?:批复|批准)${FROM}` },
  { trigger: 'approved', re: `(?:经)?(?:批准|批复)${FROM}` },
  { trigger: 'allocation_result_fixed', re: `分配结果确定${FROM}` },
];

const COMPILED_TRIGGERS = TRIGGER_PATTERNS.map((p) => ({ ...p, regex: new RegExp(`^(.*?)(?:${p.re})$`) }));

/** Events named with "在…时" (onEvent). */
const EVENT_PATTERNS: Array<{ trigger: Trigger; re: RegExp }> = [
  { trigger: 'land_survey_started', re: /^实地启动拟征收土地工作$/ },
];

/**
 * The text before an amount ("部门预算经本级财政部门批复后") → trigger and scope.
 * null: not a known trigger (or the text before it is not a plausible scope).
 */
function splitTrigger(pre: string): { trigger: Trigger; scope?: string } | null {
  for (const p of COMPILED_TRIGGERS) {
    const m = p.regex.exec(pre);
    if (!m) continue;
    const outer = cleanScope(m[1]);
    if (outer === false) continue;
    let inner: string | null = null;
    if (p.embeddedScope) {
      const c = cleanScope(m[2]);
      if (c === false) continue;
      inner = c;
    }
    const scope = outer && inner ? `${outer}${inner}` : (outer ?? inner);
    return scope ? { trigger: p.trigger, scope } : { trigger: p.trigger };
  }
  return null;
}

/** What may follow "N个工作日内": a publishing verb, optionally with a channel. */
function parseTail(post: string): { channel?: string } | null {
  if (/^(?:应|须)?(?:予以|及时|主动|向社会)?(?:公开|公示|公布|发布|更新|完成公开|答复)?$/.test(post)) return {};
  const m = /^,?(?:应|须)?(?:在|通过)(.+?)(?:上)?(?:予以|及时)?(?:公开|公示|公布|发布)$/.exec(post);
  if (m && /^[\u4e00-\u9fff、/]+$/.test(m[1]) && !VAGUE.test(m[1])) return { channel: display(m[1]) };
  return null;
}

const PUBLISH = '(?:予以)?(?:公开|公示|公布|发布|更新)';

// ---------------------------------------------------------------------------------------------
// Clause readers: each reads one whole clause or returns null
// ---------------------------------------------------------------------------------------------

type ClauseReader = (c: string) => TimeLimitRule | null;

const readRealtime: ClauseReader = (c) =>
  /^(?:实时|即时)(?:公开|更新|发布|公布)?$/.test(c) ? { kind: 'realtime' } : null;

const readStanding: ClauseReader = (c) => {
  let m =
    /^(?:保持)?(?:长期|永久|常态化|持续)(?:公开|公布|有效)?(?:\((动态(?:调整|更新))\)|,?(动态(?:调整|更新)))?$/.exec(c);
  if (m) return m[1] || m[2] ? { kind: 'standing', dynamic: true } : { kind: 'standing' };
  m = /^动态(?:调整|更新)(?:公开)?$/.exec(c);
  return m ? { kind: 'standing', dynamic: true } : null;
};

const readPrompt: ClauseReader = (c) => {
  if (/^(?:按|根据)(?:工作)?(?:进展|进度)(?:情况)?(?:及时)?(?:予以)?(?:公开|发布|公布|更新)$/.test(c)) {
    return { kind: 'prompt', trigger: null, followsProgress: true };
  }
  const m = /^(.*?)(?:及时|尽快|第一时间)(?:予以)?(?:公开|发布|公布|更新|公示)?$/.exec(c);
  if (!m) return null;
  if (m[1] === '') return { kind: 'prompt', trigger: null };
  const t = splitTrigger(m[1]);
  if (!t) return null;
  return { kind: 'prompt', trigger: t.trigger, ...(t.scope ? { scope: t.scope } : {}) };
};

const readPosting: ClauseReader = (c) => {
  const m = new RegExp(`^(?:张榜)?公示(?:期|期限|时间)?(?:为|不少于|不得少于|不低于)?(\\d+)${UNIT}$`).exec(c);
  if (!m) return null;
  const s = span(m[1], m[2]);
  return s ? { kind: 'posting', ...s } : null;
};

const readMinimum: ClauseReader = (c) => {
  const m = new RegExp(`^(.*?)(?:不得少于|不少于|不低于|不短于)(\\d+)${UNIT}$`).exec(c);
  if (!m) return null;
  const s = span(m[2], m[3]);
  if (!s) return null;
  if (m[1] === '') return { kind: 'minimumPeriod', ...s, what: null };
  // "征求意见期限": a noun phrase; "期限"/"时间" is allowed here (it is what the minimum applies to).
  const what = m[1];
  if (!/^[\u4e00-\u9fff、]{2,20}$/.test(what) || VAGUE.test(what.replace(/(?:期限|时间|期)$/, ''))) return null;
  return { kind: 'minimumPeriod', ...s, what: display(what) };
};

const readExtension: ClauseReader = (c) => {
  const m = new RegExp(
    `^(.*?),?(?:最长|最多)?(?:可以|可|可再|可适当)?延长(?:期限)?(?:不超过|最长不超过|不得超过|最多)?(\\d+)${UNIT}$`,
  ).exec(c);
  if (!m) return null;
  const s = span(m[2], m[3]);
  if (!s) return null;
  const cond = m[1].replace(/,+$/, '');
  if (cond === '') return { kind: 'extension', ...s, condition: null };
  // The condition is words only: a number in it means another rule is mixed in.
  if (/\d/.test(cond) || !/^[\u4e00-\u9fff、,]+$/.test(cond)) return null;
  return { kind: 'extension', ...s, condition: display(cond) };
};

const readPeriodic: ClauseReader = (c) => {
  // 每季度的首个月20日 / 每季度第1个月20日前
  let m = new RegExp(
    `^(?:每|按)${PERIOD}的?(?:首个?月|第(\\d{1,2})个月)(\\d{1,2})日(?:前|之前|以前)?${PUBLISH}?$`,
  ).exec(c);
  if (m) {
    const month = m[2] ? Number(m[2]) : 1;
    const day = Number(m[3]);
    const p = period(m[1]);
    const months = { month: 1, quarter: 3, half_year: 6, year: 12 }[p];
    if (month < 1 || month > months || day < 1 || day > 31) return null;
    return { kind: 'periodic', period: p, due: { month, day } };
  }
  // 每年1月31日前
  m = new RegExp(`^每年(?:度)?(\\d{1,2})月(\\d{1,2})日(?:前|之前|以前)?${PUBLISH}?$`).exec(c);
  if (m) {
    const month = Number(m[1]);
    const day = Number(m[2]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return null;
    return { kind: 'periodic', period: 'year', due: { month, day } };
  }
  // 每季度结束后10个工作日内
  m = new RegExp(`^(?:每|按)${PERIOD}(?:结束|终了|末)(?:后|之日起)(\\d+)${UNIT}(?:以?内)${PUBLISH}?$`).exec(c);
  if (m) {
    const s = span(m[2], m[3]);
    return s ? { kind: 'periodic', period: period(m[1]), offset: s } : null;
  }
  // 每季度公开一次 / 按月更新 / 每半年至少更新1次 / 半年至少更新1次
  m = new RegExp(`^(?:(?:每|按)${PERIOD}(?:至少)?${PUBLISH}?(?:(\\d+)次)?|${PERIOD}至少${PUBLISH}(\\d+)次)$`).exec(c);
  if (m) {
    const p = period(m[1] ?? m[3]);
    const times = Number(m[2] ?? m[4] ?? '1');
    if (!Number.isInteger(times) || times < 1 || times > 366) return null;
    return times > 1 ? { kind: 'periodic', period: p, times } : { kind: 'periodic', period: p };
  }
  return null;
};

const readInterval: ClauseReader = (c) => {
  const m = new RegExp(`^每(?:隔)?(\\d+)${UNIT}(?:至少)?(?:更新|公开|发布)(?:一次|1次)?$`).exec(c);
  if (!m) return null;
  const s = span(m[1], m[2]);
  return s ? { kind: 'interval', ...s } : null;
};

const readAdvance: ClauseReader = (c) => {
  // "提前一周发通知邀请": the event is the row's own meeting or activity.
  const m = new RegExp(`^提前(\\d+)${UNIT}([\\u4e00-\\u9fff、]{2,20})$`).exec(c);
  if (!m || VAGUE.test(m[3].replace(/通知/g, ''))) return null;
  const s = span(m[1], m[2]);
  return s ? { kind: 'advance', ...s, before: 'event_held', action: m[3] } : null;
};

const readWithDocument: ClauseReader = (c) => {
  // "随采购公告、采购文件公开" / "政策解读与政策文件同步公开"
  const m = /^(.*?)(?:随(.+?)(?:一并|一起|同时|同步)?|与(.+?)(?:一并|一起|同时|同步))(?:公开|发布|公布)$/.exec(c);
  if (!m) return null;
  const doc = m[2] ?? m[3];
  if (!/^[\u4e00-\u9fff、]{2,30}$/.test(doc) || VAGUE.test(doc)) return null;
  const scope = cleanScope(m[1]);
  if (scope === false) return null;
  return scope ? { kind: 'withDocument', document: doc, scope } : { kind: 'withDocument', document: doc };
};

const readOnEvent: ClauseReader = (c) => {
  const m = /^在(.+?)时,?(?:在(.+?))?(?:予以)?(?:公开|公示|公布|发布)$/.exec(c);
  if (!m) return null;
  const ev = EVENT_PATTERNS.find((e) => e.re.test(m[1]));
  if (!ev) return null;
  if (m[2] !== undefined && (!/^[\u4e00-\u9fff、/]+$/.test(m[2]) || VAGUE.test(m[2]))) return null;
  return m[2]
    ? { kind: 'onEvent', trigger: ev.trigger, channel: display(m[2]) }
    : { kind: 'onEvent', trigger: ev.trigger };
};

const readDeadline: ClauseReader = (c) => {
  const m = new RegExp(`^([^\\d]*?)(\\d+)${UNIT}(?:以?内)?(.*)$`).exec(c);
  if (!m) return null;
  const s = span(m[2], m[3]);
  if (!s) return null;
  const tail = parseTail(m[4]);
  if (!tail) return null;
  const pre = m[1];
  if (pre === '') {
    // No start event named: the statutory default start (条例第二十六条), for day counts only.
    if (s.unit !== 'workday' && s.unit !== 'day') return null;
    return { kind: 'deadline', ...s, trigger: 'info_formed_or_changed', triggerImplied: true, ...tail };
  }
  const t = splitTrigger(pre);
  if (!t) return null;
  return { kind: 'deadline', ...s, trigger: t.trigger, ...(t.scope ? { scope: t.scope } : {}), ...tail };
};

const READERS: ClauseReader[] = [
  readRealtime,
  readStanding,
  readPeriodic,
  readInterval,
  readPosting,
  readMinimum,
  readExtension,
  readAdvance,
  readWithDocument,
  readOnEvent,
  readDeadline,
  readPrompt,
];

function readClause(c: string): TimeLimitRule | null {
  if (c === '') return null;
  for (const r of READERS) {
    const rule = r(c);
    if (rule) return rule;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Splitting
// ---------------------------------------------------------------------------------------------

/** Split at top-level (outside parentheses) separators. */
function splitTop(s: string, seps: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** "1.…2.…" / "(1)…(2)…" / "①…②…": split at the markers, in sequence; otherwise [s]. */
function splitNumbered(s: string): string[] {
  const circled = '①②③④⑤⑥⑦⑧⑨⑩';
  let marker: (n: number) => RegExp;
  if (/^1[.、](?!\d)/.test(s)) marker = (n) => new RegExp(`(?<!\\d)${n}[.、](?!\\d)`);
  else if (/^\(1\)/.test(s)) marker = (n) => new RegExp(`\\(${n}\\)`);
  else if (s.startsWith('①')) marker = (n) => new RegExp(circled[n - 1] ?? '$^');
  else return [s];
  const items: string[] = [];
  let rest = s.replace(marker(1), '');
  for (let n = 2; ; n++) {
    const m = marker(n).exec(rest);
    if (!m) break;
    items.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  items.push(rest);
  return items;
}

/** Strip "其中", "另:" and one pair of parentheses around the whole text. */
function stripLead(s: string): string {
  let t = s.replace(/^[,:、]+|[,:、]+$/g, '');
  for (;;) {
    const before = t;
    t = t.replace(/^其中[,:]?/, '').replace(/^(?:另外|另)[,:]/, '');
    if (t.startsWith('(') && t.endsWith(')') && matchingParen(t, 0) === t.length - 1) t = t.slice(1, -1);
    t = t.replace(/^[,:、]+|[,:、]+$/g, '');
    if (t === before) return t;
  }
}

function matchingParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

type Read = { ok: true; rules: TimeLimitRule[] } | { ok: false; part: string };

const withScope = (rules: TimeLimitRule[], scope: string): TimeLimitRule[] =>
  rules.map((r) => ({ ...r, scope: r.scope ? `${scope}（${r.scope}）` : scope }));

/** One unit: a clause, "scope:body", or "body(extra rule or scope)". */
function readUnit(text: string): Read {
  const u = stripLead(text);
  if (u === '') return { ok: false, part: text };
  const rule = readClause(u);
  if (rule) return { ok: true, rules: [rule] };

  // "处罚决定:20个工作日内"
  const colon = /^([^:,()]+):(.+)$/.exec(u);
  if (colon) {
    const scope = cleanScope(colon[1]);
    if (!scope) return { ok: false, part: u };
    const body = readBody(colon[2]);
    return body.ok ? { ok: true, rules: withScope(body.rules, scope) } : body;
  }

  // "…予以公开(许可结果)" / "…公开(另:…)"
  if (u.endsWith(')')) {
    let open = -1;
    for (let i = u.length - 1, depth = 0; i >= 0; i--) {
      if (u[i] === ')') depth++;
      else if (u[i] === '(' && --depth === 0) {
        open = i;
        break;
      }
    }
    if (open > 0) {
      const head = readBody(u.slice(0, open));
      if (!head.ok) return head;
      const innerText = u.slice(open + 1, -1);
      const inner = readBody(innerText);
      if (inner.ok) return { ok: true, rules: [...head.rules, ...inner.rules] };
      const scope = cleanScope(innerText);
      if (scope) return { ok: true, rules: withScope(head.rules, scope) };
      return { ok: false, part: innerText };
    }
  }
  return { ok: false, part: u };
}

/** The longest clause read as one spans 3 comma parts ("情况复杂的,经本单位负责人批准,可延长7个工作日"). */
const MAX_GROUP = 5;

/**
 * A sentence: top-level comma-separated parts, grouped greedily (longest group that reads first), so
 * that "情况复杂的,经本单位负责人批准,可延长7个工作日" stays one clause and
 * "制定或获取信息之日起10个工作日内,公示7个工作日" becomes two.
 */
function readBody(text: string): Read {
  const parts = splitTop(text, ',').filter((p) => p !== '');
  if (parts.length === 0) return { ok: false, part: text };
  const rules: TimeLimitRule[] = [];
  let i = 0;
  while (i < parts.length) {
    let last: Read = { ok: false, part: parts[i] };
    for (let j = Math.min(parts.length, i + MAX_GROUP); j > i; j--) {
      last = readUnit(parts.slice(i, j).join(','));
      if (last.ok) {
        rules.push(...last.rules);
        i = j;
        break;
      }
    }
    // The last try was parts[i] alone: report the smallest unreadable piece.
    if (!last.ok) return last;
  }
  return { ok: true, rules };
}

// ---------------------------------------------------------------------------------------------
// Law override
// ---------------------------------------------------------------------------------------------

/**
 * "法律、法规对政府信息公开的期限另有规定的,从其规定" (条例第二十六条 second sentence) and variants:
 * "(相关政策法规另有规定的应从其规定)", "法律法规另有规定的除外".
 */
const LAW_OVERRIDE =
  /(?:(?<=^|[,;。])|(?=\())\(?(?:(?:相关|有关)?(?:国家|(?:国家)?(?:政策)?(?:法律|法规|规章|政策|规定)[^;。(),]{0,30}?))?另有规定的?,?(?:应当?)?(?:从其规定|除外|依照其规定|按其规定|为准)(?:执行)?\)?/g;

function removeLawOverride(s: string): { text: string; found: boolean } {
  let found = false;
  const text = s.replace(LAW_OVERRIDE, (m) => {
    found = true;
    // Keep a parenthesis that the match took without its partner.
    const open = m.startsWith('(') && !m.endsWith(')');
    const close = m.endsWith(')') && !m.startsWith('(');
    return open ? '(' : close ? ')' : '。';
  });
  return { text, found };
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

const manual = (text: string, note: string, lawOverride = false): ParsedTimeLimit => ({
  text,
  status: 'manual',
  rules: [],
  lawOverride,
  note,
});

/** Adjacent standing rules of the same scope are one rule ("长期公开,动态调整"). */
function mergeStanding(rules: TimeLimitRule[]): TimeLimitRule[] {
  const out: TimeLimitRule[] = [];
  for (const r of rules) {
    const prev = out[out.length - 1];
    if (r.kind === 'standing' && prev?.kind === 'standing' && prev.scope === r.scope) {
      if (r.dynamic) prev.dynamic = true;
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

function readAll(s: string): Read {
  const rules: TimeLimitRule[] = [];
  for (const item of splitNumbered(s)) {
    for (const sentence of splitTop(item, ';。')) {
      const t = sentence.replace(/^[,:、]+|[,:、]+$/g, '');
      if (t === '') continue;
      const r = readBody(t.replace(/^(?:\d{1,2}[.、](?!\d)|\(\d{1,2}\)|[①-⑩])/, ''));
      if (!r.ok) return r;
      rules.push(...r.rules);
    }
  }
  return { ok: true, rules: mergeStanding(rules) };
}

/** Read a 公开时限 text. See the module comment for the rules. */
export function parseTimeLimit(text: string | null | undefined): ParsedTimeLimit {
  const original = text ?? '';
  if (original.trim() === '') return manual(original, '公开时限为空，请人工设定');

  let s = normalizeTimeLimitText(original);
  let truncated = false;
  s = s.replace(/\(truncated\)|\(截断\)|(?:…|\.\.\.)+$/gi, () => {
    truncated = true;
    return '';
  });
  if (s === '')
    return manual(original, truncated ? '原文被截断，没有可读内容，请人工设定' : '公开时限为空，请人工设定');

  // Catalog cells are short; a long text is not a time limit this reader should try to read.
  if (s.length > MAX_LENGTH) return manual(original, `公开时限文字过长（超过${MAX_LENGTH}字），请人工设定`);

  const law = removeLawOverride(s);
  s = law.text;
  if (s.includes('另有规定')) return manual(original, '“另有规定”的写法无法识别，请人工设定', law.found);
  if (s.replace(/[;。,:、()]/g, '') === '') {
    return law.found
      ? manual(original, '只写了“另有规定的，从其规定”，没有写明期限，请人工设定', true)
      : manual(original, '没有可读内容，请人工设定');
  }

  const r = readAll(s);
  if (!r.ok) {
    const part = display(r.part.length > 40 ? `${r.part.slice(0, 40)}…` : r.part);
    return manual(
      original,
      truncated ? `原文被截断，且“${part}”无法识别，请人工设定` : `“${part}”无法识别为期限规则，请人工设定`,
      law.found,
    );
  }
  if (r.rules.length === 0) return manual(original, '没有读出任何期限规则，请人工设定', law.found);
  const firstExtension = r.rules.findIndex((x) => x.kind === 'extension');
  if (firstExtension >= 0 && !r.rules.slice(0, firstExtension).some((x) => x.kind === 'deadline')) {
    return manual(original, '“可延长”之前没有可延长的期限，请人工设定', law.found);
  }
  if (truncated) {
    // The cut-off part may hold more rules or exceptions: do not apply a partial reading.
    const seen = r.rules.map(describeRule).join('；');
    return manual(original, `原文被截断，截断后的内容未知。截断前可读出：${seen}。请核对原文后人工设定`, law.found);
  }
  return { text: original, status: 'parsed', rules: r.rules, lawOverride: law.found };
}

const spanText = (s: Span): string => `${s.amount}${UNIT_LABELS[s.unit]}`;
const eventOf = (t: Trigger): string => TRIGGER_LABELS[t].replace(/之日$/, '');

/** One Chinese line per rule, e.g. "自信息形成或变更之日起20个工作日内", "公示期7个工作日", "实时公开". */
export function describeRule(rule: TimeLimitRule): string {
  let body: string;
  switch (rule.kind) {
    case 'deadline':
      body = `自${TRIGGER_LABELS[rule.trigger]}起${spanText(rule)}内`;
      if (rule.channel) body += `，在${rule.channel}公开`;
      if (rule.triggerImplied) body += '（未写明起算日，按条例第二十六条推定）';
      break;
    case 'posting':
      body = `公示期${spanText(rule)}`;
      break;
    case 'minimumPeriod':
      body = `${rule.what ?? '期限'}不少于${spanText(rule)}`;
      break;
    case 'periodic': {
      const p = PERIOD_LABELS[rule.period];
      if (rule.offset) body = `每${p}结束后${spanText(rule.offset)}内`;
      else if (rule.due) {
        const { month, day } = rule.due;
        body =
          rule.period === 'year'
            ? `每年${month}月${day}日前`
            : `每${p}${month === 1 ? '首月' : `第${month}个月`}${day}日前`;
      } else
        body = rule.times && rule.times > 1 ? `每${p}至少公开（更新）${rule.times}次` : `每${p}至少公开（更新）一次`;
      break;
    }
    case 'interval':
      body = `每${spanText(rule)}更新一次`;
      break;
    case 'standing':
      body = rule.dynamic ? '长期公开（动态调整）' : '长期公开';
      break;
    case 'prompt':
      body = rule.followsProgress
        ? '按进展情况及时公开'
        : rule.trigger
          ? `${eventOf(rule.trigger)}后及时公开`
          : '及时公开';
      break;
    case 'realtime':
      body = '实时公开';
      break;
    case 'extension':
      body = `${rule.condition ? `${rule.condition}，` : ''}可延长${spanText(rule)}`;
      break;
    case 'advance':
      body = `${eventOf(rule.before)}前${spanText(rule)}${rule.action}`;
      break;
    case 'withDocument':
      body = `随${rule.document}公开`;
      break;
    case 'onEvent':
      body = `${eventOf(rule.trigger)}时${rule.channel ? `在${rule.channel}` : ''}公开`;
      break;
  }
  return rule.scope ? `${rule.scope}：${body}` : body;
}

/** The whole time limit on one line; MANUAL_LABEL when it could not be read. */
export function describeTimeLimit(p: ParsedTimeLimit): string {
  if (p.status === 'manual') return MANUAL_LABEL;
  const line = p.rules.map(describeRule).join('；');
  return p.lawOverride ? `${line}（法律、法规另有规定的，从其规定）` : line;
}
