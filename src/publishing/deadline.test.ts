/**
 * 公开时限 of records: 条例第二十六条 (20 working days from formation or change) unless a catalog
 * item's time limit sets another (e.g. 民政 items: 10 个工作日; 预算: 批准后20日内), and 公示 periods.
 * Dates over the official 2025 schedule (国办发明电〔2024〕12号).
 */
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../calendar/calendar.js';
import { loadShippedSchedules } from '../calendar/data.js';
import { parseTimeLimit } from '../calendar/timelimit.js';
import { limitRules, dueFor, postingPeriodFor, dueDate, postingEnd, type ItemLimit } from './deadline.js';

/** A catalog item as a published version gives it: its 公开时限 read when the version was published. */
const item = (label: string, timeLimit: string): ItemLimit => ({ label, timeLimit, limit: parseTimeLimit(timeLimit) });

const cal = new WorkCalendar(loadShippedSchedules());

describe('limit rule of a record', () => {
  it('defaults to 20 working days (第二十六条) without items or when items set no deadline', () => {
    expect(limitRules([])).toMatchObject([{ amount: 20, unit: 'workday' }]);
    expect(limitRules([item('政策文件', '长期公开')])).toMatchObject([
      { amount: 20, unit: 'workday', basis: expect.stringContaining('第二十六条') },
    ]);
  });
  it('takes the catalog item rule, the strictest of several', () => {
    expect(limitRules([item('低保', '信息形成或变更之日起10个工作日内')])).toMatchObject([
      { amount: 10, unit: 'workday', basis: expect.stringContaining('低保') },
    ]);
    // Formed Mon 2025-03-03: 5 working days → 03-10; 20 working days → 03-31.
    expect(
      dueFor(cal, '2025-03-03', [
        item('a', '信息形成或变更之日起20个工作日内'),
        item('b', '信息形成之日起5个工作日内'),
      ]),
    ).toMatchObject({ due: '2025-03-10', note: expect.stringContaining('“b”') });
    expect(limitRules([item('预算', '本级人民代表大会或其常务委员会批准后20日内')])).toMatchObject([
      { amount: 20, unit: 'day' },
    ]);
  });
  it('compares working-day and calendar-day rules by the dates they give', () => {
    // Formed 2025-09-26: 10 working days run through the National Day holiday to 10-16; 15 日 ends on
    // 10-11, a make-up working day (国办发明电〔2024〕12号) — the calendar-day rule is the stricter one.
    const items = [item('十个工作日', '信息形成之日起10个工作日内'), item('十五日', '信息形成之日起15日内')];
    expect(dueDate(cal, '2025-09-26', limitRules(items)[0]).due).toBe('2025-10-16');
    expect(dueFor(cal, '2025-09-26', items)).toMatchObject({
      due: '2025-10-11',
      note: expect.stringContaining('十五日'),
    });
    // Formed 2025-03-03, no holiday: 10 working days → 03-17, 15 日 → 03-18: the working-day rule wins.
    expect(dueFor(cal, '2025-03-03', items)).toMatchObject({
      due: '2025-03-17',
      note: expect.stringContaining('十个工作日'),
    });
  });
  it('uses a manual rule when the text could not be read', () => {
    expect(
      limitRules([
        {
          ...item('x', '按上级要求'),
          manualRule: { amount: 15, unit: 'workday', trigger: 'info_formed_or_changed' },
        },
      ]),
    ).toMatchObject([{ amount: 15, unit: 'workday' }]);
  });
});

describe('due dates', () => {
  it('counts 20 working days from the day after formation across the National Day holiday', () => {
    // Formed 2025-09-20 (Sat): 20 working days (9-28 and 10-11 are make-up working days) → 2025-10-23.
    expect(dueFor(cal, '2025-09-20', []).due).toBe('2025-10-23');
  });
  it('moves a calendar-day deadline that ends on a rest day to the next working day', () => {
    // 2025-01-10 + 20 日 = 2025-01-30, inside the Spring Festival holiday (1-28 … 2-4) → 2025-02-05.
    expect(dueDate(cal, '2025-01-10', { amount: 20, unit: 'day', basis: '' }).due).toBe('2025-02-05');
  });
  it('gives no date, with the reason, for a year without a calendar', () => {
    const d = dueFor(cal, '2027-03-01', []);
    expect(d.due).toBeNull();
    expect(d.note).toContain('2027');
  });
  it('computes the end of a 公示 period counting the day of posting', () => {
    const p = postingPeriodFor([item('低保公示', '信息形成之日起10个工作日内公开，公示7个工作日')]);
    expect(p).toEqual({ amount: 7, unit: 'workday' });
    // Posted Mon 2025-03-03: 7 working days including that day → Tue 2025-03-11.
    expect(postingEnd(cal, '2025-03-03', p!)).toBe('2025-03-11');
    expect(postingEnd(cal, '2025-03-03', { amount: 7, unit: 'day' })).toBe('2025-03-09');
  });
});
