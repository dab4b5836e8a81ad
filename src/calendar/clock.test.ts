/**
 * Table tests of the working-day calendar and the statutory clocks over the official 2025 schedule
 * (国办发明电〔2024〕12号) and 2026 schedule (国务院办公厅 2025-11-04). Deadlines follow
 * 条例第三十条 (补正 7 个工作日)、第三十三条 (答复 20 个工作日、延长不超过 20 个工作日、征求意见时间不计算).
 */
import { describe, it, expect } from 'vitest';
import { WorkCalendar, CalendarMissingError, type YearSchedule } from './calendar.js';
import { loadShippedSchedules } from './data.js';
import {
  addWorkingDays,
  addCalendarDays,
  addHours,
  computeClock,
  clockStatus,
  ClockError,
  DEFAULT_RULES,
  type ClockEvent,
} from './clock.js';
import { addDays, weekday } from './dates.js';

const cal = new WorkCalendar(loadShippedSchedules());

const range = (a: string, b: string) => {
  const out: string[] = [];
  for (let d = a; d <= b; d = addDays(d, 1)) out.push(d);
  return out;
};

const OFFICIAL = {
  2025: {
    off: [
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ],
    makeup: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    off: [
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ],
    makeup: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};

describe('official 2025 and 2026 schedules', () => {
  for (const year of [2025, 2026] as const) {
    it.each(OFFICIAL[year].off)(`${year} 放假 %s is not a working day`, (d) => {
      expect(cal.info(d)).toMatchObject({ working: false, kind: 'holiday' });
    });
    it.each(OFFICIAL[year].makeup)(`${year} 调休上班 %s is a working day`, (d) => {
      expect(cal.info(d)).toMatchObject({ working: true, kind: 'makeup' });
      expect([0, 6]).toContain(weekday(d));
    });
    it(`${year}: every other day follows the Monday–Friday rule`, () => {
      for (const d of range(`${year}-01-01`, `${year}-12-31`)) {
        if (OFFICIAL[year].off.includes(d) || OFFICIAL[year].makeup.includes(d)) continue;
        expect(cal.isWorkingDay(d), d).toBe(weekday(d) !== 0 && weekday(d) !== 6);
      }
    });
    it(`${year} has 248 working days`, () => expect(cal.workingDaysIn(year)).toBe(248));
  }

  it('names the holidays', () => {
    expect(cal.info('2026-02-15').name).toBe('春节');
    expect(cal.info('2025-10-08').name).toBe('国庆节、中秋节');
    expect(cal.info('2025-10-11').name).toBe('国庆节、中秋节');
  });
});

describe('adding working days (the day of the event is not counted)', () => {
  // [received, N, deadline, why]
  const table: [string, number, string, string][] = [
    ['2025-09-20', 20, '2025-10-23', 'from a Saturday, across 国庆节、中秋节 with 9/28 and 10/11 worked'],
    ['2025-01-20', 7, '2025-02-05', '补正告知 across 春节 2025'],
    ['2025-01-20', 20, '2025-02-21', 'passes 1/26 (周日, 上班) and 2/8 (周六, 上班)'],
    ['2025-04-25', 20, '2025-05-27', '4/27 (周日) counts, 劳动节 5 days off'],
    ['2025-09-22', 20, '2025-10-24', '9/28 and 10/11 count'],
    ['2026-02-10', 20, '2026-03-16', 'across 春节 2026 (9 days), 2/14 and 2/28 count'],
    ['2026-02-13', 2, '2026-02-24', 'the day after 2/13 is the make-up Saturday 2/14, then 9 days off'],
    ['2026-02-14', 1, '2026-02-24', 'from the make-up Saturday straight into the 9-day 春节'],
    ['2026-09-18', 7, '2026-09-29', '9/20 (周日) counts, 中秋节 9/25–27'],
    ['2025-12-30', 5, '2026-01-07', 'across the year end: 元旦 2026 off, 1/4 (周日) worked'],
    ['2025-10-03', 1, '2025-10-09', 'from a holiday'],
    ['2025-10-04', 20, '2025-11-04', 'from a holiday that is a Saturday'],
    ['2026-09-30', 20, '2026-11-03', 'across 国庆节 2026 with 10/10 worked'],
    ['2025-06-01', 0, '2025-06-01', 'zero days is the same day'],
  ];
  it.each(table)('%s + %i working days → %s (%s)', (from, n, due) => {
    expect(addWorkingDays(cal, from, n).due).toBe(due);
  });

  it('counts the day of the event itself when the local setting says so', () => {
    expect(addWorkingDays(cal, '2025-09-22', 20, { ...DEFAULT_RULES, countFromNextDay: false }).due).toBe('2025-10-23');
    // a Saturday receipt day is not a working day, so it cannot count either way
    expect(addWorkingDays(cal, '2025-09-20', 20, { ...DEFAULT_RULES, countFromNextDay: false }).due).toBe('2025-10-23');
  });

  it('explains itself step by step', () => {
    const { steps } = addWorkingDays(cal, '2025-09-20', 20);
    expect(steps).toEqual([
      '2025-09-20（星期六）为起算日，当日不计入，自次日起计算（《中华人民共和国民法典》第二百零一条）。共需 20 个工作日。',
      '2025-09-28（星期日）国庆节、中秋节调休上班，计为第 6 个工作日。',
      '2025-10-01 至 10-08 国庆节、中秋节放假，不计。',
      '2025-10-11（星期六）国庆节、中秋节调休上班，计为第 11 个工作日。',
      '其间 5 个周末休息日不计。',
      '第 20 个工作日为 2025-10-23（星期四），即截止日。',
    ]);
  });
});

describe('calendar days and hours', () => {
  it('counts calendar days and moves a last day that falls on a rest day (民法典第二百零三条)', () => {
    expect(addCalendarDays(cal, '2025-09-20', 20).due).toBe('2025-10-10');
    const r = addCalendarDays(cal, '2025-09-12', 20);
    expect(r.due).toBe('2025-10-09');
    expect(r.steps.at(-1)).toContain('顺延至其后第一个工作日 2025-10-09（星期四）');
    expect(addCalendarDays(cal, '2025-11-01', 14).due).toBe('2025-11-17'); // 11-15 is a Saturday
  });
  it('adds calendar hours', () => {
    expect(addHours('2026-02-16T02:00:00.000Z', 48).due).toBe('2026-02-18T02:00:00.000Z');
  });
});

describe('clocks that pause, restart and extend', () => {
  const reply = { amount: 20, unit: 'workday' as const };

  it('does not count the time of a third-party consultation (条例第三十三条第二款)', () => {
    const events: ClockEvent[] = [
      { type: 'start', date: '2025-09-22' },
      { type: 'pause', date: '2025-09-25', note: '征求第三方意见' },
      { type: 'resume', date: '2025-10-15', note: '收到第三方意见' },
    ];
    const r = computeClock(cal, reply, events);
    expect(r.due).toBe('2025-11-07');
    expect(r.steps).toContain('2025-09-26 至 10-15 征求第三方意见，期间不计算。');
  });

  it('reports a paused clock with the working days that remain', () => {
    const r = computeClock(cal, reply, [
      { type: 'start', date: '2025-09-22' },
      { type: 'pause', date: '2025-09-25', note: '征求第三方意见' },
    ]);
    expect(r).toMatchObject({ due: null, paused: true, remainingWhenPaused: 17 });
    expect(clockStatus(cal, r, '2025-12-01')).toMatchObject({
      state: 'paused',
      label: '暂停计时',
      workingDaysLeft: 17,
    });
  });

  it('starts again when the corrected request arrives (补正, 条例第三十条)', () => {
    const r = computeClock(cal, reply, [
      { type: 'start', date: '2025-09-01' },
      { type: 'pause', date: '2025-09-03', note: '征求意见' },
      { type: 'restart', date: '2025-09-15', note: '收到补正后的申请' },
    ]);
    expect(r.due).toBe('2025-10-17');
    expect(r.startedOn).toBe('2025-09-15');
    expect(r.steps[0]).toBe(
      '2025-09-01（星期一）开始计时；2025-09-15（星期一）收到补正后的申请，期限重新起算（《中华人民共和国政府信息公开条例》第三十条）。',
    );
  });

  it('extends by at most 20 working days with approver and reason', () => {
    const events: ClockEvent[] = [
      { type: 'start', date: '2025-09-22' },
      { type: 'extend', date: '2025-10-20', workingDays: 20, approver: '县政府办公室副主任', reason: '需调取档案' },
    ];
    const r = computeClock(cal, reply, events);
    expect(r.due).toBe('2025-11-21');
    expect(r.extendedBy).toBe(20);
    expect(r.steps).toContain('2025-10-20（星期一）经县政府办公室副主任批准延长 20 个工作日（需调取档案）。');
    expect(() =>
      computeClock(cal, reply, [
        ...events,
        { type: 'extend', date: '2025-11-01', workingDays: 1, approver: 'x', reason: 'y' },
      ]),
    ).toThrow(ClockError);
  });

  it('refuses a resume without a pause', () => {
    expect(() =>
      computeClock(cal, reply, [
        { type: 'start', date: '2025-09-22' },
        { type: 'resume', date: '2025-09-23' },
      ]),
    ).toThrow('2025-09-23 恢复计时前没有暂停计时');
  });

  it('gives the status on any day: 正常, 即将到期, 已逾期 with days overdue, 已办结', () => {
    const r = computeClock(cal, reply, [{ type: 'start', date: '2025-09-20' }]);
    expect(clockStatus(cal, r, '2025-10-10')).toMatchObject({ state: 'running', label: '正常', workingDaysLeft: 10 });
    expect(clockStatus(cal, r, '2025-10-20')).toMatchObject({
      state: 'due_soon',
      label: '即将到期',
      workingDaysLeft: 3,
    });
    expect(clockStatus(cal, r, '2025-10-23')).toMatchObject({ state: 'due_soon', workingDaysLeft: 0 });
    expect(clockStatus(cal, r, '2025-10-27')).toMatchObject({
      state: 'overdue',
      label: '已逾期',
      overdueWorkingDays: 2,
      overdueDays: 4,
    });
    const done = computeClock(cal, reply, [
      { type: 'start', date: '2025-09-20' },
      { type: 'stop', date: '2025-10-24', note: '答复' },
    ]);
    expect(clockStatus(cal, done, '2025-12-01')).toMatchObject({
      state: 'stopped',
      label: '已办结（逾期）',
      overdueWorkingDays: 1,
    });
    expect(clockStatus(cal, r, '2025-10-14', { ...DEFAULT_RULES, dueSoonWorkingDays: 8 })).toMatchObject({
      state: 'due_soon',
      workingDaysLeft: 7,
    });
  });

  it('runs calendar-day clocks with pauses added on', () => {
    const r = computeClock(cal, { amount: 20, unit: 'day' }, [
      { type: 'start', date: '2025-09-20' },
      { type: 'pause', date: '2025-09-25' },
      { type: 'resume', date: '2025-09-30' },
    ]);
    expect(r.due).toBe('2025-10-15');
  });
});

describe('refusing to guess', () => {
  it('refuses to count into a year without a calendar, with a clear message', () => {
    expect(cal.covers(2027)).toBe(false);
    const e = (() => {
      try {
        addWorkingDays(cal, '2026-12-20', 20);
      } catch (x) {
        return x;
      }
    })();
    expect(e).toBeInstanceOf(CalendarMissingError);
    expect((e as Error).message).toBe(
      '2027年的节假日安排尚未载入，无法计算进入2027年的期限。请系统管理员在“工作日历”页面导入国务院办公厅发布的2027年部分节假日安排后再计算。',
    );
  });

  it('works after a 2027 schedule is added', () => {
    const y2027: YearSchedule = {
      year: 2027,
      region: 'CN',
      notices: [],
      days: [{ date: '2027-01-01', type: 'off', name: '元旦' }],
    };
    const with2027 = new WorkCalendar([...loadShippedSchedules(), y2027]);
    expect(addWorkingDays(with2027, '2026-12-20', 20).due).toBe('2027-01-18');
  });
});
