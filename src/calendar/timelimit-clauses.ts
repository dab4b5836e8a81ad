/** Reading one clause of a 公开时限 text: normalisation, Chinese numbers, phrase patterns and clause readers (see timelimit.ts). Pure. */
import type { Period, Span, TimeLimitRule, TimeUnit, Trigger } from './timelimit-rules.js';

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
export const display = (s: string): string =>
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
export function cleanScope(raw: string): string | null | false {
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

export function readClause(c: string): TimeLimitRule | null {
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
export function splitTop(s: string, seps: string): string[] {
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
export function splitNumbered(s: string): string[] {
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
export function stripLead(s: string): string {
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
