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
import {
  MANUAL_LABEL,
  MAX_LENGTH,
  PERIOD_LABELS,
  type ParsedTimeLimit,
  type Span,
  TRIGGER_LABELS,
  type TimeLimitRule,
  type Trigger,
  UNIT_LABELS,
} from './timelimit-rules.js';
import {
  cleanScope,
  display,
  normalizeTimeLimitText,
  readClause,
  splitNumbered,
  splitTop,
  stripLead,
} from './timelimit-clauses.js';

export * from './timelimit-rules.js';
export { chineseNumber, normalizeTimeLimitText } from './timelimit-clauses.js';

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
