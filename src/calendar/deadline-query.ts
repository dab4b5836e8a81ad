/** A deadline question (from a date, N working or calendar days), as the API, the 期限计算器 and the CLI ask it. */
import type { WorkCalendar } from './calendar.js';
import { addCalendarDays, addWorkingDays, type CountingRules, type Deadline } from './clock.js';
import { isIsoDate } from './dates.js';
import { ValidationError } from '../platform/errors.js';

export interface DeadlineQuery {
  from: string;
  amount: number;
  unit: 'workday' | 'day';
}

/** Validate a deadline question; field errors in Chinese. */
export function parseDeadlineQuery(q: Record<string, string | undefined>): DeadlineQuery {
  const errors: Record<string, string> = {};
  const from = (q.from ?? '').trim();
  if (!from) errors.from = '请填写起算日期';
  else if (!isIsoDate(from)) errors.from = '日期应为“年-月-日”格式，如 2025-09-20';
  const wd = q.workingDays?.trim();
  const d = q.days?.trim();
  let amount = 0;
  let unit: 'workday' | 'day' = 'workday';
  if (wd && d) errors.workingDays = 'workingDays 与 days 只能填写一个';
  else if (!wd && !d) errors.workingDays = '请填写工作日数（workingDays）或自然日数（days）';
  else {
    const raw = (wd ?? d)!;
    unit = wd ? 'workday' : 'day';
    if (!/^\d{1,3}$/.test(raw) || Number(raw) > 365) errors[wd ? 'workingDays' : 'days'] = '天数应为 0～365 的整数';
    amount = Number(raw);
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return { from, amount, unit };
}

export function computeDeadline(cal: WorkCalendar, rules: CountingRules, q: DeadlineQuery): Deadline {
  return q.unit === 'workday'
    ? addWorkingDays(cal, q.from, q.amount, rules)
    : addCalendarDays(cal, q.from, q.amount, rules);
}
