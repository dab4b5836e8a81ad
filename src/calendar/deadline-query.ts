/**
 * A deadline question (from a date, N working or calendar days), as the API, the 期限计算器 and the
 * CLI ask it, and its answer in a county's calendar.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/schema.js';
import { CalendarMissingError, type WorkCalendar } from './calendar.js';
import { addCalendarDays, addWorkingDays, type CountingRules, type Deadline } from './clock.js';
import { isIsoDate } from './dates.js';
import { ValidationError } from '../platform/errors.js';
import { calendarFor, rulesFor } from './service.js';

type K = Kysely<Database> | Transaction<Database>;

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

/** Answer a deadline question in a jurisdiction's calendar: the deadline with its steps, and the rules it counted by. */
export async function answerDeadline(
  k: K,
  jurisdictionCode: string,
  raw: Record<string, string | undefined>,
): Promise<{ query: DeadlineQuery; rules: CountingRules; deadline: Deadline }> {
  const query = parseDeadlineQuery(raw);
  const cal = await calendarFor(k, jurisdictionCode);
  const rules = await rulesFor(k, jurisdictionCode);
  return { query, rules, deadline: computeDeadline(cal, rules, query) };
}

/** The statutory deadlines the public 期限计算器 offers (条例). */
export const CALCULATOR_PRESETS: { value: string; label: string; amount: number; unit: 'workday' | 'day' }[] = [
  { value: 'reply', label: '答复期限：收到申请之日起 20 个工作日（条例第三十三条）', amount: 20, unit: 'workday' },
  {
    value: 'correction',
    label: '补正告知：收到申请之日起 7 个工作日内一次性告知（条例第三十条）',
    amount: 7,
    unit: 'workday',
  },
  { value: 'extended', label: '延长答复期限后：最长 40 个工作日（条例第三十三条）', amount: 40, unit: 'workday' },
  {
    value: 'thirdparty',
    label: '第三方提出意见：收到征求意见书之日起 15 个工作日（条例第三十二条）',
    amount: 15,
    unit: 'workday',
  },
  {
    value: 'publish',
    label: '主动公开：信息形成或变更之日起 20 个工作日（条例第二十六条）',
    amount: 20,
    unit: 'workday',
  },
];

export interface CalculatorAnswer {
  rules: CountingRules;
  result?: Deadline;
  /** The start date is not a date. */
  errors?: Record<string, string>;
  /** The deadline runs into a year whose holidays are not loaded. */
  message?: string;
}

/** The 期限计算器: the county's rules and, once a start date is given, the deadline or why there is none. */
export async function calculate(
  k: K,
  jurisdictionCode: string,
  from: string | undefined,
  workingDays: number,
): Promise<CalculatorAnswer> {
  const rules = await rulesFor(k, jurisdictionCode);
  if (from === undefined) return { rules };
  try {
    const q = parseDeadlineQuery({ from, workingDays: String(workingDays) });
    return { rules, result: computeDeadline(await calendarFor(k, jurisdictionCode), rules, q) };
  } catch (err) {
    if (err instanceof ValidationError) return { rules, errors: err.fieldErrors };
    if (err instanceof CalendarMissingError) return { rules, message: err.message };
    throw err;
  }
}
