/**
 * The working-day calendar (pure). A day is a working day iff it is Monday–Friday and not an
 * official 放假 day, or it is an official 调休上班 day (国务院令第174号第七条; 《全国年节及纪念日放假办法》;
 * the yearly 国务院办公厅 notice). A year without a loaded schedule is refused, never guessed.
 */
import { isWeekend, yearOf, type IsoDate } from './dates.js';

export type DayType = 'off' | 'workday';

export interface CalendarDay {
  date: IsoDate;
  type: DayType;
  name: string;
}

export interface Notice {
  title: string;
  docNumber: string | null;
  published: string | null;
}

/** One year's official schedule (data/holidays/CN/<year>.json). */
export interface YearSchedule {
  year: number;
  region: string;
  source?: string;
  notices: Notice[];
  days: CalendarDay[];
}

/** A local or later change on top of the shipped files (the calendar_overrides table). */
export interface CalendarOverride {
  date: IsoDate;
  type: DayType;
  name: string;
}

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  /** workday: ordinary working day; weekend: Saturday/Sunday rest; holiday: 放假; makeup: 调休上班. */
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup';
  name?: string;
}

export class CalendarMissingError extends Error {
  constructor(readonly year: number) {
    super(
      `${year}年的节假日安排尚未载入，无法计算进入${year}年的期限。请系统管理员在“工作日历”页面导入国务院办公厅发布的${year}年部分节假日安排后再计算。`,
    );
  }
}

export class WorkCalendar {
  private readonly days = new Map<IsoDate, CalendarDay>();
  private readonly years: ReadonlySet<number>;

  /**
   * @param schedules official yearly schedules; their years are the years the calendar covers
   * @param overrides local holidays and corrections, applied after the schedules (later wins)
   * @param extraYears years covered by an imported schedule held only as overrides
   */
  constructor(schedules: YearSchedule[], overrides: CalendarOverride[] = [], extraYears: number[] = []) {
    for (const s of schedules) for (const d of s.days) this.days.set(d.date, d);
    for (const o of overrides) this.days.set(o.date, { date: o.date, type: o.type, name: o.name });
    this.years = new Set([...schedules.map((s) => s.year), ...extraYears]);
  }

  covers(year: number): boolean {
    return this.years.has(year);
  }

  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** Throws CalendarMissingError for a date in a year with no schedule. */
  info(date: IsoDate): DayInfo {
    const year = yearOf(date);
    if (!this.years.has(year)) throw new CalendarMissingError(year);
    const d = this.days.get(date);
    if (d?.type === 'off') return { date, working: false, kind: 'holiday', name: d.name };
    if (d?.type === 'workday')
      return { date, working: true, kind: isWeekend(date) ? 'makeup' : 'workday', name: d.name };
    return isWeekend(date) ? { date, working: false, kind: 'weekend' } : { date, working: true, kind: 'workday' };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.info(date).working;
  }

  /** The official and local special days of a year, in date order. */
  specialDays(year: number): CalendarDay[] {
    return [...this.days.values()].filter((d) => yearOf(d.date) === year).sort((a, b) => a.date.localeCompare(b.date));
  }

  /** Count of working days in a year (2025 and 2026 both have 248). */
  workingDaysIn(year: number): number {
    let n = 0;
    for (let d = `${year}-01-01`; yearOf(d) === year; d = nextDay(d)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}

function nextDay(d: IsoDate): IsoDate {
  const t = Date.parse(`${d}T00:00:00Z`) + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
