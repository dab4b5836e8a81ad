/**
 * The 公开时限 of a record (pure): 条例第二十六条 — "属于主动公开范围的政府信息，应当自该政府信息形成或者
 * 变更之日起20个工作日内及时公开。法律、法规对政府信息公开的期限另有规定的，从其规定。" A record under
 * catalog items takes the strictest deadline their 公开时限 sets; items that set none (长期公开, 及时公开,
 * periodic rows…) fall back to the statutory 20 working days. 公示 items keep a posting period.
 */
import { type ParsedTimeLimit, STATUTORY_DEFAULT, TRIGGER_LABELS, type Trigger } from '../calendar/timelimit.js';
import { addWorkingDays, addCalendarDays, DEFAULT_RULES, type CountingRules } from '../calendar/clock.js';
import { CalendarMissingError, type WorkCalendar } from '../calendar/calendar.js';
import { addDays, type IsoDate } from '../calendar/dates.js';

export interface ItemLimit {
  label: string;
  timeLimit: string;
  /** The 公开时限 as read when the catalog version was published (catalog/api.ts). */
  limit: ParsedTimeLimit;
  manualRule?: { amount: number; unit: 'workday' | 'day'; trigger: Trigger } | null;
}

export interface LimitRule {
  amount: number;
  unit: 'workday' | 'day';
  /** Where the rule comes from, in Chinese (shown beside the due date). */
  basis: string;
}

export interface PostingPeriod {
  amount: number;
  unit: 'workday' | 'day';
}

const STATUTORY: LimitRule = {
  amount: STATUTORY_DEFAULT.amount,
  unit: 'workday',
  basis: '《中华人民共和国政府信息公开条例》第二十六条：自信息形成或者变更之日起20个工作日内',
};

/** Rough length in calendar days, to compare posting periods of different units. */
const span = (r: { amount: number; unit: 'workday' | 'day' }) => (r.unit === 'workday' ? r.amount * 1.4 : r.amount);

/** Every deadline the items set (manual rules included), or the statutory default when none does. */
export function limitRules(items: ItemLimit[]): LimitRule[] {
  const out: LimitRule[] = [];
  for (const item of items) {
    if (item.manualRule)
      out.push({
        amount: item.manualRule.amount,
        unit: item.manualRule.unit,
        basis: `目录事项“${item.label}”人工设定的时限：${TRIGGER_LABELS[item.manualRule.trigger]}起${item.manualRule.amount}${item.manualRule.unit === 'workday' ? '个工作日' : '日'}内`,
      });
    for (const rule of item.limit.rules) {
      if (rule.kind !== 'deadline') continue;
      const unit =
        rule.unit === 'workday' ? 'workday' : rule.unit === 'day' ? 'day' : rule.unit === 'hour' ? 'day' : null;
      if (!unit) continue;
      const amount = rule.unit === 'hour' ? Math.max(1, Math.ceil(rule.amount / 24)) : rule.amount;
      out.push({ amount, unit, basis: `目录事项“${item.label}”的公开时限：${item.timeLimit}` });
    }
  }
  return out.length ? out : [STATUTORY];
}

/** The posting (公示) period the items ask for, the longest when several do. */
export function postingPeriodFor(items: ItemLimit[]): PostingPeriod | null {
  let best: PostingPeriod | null = null;
  for (const item of items) {
    for (const rule of item.limit.rules) {
      if (rule.kind !== 'posting' || (rule.unit !== 'workday' && rule.unit !== 'day')) continue;
      const p = { amount: rule.amount, unit: rule.unit };
      if (!best || span(p) > span(best)) best = p;
    }
  }
  return best;
}

export interface Due {
  due: IsoDate | null;
  note: string;
}

/**
 * The due date of a record under these items: the earliest date any of their deadlines gives
 * (working-day and calendar-day rules compared by the dates they give, not by their length), else
 * 条例第二十六条's 20 working days. A date that cannot be counted (its year has no calendar) is
 * always later than one that can, so the earliest counted date wins; when none can, the reason.
 */
export function dueFor(
  cal: WorkCalendar,
  formedOn: IsoDate,
  items: ItemLimit[],
  rules: CountingRules = DEFAULT_RULES,
): Due {
  const dues = limitRules(items).map((r) => dueDate(cal, formedOn, r, rules));
  const counted = dues.filter((d) => d.due !== null).sort((a, b) => (a.due! < b.due! ? -1 : a.due! > b.due! ? 1 : 0));
  return counted[0] ?? dues[0];
}

/** The due date from the 形成或变更日期; a year without a calendar gives no date and says why. */
export function dueDate(
  cal: WorkCalendar,
  formedOn: IsoDate,
  rule: LimitRule,
  rules: CountingRules = DEFAULT_RULES,
): Due {
  try {
    const d =
      rule.unit === 'workday'
        ? addWorkingDays(cal, formedOn, rule.amount, rules)
        : addCalendarDays(cal, formedOn, rule.amount, rules);
    return { due: d.due, note: rule.basis };
  } catch (e) {
    if (e instanceof CalendarMissingError)
      return { due: null, note: `${e.message}，暂无法计算公开期限（${rule.basis}）` };
    throw e;
  }
}

/** The last day of a posting period that starts on the day of publication. */
export function postingEnd(cal: WorkCalendar, publishedOn: IsoDate, p: PostingPeriod): IsoDate | null {
  try {
    // A posting period counts the day of posting as its first day.
    const rules = { ...DEFAULT_RULES, countFromNextDay: false };
    return p.unit === 'workday'
      ? addWorkingDays(cal, publishedOn, p.amount, rules).due
      : addDays(publishedOn, p.amount - 1);
  } catch (e) {
    if (e instanceof CalendarMissingError) return null;
    throw e;
  }
}
