import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor } from '../testing.js';
import {
  addOverride,
  removeOverride,
  importSchedule,
  setRules,
  startClock,
  addClockEvent,
  clockOf,
  calendarFor,
  rulesFor,
  coverageWarning,
  listOverrides,
} from './service.js';
import { CalendarMissingError } from './calendar.js';
import { ValidationError, ForbiddenError } from '../platform/errors.js';
import { DEMO } from '../org/seed.js';

const YEAR_2027 = JSON.stringify({
  year: 2027,
  region: 'CN',
  notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', docNumber: null, published: '2026-11-10' }],
  days: [
    { date: '2027-01-01', type: 'off', name: '元旦' },
    { date: '2027-01-02', type: 'off', name: '元旦' },
    { date: '2027-01-03', type: 'off', name: '元旦' },
  ],
});

describeEachDb('calendar service', (db) => {
  let scope: { code: string; jurisdictionId: number; name: string };

  it('seeds', async () => {
    await seedDemoDb(db());
    const j = await db()
      .k.selectFrom('jurisdictions')
      .select(['id', 'code', 'name'])
      .where('code', '=', DEMO.county.code)
      .executeTakeFirstOrThrow();
    scope = { code: j.code, jurisdictionId: j.id, name: j.name };
  });

  it('recomputes an open clock when a local holiday is added inside its span, and audits both', async () => {
    const admin = await actorFor(db(), 'admin');
    await db()
      .k.transaction()
      .execute((trx) =>
        startClock(trx, {
          jurisdictionId: scope.jurisdictionId,
          objectType: 'test',
          objectId: 1,
          purpose: 'request.reply',
          spec: { amount: 20, unit: 'workday' },
          events: [{ type: 'start', date: '2026-03-10' }],
        }),
      );
    expect((await clockOf(db().k, 'test', 1, 'request.reply'))!.result.due).toBe('2026-04-08');
    await addOverride(db(), admin, scope, { date: '2026-03-20', type: 'off', name: '本县纪念日', note: '县政府决定' });
    expect((await clockOf(db().k, 'test', 1, 'request.reply'))!.result.due).toBe('2026-04-09');
    const row = await db()
      .k.selectFrom('clocks')
      .select(['due_date'])
      .where('object_id', '=', '1')
      .executeTakeFirstOrThrow();
    expect(row.due_date).toBe('2026-04-09');
    const audit = await db()
      .k.selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', 'in', ['calendar.override_add', 'clock.recompute'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'calendar.override_add', summary: '示范县工作日历：2026-03-20 设为放假（本县纪念日）' },
      { action: 'clock.recompute', summary: '工作日历变更，重新计算期限：2026-04-08 → 2026-04-09' },
    ]);
    // a change outside the span leaves the clock alone
    await addOverride(db(), admin, scope, { date: '2026-06-01', type: 'off', name: '测试', note: '' });
    expect(
      (await db().k.selectFrom('audit_log').select('id').where('action', '=', 'clock.recompute').execute()).length,
    ).toBe(1);
    const list = await listOverrides(db(), admin, scope, 2026);
    const removed = list.find((o) => o.date === '2026-03-20')!;
    await removeOverride(db(), admin, scope, removed.id);
    expect((await clockOf(db().k, 'test', 1, 'request.reply'))!.result.due).toBe('2026-04-08');
  });

  it('keeps the clock events: pause, resume and extension move the stored due date', async () => {
    await addClockEvent(db().k, 'test', 1, 'request.reply', {
      type: 'extend',
      date: '2026-04-01',
      workingDays: 10,
      approver: '办公室主任',
      reason: '信息量大',
    });
    expect((await clockOf(db().k, 'test', 1, 'request.reply'))!.result.due).toBe('2026-04-22');
  });

  it('refuses to count into 2027 until its schedule is imported, then counts', async () => {
    const admin = await actorFor(db(), 'admin');
    await expect(
      db()
        .k.transaction()
        .execute((trx) =>
          startClock(trx, {
            jurisdictionId: scope.jurisdictionId,
            objectType: 'test',
            objectId: 2,
            purpose: 'request.reply',
            spec: { amount: 20, unit: 'workday' },
            events: [{ type: 'start', date: '2026-12-10' }],
          }),
        ),
    ).rejects.toBeInstanceOf(CalendarMissingError);
    expect(coverageWarning(await calendarFor(db().k, scope.code), '2026-11-22')).toContain(
      '2027年的节假日安排尚未载入',
    );
    expect(coverageWarning(await calendarFor(db().k, scope.code), '2026-09-30')).toBeNull();
    const r = await importSchedule(db(), admin, scope, { filename: '2027.json', content: YEAR_2027, fullYear: true });
    expect(r).toMatchObject({ days: 3, years: [2027], markedYears: [2027] });
    const cal = await calendarFor(db().k, scope.code);
    expect(cal.covers(2027)).toBe(true);
    expect(coverageWarning(cal, '2026-11-22')).toBeNull();
    const res = await db()
      .k.transaction()
      .execute((trx) =>
        startClock(trx, {
          jurisdictionId: scope.jurisdictionId,
          objectType: 'test',
          objectId: 2,
          purpose: 'request.reply',
          spec: { amount: 20, unit: 'workday' },
          events: [{ type: 'start', date: '2026-12-10' }],
        }),
      );
    expect(res?.due).toBe('2027-01-08');
    // a township below the county sees the county's calendar
    expect((await calendarFor(db().k, `${scope.code}001`)).covers(2027)).toBe(true);
    const years = await db().k.selectFrom('calendar_years').selectAll().execute();
    expect(years).toMatchObject([
      { scope: scope.code, year: 2027, title: '国务院办公厅关于2027年部分节假日安排的通知' },
    ]);
  });

  it('imports nothing when any entry is bad and names it', async () => {
    const admin = await actorFor(db(), 'admin');
    const before = (await db().k.selectFrom('calendar_overrides').select('id').execute()).length;
    const bad = JSON.stringify({
      year: 2028,
      days: [
        { date: '2028-01-01', type: 'off', name: '元旦' },
        { date: '2028-02-30', type: 'off', name: '春节' },
      ],
    });
    const e = await importSchedule(db(), admin, scope, { filename: '2028.json', content: bad, fullYear: true }).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).message).toBe(
      '导入失败，未做任何修改：2028.json 第 2 个日期：日期应为“年-月-日”格式，如 2027-01-01',
    );
    const ics = await importSchedule(db(), admin, scope, {
      filename: 'x.ics',
      content: 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2028013\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR',
      fullYear: false,
    }).catch((x: unknown) => x);
    expect((ics as ValidationError).message).toBe('导入失败，未做任何修改：第 3 行：DTSTART 不是有效日期（2028013）');
    const other = await importSchedule(db(), admin, scope, {
      filename: 'x.xlsx',
      content: 'abc',
      fullYear: false,
    }).catch((x: unknown) => x);
    expect((other as ValidationError).message).toBe('导入失败，未做任何修改：只能导入 .json 或 .ics 文件');
    expect((await db().k.selectFrom('calendar_overrides').select('id').execute()).length).toBe(before);
  });

  it('imports local holidays from an .ics file without marking the year as covered', async () => {
    const admin = await actorFor(db(), 'admin');
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE:20260420',
      'DTEND;VALUE=DATE:20260422',
      'SUMMARY:三月三(休)',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\n');
    const r = await importSchedule(db(), admin, scope, { filename: 'sanyuesan.ics', content: ics, fullYear: false });
    expect(r).toMatchObject({ days: 2, years: [2026], markedYears: [] });
    const cal = await calendarFor(db().k, scope.code);
    expect(cal.info('2026-04-21')).toMatchObject({ working: false, kind: 'holiday', name: '三月三' });
  });

  it('changes the counting convention and recomputes every open clock', async () => {
    const admin = await actorFor(db(), 'admin');
    const bad = await setRules(db(), admin, scope, { count_from_next_day: '2', due_soon_working_days: '0' }).catch(
      (x: unknown) => x,
    );
    expect((bad as ValidationError).fieldErrors).toEqual({
      count_from_next_day: '请选择起算方式',
      due_soon_working_days: '至少 1 个工作日',
    });
    await setRules(db(), admin, scope, { count_from_next_day: '0', due_soon_working_days: '3' });
    expect(await rulesFor(db().k, scope.code)).toMatchObject({ countFromNextDay: false, dueSoonWorkingDays: 3 });
    // 30 working days counted from 3-10 itself, with 三月三 (4-20, 4-21) now off
    expect((await clockOf(db().k, 'test', 1, 'request.reply'))!.result.due).toBe('2026-04-23');
    await setRules(db(), admin, scope, { count_from_next_day: '1', due_soon_working_days: '5' });
  });

  it('lets only the system administrator change the calendar', async () => {
    for (const name of ['gkb', 'shiji', 'cgz.bianji', 'cgz.banli']) {
      const actor = await actorFor(db(), name);
      await expect(
        addOverride(db(), actor, scope, { date: '2026-05-06', type: 'off', name: 'x' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        importSchedule(db(), actor, scope, { filename: '2027.json', content: YEAR_2027, fullYear: true }),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(
        setRules(db(), actor, scope, { count_from_next_day: '0', due_soon_working_days: '5' }),
      ).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});
