/**
 * Statutory clocks (pure functions). Every result can explain itself as a list of Chinese steps.
 *
 * Counting convention: by default the day of the event is not counted and counting starts the next
 * day (《中华人民共和国民法典》第二百零一条“开始的当日不计入，自下一日开始计算”); some local guides count
 * the day of receipt itself, so the convention is a setting (regulations §6.1).
 */
import { addDays, daysBetween, monthDay, withWeekday, yearOf, type IsoDate } from './dates.js';
import type { WorkCalendar, DayInfo } from './calendar.js';

export interface CountingRules {
  /** true: the event day is not counted (default); false: it counts when it is a working day. */
  countFromNextDay: boolean;
  /** 即将到期 when this many working days or fewer are left (default 5). */
  dueSoonWorkingDays: number;
  /** Longest total extension (条例第三十三条: 最长不得超过20个工作日). */
  maxExtensionWorkingDays: number;
}

export const DEFAULT_RULES: CountingRules = {
  countFromNextDay: true,
  dueSoonWorkingDays: 5,
  maxExtensionWorkingDays: 20,
};

export type ClockUnit = 'workday' | 'day';

export interface Deadline {
  due: IsoDate;
  steps: string[];
}

export class ClockError extends Error {}

const conventionStep = (from: IsoDate, rules: CountingRules, label = '起算日') =>
  rules.countFromNextDay
    ? `${withWeekday(from)}为${label}，当日不计入，自次日起计算（《中华人民共和国民法典》第二百零一条）。`
    : `${withWeekday(from)}为${label}，按本地设置当日计入。`;

function spanText(a: IsoDate, b: IsoDate): string {
  if (a === b) return withWeekday(a);
  return `${a} 至 ${yearOf(a) === yearOf(b) ? monthDay(b) : b}`;
}

/**
 * Walk forward over days and count working days, collecting the noteworthy days (holiday spans,
 * make-up working days, paused spans) for the explanation.
 */
class Walker {
  steps: string[] = [];
  counted = 0;
  weekendDays = 0;
  private holidayRun: { start: IsoDate; end: IsoDate; names: Set<string> } | null = null;
  private pausedRun: { start: IsoDate; end: IsoDate; note: string } | null = null;

  constructor(private cal: WorkCalendar) {}

  private flushHoliday() {
    if (!this.holidayRun) return;
    const r = this.holidayRun;
    this.steps.push(`${spanText(r.start, r.end)} ${[...r.names].join('、')}放假，不计。`);
    this.holidayRun = null;
  }

  private flushPause() {
    if (!this.pausedRun) return;
    const r = this.pausedRun;
    this.steps.push(`${spanText(r.start, r.end)} ${r.note}，期间不计算。`);
    this.pausedRun = null;
  }

  flush() {
    this.flushHoliday();
    this.flushPause();
  }

  /** Consider one day; returns true when it counted as a working day. */
  visit(date: IsoDate, pausedNote: string | null): boolean {
    if (pausedNote !== null) {
      this.flushHoliday();
      if (this.pausedRun && this.pausedRun.note === pausedNote) this.pausedRun.end = date;
      else {
        this.flushPause();
        this.pausedRun = { start: date, end: date, note: pausedNote };
      }
      return false;
    }
    this.flushPause();
    const info: DayInfo = this.cal.info(date);
    if (info.kind === 'holiday') {
      if (this.holidayRun) {
        this.holidayRun.end = date;
        this.holidayRun.names.add(info.name ?? '节假日');
      } else this.holidayRun = { start: date, end: date, names: new Set([info.name ?? '节假日']) };
      return false;
    }
    this.flushHoliday();
    if (info.kind === 'weekend') {
      this.weekendDays++;
      return false;
    }
    this.counted++;
    if (info.kind === 'makeup')
      this.steps.push(`${withWeekday(date)}${info.name ?? ''}调休上班，计为第 ${this.counted} 个工作日。`);
    return true;
  }
}

/** The N-th working day after (or from) an event: e.g. 20 working days to reply (条例第三十三条). */
export function addWorkingDays(
  cal: WorkCalendar,
  from: IsoDate,
  n: number,
  rules: CountingRules = DEFAULT_RULES,
): Deadline {
  if (!Number.isInteger(n) || n < 0) throw new ClockError('工作日数应为不小于 0 的整数');
  const steps = [`${conventionStep(from, rules)}共需 ${n} 个工作日。`];
  if (n === 0) return { due: from, steps: [...steps, `截止日为 ${withWeekday(from)}。`] };
  const w = new Walker(cal);
  let d = rules.countFromNextDay ? addDays(from, 1) : from;
  for (;;) {
    if (w.visit(d, null) && w.counted === n) break;
    d = addDays(d, 1);
  }
  w.flush();
  steps.push(...w.steps);
  if (w.weekendDays) steps.push(`其间 ${w.weekendDays} 个周末休息日不计。`);
  steps.push(`第 ${n} 个工作日为 ${withWeekday(d)}，即截止日。`);
  return { due: d, steps };
}

/**
 * N calendar days after an event (e.g. 预算 “批准后20日内”). When the last day is a rest day or a
 * statutory holiday, the period ends on the next working day (《中华人民共和国民法典》第二百零三条).
 */
export function addCalendarDays(
  cal: WorkCalendar,
  from: IsoDate,
  n: number,
  rules: CountingRules = DEFAULT_RULES,
): Deadline {
  if (!Number.isInteger(n) || n < 0) throw new ClockError('天数应为不小于 0 的整数');
  const steps = [`${conventionStep(from, rules)}共 ${n} 日（自然日）。`];
  let due = addDays(from, rules.countFromNextDay ? n : Math.max(n - 1, 0));
  steps.push(`第 ${n} 日为 ${withWeekday(due)}。`);
  const first = cal.info(due);
  if (!first.working) {
    while (!cal.info(due).working) due = addDays(due, 1);
    steps.push(
      `该日为${first.kind === 'holiday' ? `${first.name ?? ''}法定节假日` : '休息日'}，期间最后一日顺延至其后第一个工作日 ${withWeekday(due)}（《中华人民共和国民法典》第二百零三条）。`,
    );
  }
  return { due, steps };
}

/** N hours after a moment (e.g. 舆情 5/24/48 hours), counted in calendar hours. */
export function addHours(fromIso: string, n: number): { due: string; steps: string[] } {
  const start = Date.parse(fromIso);
  if (Number.isNaN(start)) throw new ClockError('起算时间无效');
  const due = new Date(start + n * 3_600_000);
  const fmt = (t: number) => new Date(t + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  return {
    due: due.toISOString(),
    steps: [
      `自 ${fmt(start)} 起计算 ${n} 小时（按自然小时，不扣除节假日）。`,
      `截止时间为 ${fmt(due.getTime())}（北京时间）。`,
    ],
  };
}

// ---- restartable, pausable, extendable clocks ------------------------------------------------

export type ClockEvent =
  | { type: 'start'; date: IsoDate; note?: string }
  /** 补正: the reply period runs again from the day the corrected request arrives (条例第三十条). */
  | { type: 'restart'; date: IsoDate; note?: string }
  /** 征求第三方或其他机关意见: the time is not counted (条例第三十三条第二款). */
  | { type: 'pause'; date: IsoDate; note?: string }
  | { type: 'resume'; date: IsoDate; note?: string }
  /** 延期: approved by the 工作机构负责人, at most 20 working days in all (条例第三十三条). */
  | { type: 'extend'; date: IsoDate; workingDays: number; approver: string; reason: string }
  | { type: 'stop'; date: IsoDate; note?: string };

export interface ClockSpec {
  amount: number;
  unit: ClockUnit;
}

export interface ClockResult {
  /** Null while the clock is paused: the due date depends on when counting resumes. */
  due: IsoDate | null;
  /** Working (or calendar) days still to count when paused. */
  remainingWhenPaused: number | null;
  paused: boolean;
  stoppedOn: IsoDate | null;
  extendedBy: number;
  startedOn: IsoDate;
  steps: string[];
}

export function computeClock(
  cal: WorkCalendar,
  spec: ClockSpec,
  events: ClockEvent[],
  rules: CountingRules = DEFAULT_RULES,
): ClockResult {
  const list = [...events]
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.date.localeCompare(b.e.date) || a.i - b.i)
    .map((x) => x.e);
  let baseIndex = -1;
  list.forEach((e, i) => {
    if (e.type === 'start' || e.type === 'restart') baseIndex = i;
  });
  if (baseIndex < 0) throw new ClockError('计时尚未开始：缺少起算事件');
  const base = list[baseIndex];
  const after = list.slice(baseIndex + 1);
  const steps: string[] = [];
  const earlier = list.slice(0, baseIndex);
  if (base.type === 'restart') {
    const first = earlier.find((e) => e.type === 'start');
    steps.push(
      `${first ? `${withWeekday(first.date)}开始计时；` : ''}${withWeekday(base.date)}${base.note ?? '收到补正后的申请'}，期限重新起算（《中华人民共和国政府信息公开条例》第三十条）。`,
    );
  }
  const extensions = after.filter((e): e is Extract<ClockEvent, { type: 'extend' }> => e.type === 'extend');
  const extendedBy = extensions.reduce((s, e) => s + e.workingDays, 0);
  if (spec.unit === 'workday' && extendedBy > rules.maxExtensionWorkingDays) {
    throw new ClockError(
      `延长的期限最长不得超过${rules.maxExtensionWorkingDays}个工作日（《中华人民共和国政府信息公开条例》第三十三条）`,
    );
  }
  // Pause windows: days d with pause < d <= resume are not counted; an open pause stops counting.
  const windows: { from: IsoDate; to: IsoDate | null; note: string }[] = [];
  for (const e of after) {
    if (e.type === 'pause') windows.push({ from: e.date, to: null, note: e.note ?? '征求意见' });
    if (e.type === 'resume') {
      const open = windows.find((w) => w.to === null);
      if (!open) throw new ClockError(`${e.date} 恢复计时前没有暂停计时`);
      open.to = e.date;
    }
  }
  const stop = after.find((e) => e.type === 'stop');
  const target = spec.amount + (spec.unit === 'workday' ? extendedBy : 0);
  const pausedOn = (d: IsoDate) => windows.find((w) => d > w.from && (w.to === null || d <= w.to));
  const openPause = windows.find((w) => w.to === null) ?? null;

  steps.push(`${conventionStep(base.date, rules)}期限 ${spec.amount} ${spec.unit === 'workday' ? '个工作日' : '日'}。`);
  for (const x of extensions)
    steps.push(`${withWeekday(x.date)}经${x.approver}批准延长 ${x.workingDays} 个工作日（${x.reason}）。`);

  if (spec.unit === 'day') {
    // Calendar-day clocks: paused calendar days are added on.
    let pausedDays = 0;
    for (const w of windows) if (w.to) pausedDays += daysBetween(w.from, w.to);
    if (openPause) {
      const elapsed = daysBetween(base.date, openPause.from) + (rules.countFromNextDay ? 0 : 1);
      return {
        due: null,
        remainingWhenPaused: Math.max(spec.amount - elapsed, 0),
        paused: true,
        stoppedOn: stop?.date ?? null,
        extendedBy: 0,
        startedOn: base.date,
        steps: [...steps, `${withWeekday(openPause.from)}起${openPause.note}，暂停计时。`],
      };
    }
    const d = addCalendarDays(cal, addDays(base.date, pausedDays), spec.amount, rules);
    if (pausedDays) steps.push(`暂停计时共 ${pausedDays} 日，不计算在期限内。`);
    return {
      due: d.due,
      remainingWhenPaused: null,
      paused: false,
      stoppedOn: stop?.date ?? null,
      extendedBy: 0,
      startedOn: base.date,
      steps: [...steps, ...d.steps.slice(1)],
    };
  }

  const w = new Walker(cal);
  let d = rules.countFromNextDay ? addDays(base.date, 1) : base.date;
  for (;;) {
    if (openPause && d > openPause.from) {
      w.flush();
      steps.push(
        ...w.steps,
        `${withWeekday(openPause.from)}起${openPause.note}，暂停计时；已计 ${w.counted} 个工作日，尚余 ${target - w.counted} 个工作日。`,
      );
      return {
        due: null,
        remainingWhenPaused: target - w.counted,
        paused: true,
        stoppedOn: stop?.date ?? null,
        extendedBy,
        startedOn: base.date,
        steps,
      };
    }
    const p = pausedOn(d);
    if (w.visit(d, p ? p.note : null) && w.counted === target) break;
    d = addDays(d, 1);
  }
  w.flush();
  steps.push(...w.steps);
  if (w.weekendDays) steps.push(`其间 ${w.weekendDays} 个周末休息日不计。`);
  steps.push(`第 ${target} 个工作日为 ${withWeekday(d)}，即截止日。`);
  if (stop) steps.push(`${withWeekday(stop.date)}${stop.note ?? '办结'}，计时结束。`);
  return {
    due: d,
    remainingWhenPaused: null,
    paused: false,
    stoppedOn: stop?.date ?? null,
    extendedBy,
    startedOn: base.date,
    steps,
  };
}

export type ClockState = 'running' | 'due_soon' | 'overdue' | 'paused' | 'stopped';

export const CLOCK_STATE_LABELS: Record<ClockState, string> = {
  running: '正常',
  due_soon: '即将到期',
  overdue: '已逾期',
  paused: '暂停计时',
  stopped: '已办结',
};

export interface ClockStatus {
  state: ClockState;
  label: string;
  due: IsoDate | null;
  /** Working days from the day after `today` up to and including the due date. */
  workingDaysLeft: number | null;
  overdueWorkingDays: number;
  overdueDays: number;
}

/** Working days in (a, b]. */
export function workingDaysBetween(cal: WorkCalendar, a: IsoDate, b: IsoDate): number {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
  return n;
}

/** Where a clock stands on a given day (即将到期 / 已逾期 with days overdue). */
export function clockStatus(
  cal: WorkCalendar,
  r: ClockResult,
  today: IsoDate,
  rules: CountingRules = DEFAULT_RULES,
): ClockStatus {
  const base = { due: r.due, overdueWorkingDays: 0, overdueDays: 0 };
  if (r.stoppedOn) {
    const late = r.due && r.stoppedOn > r.due;
    return {
      ...base,
      state: 'stopped',
      label: late ? '已办结（逾期）' : CLOCK_STATE_LABELS.stopped,
      workingDaysLeft: null,
      overdueWorkingDays: late ? workingDaysBetween(cal, r.due!, r.stoppedOn) : 0,
      overdueDays: late ? daysBetween(r.due!, r.stoppedOn) : 0,
    };
  }
  if (r.paused || !r.due)
    return { ...base, state: 'paused', label: CLOCK_STATE_LABELS.paused, workingDaysLeft: r.remainingWhenPaused };
  if (today > r.due) {
    return {
      ...base,
      state: 'overdue',
      label: CLOCK_STATE_LABELS.overdue,
      workingDaysLeft: 0,
      overdueWorkingDays: workingDaysBetween(cal, r.due, today),
      overdueDays: daysBetween(r.due, today),
    };
  }
  const left = workingDaysBetween(cal, today, r.due);
  const state: ClockState = left <= rules.dueSoonWorkingDays ? 'due_soon' : 'running';
  return { ...base, state, label: CLOCK_STATE_LABELS[state], workingDaysLeft: left };
}
