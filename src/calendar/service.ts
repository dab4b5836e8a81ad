/**
 * The calendar of a county: shipped yearly schedules + imported years + local adjustments, the
 * counting rules (settings), and the statutory clocks of every feature, which are recomputed
 * whenever the calendar changes.
 */
import { defineSetting, readSettings, scopeChain, writeSetting } from '../platform/settings.js';
import * as org from '../org/api.js';
import * as store from './store.js';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import { nowIso, parseJson } from '../platform/dialect.js';
import { writeAudit, type AuditActor } from '../platform/audit.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { parseInput, z } from '../platform/validation.js';
import { assertCan, auditActor, can, type Actor } from '../platform/access.js';
import {
  WorkCalendar,
  CalendarMissingError,
  type CalendarDay,
  type CalendarOverride,
  type YearSchedule,
} from './calendar.js';
import { loadShippedSchedules, validateSchedule } from './data.js';
import {
  computeClock,
  clockStatus,
  DEFAULT_RULES,
  type ClockEvent,
  type ClockSpec,
  type CountingRules,
  type ClockResult,
} from './clock.js';
import { parseIcs } from './ics.js';
import { isIsoDate, todayInChina, yearOf, type IsoDate } from './dates.js';

type K = Kysely<Database> | Transaction<Database>;

/** Every scope that applies to a jurisdiction: the installation ('CN') and each code prefix. */
export const scopesOf = (code: string): string[] => scopeChain({ jurisdictionCode: code });

export async function calendarFor(k: K, jurisdictionCode: string): Promise<WorkCalendar> {
  const scopes = scopesOf(jurisdictionCode);
  const overrides = await store.overridesIn(k, scopes);
  // A narrower scope wins over a wider one for the same date (a county's own entry beats the city's).
  overrides.sort((a, b) => a.scope.length - b.scope.length || a.date.localeCompare(b.date));
  const years = await store.importedYearsIn(k, scopes);
  return new WorkCalendar(
    loadShippedSchedules(),
    overrides as CalendarOverride[],
    years.map((y) => y.year),
  );
}

/** 起算日当日是否计入 and when a deadline counts as 即将到期: settings of the county (regulations §3). */
export const RULE_SETTINGS = {
  countFromNextDay: defineSetting(
    'calendar.countFromNextDay',
    '起算日当日不计入（民法典第二百零一条）',
    z.boolean(),
    DEFAULT_RULES.countFromNextDay,
  ),
  dueSoonWorkingDays: defineSetting(
    'calendar.dueSoonWorkingDays',
    '剩余几个工作日起提示即将到期',
    z.number().int().min(0).max(20),
    DEFAULT_RULES.dueSoonWorkingDays,
  ),
};

export async function rulesFor(k: K, jurisdictionCode: string): Promise<CountingRules> {
  return { ...DEFAULT_RULES, ...(await readSettings(k, RULE_SETTINGS, { jurisdictionCode })) };
}

/** The warning shown on the dashboard from 1 October when next year's schedule is missing. */
export function coverageWarning(cal: WorkCalendar, today: IsoDate = todayInChina()): string | null {
  const year = yearOf(today);
  if (!cal.covers(year))
    return `本年度（${year}年）的节假日安排尚未载入，所有期限均无法计算。请立即在“工作日历”页面导入。`;
  if (today >= `${year}-10-01` && !cal.covers(year + 1)) {
    return `${year + 1}年的节假日安排尚未载入。国务院办公厅通常在10月至12月发布下一年的节假日安排，发布后请在“工作日历”页面导入；在此之前，进入${year + 1}年的期限将无法计算。`;
  }
  return null;
}

// ---- administration ------------------------------------------------------------------------

interface Scope {
  code: string;
  jurisdictionId: number;
  name: string;
}

const overrideSchema = z.object({
  date: z.string({ error: '请填写日期' }).trim().refine(isIsoDate, '日期应为“年-月-日”格式，如 2027-04-10'),
  type: z.enum(['off', 'workday'], { error: '请选择放假或上班' }),
  name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称，如“三月三”').max(30, '名称不能超过 30 个字'),
  note: z
    .string()
    .trim()
    .max(200, '说明不能超过 200 个字')
    .optional()
    .transform((v) => v || null),
});

export async function listOverrides(db: Db, actor: Actor, scope: Scope, year?: number) {
  assertCan(actor, 'calendar.view');
  return store.listOverrides(db.k, scopesOf(scope.code), year);
}

export async function listImportedYears(db: Db, scope: Scope) {
  return store.importedYearsIn(db.k, scopesOf(scope.code));
}

/** The calendar scope of the county a site serves. */
export function siteScope(
  site: { jurisdictionCode: string; jurisdictionId: number; jurisdictionName: string } | null,
): Scope {
  if (!site) throw new NotFoundError('本平台尚未初始化。');
  return { code: site.jurisdictionCode, jurisdictionId: site.jurisdictionId, name: site.jurisdictionName };
}

/**
 * The 工作日历 page of a site's county: the years loaded and where they come from, one year's special
 * days with the local adjustments (the year asked for, else this year, else the last one loaded),
 * the counting rules, and whether the person may change them.
 */
export async function calendarOverview(
  db: Db,
  actor: Actor,
  site: Parameters<typeof siteScope>[0],
  requestedYear: number,
) {
  assertCan(actor, 'calendar.view');
  const scope = siteScope(site);
  const cal = await calendarFor(db.k, scope.code);
  const rules = await rulesFor(db.k, scope.code);
  const today = todayInChina();
  const years = cal.coveredYears();
  const year = years.includes(requestedYear)
    ? requestedYear
    : years.includes(yearOf(today))
      ? yearOf(today)
      : years[years.length - 1];
  const overrides = await listOverrides(db, actor, scope, year);
  const imported = await listImportedYears(db, scope);
  return {
    cal,
    rules,
    years,
    year,
    overrides,
    imported,
    shipped: new Map(loadShippedSchedules().map((s) => [s.year, s])),
    /** The county's own adjustments by date (those it may delete). */
    ownOverrides: new Map(overrides.filter((o) => o.scope === scope.code).map((o) => [o.date, o])),
    manage: can(actor, 'calendar.manage', { id: 0, jurisdictionCode: scope.code }),
    warning: coverageWarning(cal, today),
  };
}

export type CalendarOverview = Awaited<ReturnType<typeof calendarOverview>>;

export async function addOverride(db: Db, actor: Actor, scope: Scope, raw: unknown): Promise<void> {
  assertCan(actor, 'calendar.manage', { id: 0, jurisdictionCode: scope.code });
  const input = parseInput(overrideSchema, raw);
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    const before = await store.findOverrideOn(trx, scope.code, input.date);
    await store.upsertOverride(trx, {
      scope: scope.code,
      date: input.date,
      type: input.type,
      name: input.name,
      note: input.note,
      created_by: who.name,
      created_at: nowIso(),
    });
    await writeAudit(trx, who, {
      action: 'calendar.override_add',
      objectType: 'calendar',
      objectId: input.date,
      jurisdictionId: scope.jurisdictionId,
      summary: `${scope.name}工作日历：${input.date} 设为${input.type === 'off' ? '放假' : '上班'}（${input.name}）`,
      before: before ? { type: before.type, name: before.name } : undefined,
      after: { type: input.type, name: input.name, note: input.note },
    });
    await recomputeClocks(trx, who, scope, [input.date]);
  });
}

export async function removeOverride(db: Db, actor: Actor, scope: Scope, id: number): Promise<void> {
  assertCan(actor, 'calendar.manage', { id: 0, jurisdictionCode: scope.code });
  const row = await store.findOverride(db.k, id);
  if (!row || row.scope !== scope.code) throw new NotFoundError('该日历调整不存在，或不属于本县（区）。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await store.deleteOverride(trx, id);
    await writeAudit(trx, who, {
      action: 'calendar.override_remove',
      objectType: 'calendar',
      objectId: row.date,
      jurisdictionId: scope.jurisdictionId,
      summary: `${scope.name}工作日历：删除 ${row.date} 的调整（${row.name}）`,
      before: { type: row.type, name: row.name },
    });
    await recomputeClocks(trx, who, scope, [row.date]);
  });
}

export interface ImportInput {
  filename: string;
  content: string;
  /** The file is a whole year's official schedule (国务院办公厅 notice): mark the year as covered. */
  fullYear: boolean;
  title?: string;
  docNumber?: string;
}

export interface ImportResult {
  days: number;
  years: number[];
  markedYears: number[];
  recomputed: number;
}

/** Import a year's schedule or local holidays from JSON (data/holidays format) or .ics, all or nothing. */
export async function importSchedule(db: Db, actor: Actor, scope: Scope, input: ImportInput): Promise<ImportResult> {
  assertCan(actor, 'calendar.manage', { id: 0, jurisdictionCode: scope.code });
  const errors: string[] = [];
  let days: CalendarDay[] = [];
  let schedule: YearSchedule | undefined;
  const name = input.filename.toLowerCase();
  if (!input.content.trim()) errors.push('文件为空');
  else if (name.endsWith('.json')) {
    try {
      schedule = validateSchedule(JSON.parse(input.content), input.filename);
      days = schedule.days;
    } catch (e) {
      errors.push(e instanceof SyntaxError ? `JSON 格式错误：${e.message}` : (e as Error).message);
    }
  } else if (name.endsWith('.ics')) {
    const r = parseIcs(input.content);
    errors.push(...r.errors);
    days = r.days;
  } else errors.push('只能导入 .json 或 .ics 文件');
  const years = [...new Set(days.map((d) => yearOf(d.date)))].sort();
  if (!errors.length && input.fullYear && years.length !== 1)
    errors.push(`“全年安排”应只包含一个年份，文件中有：${years.join('、')}`);
  if (errors.length)
    throw new ValidationError({ file: errors.join('；') }, `导入失败，未做任何修改：${errors.slice(0, 10).join('；')}`);

  const who = auditActor(actor);
  const now = nowIso();
  return db.k.transaction().execute(async (trx) => {
    for (const d of days) {
      await store.upsertOverride(trx, {
        scope: scope.code,
        date: d.date,
        type: d.type,
        name: d.name,
        note: `导入自 ${input.filename}`,
        created_by: who.name,
        created_at: now,
      });
    }
    const markedYears: number[] = [];
    if (input.fullYear) {
      const year = years[0];
      const notice = schedule?.notices[0];
      const title = input.title?.trim() || notice?.title || `国务院办公厅关于${year}年部分节假日安排的通知`;
      const docNumber = input.docNumber?.trim() || notice?.docNumber || null;
      await store.replaceImportedYear(trx, {
        scope: scope.code,
        year,
        title,
        doc_number: docNumber,
        published: notice?.published ?? null,
        imported_by: who.name,
        imported_at: now,
      });
      markedYears.push(year);
    }
    await writeAudit(trx, who, {
      action: 'calendar.import',
      objectType: 'calendar',
      objectId: years.join(','),
      jurisdictionId: scope.jurisdictionId,
      summary: `${scope.name}工作日历：从 ${input.filename} 导入 ${days.length} 个日期（${years.join('、')}年）${markedYears.length ? `，作为${markedYears[0]}年全年安排` : ''}`,
      after: {
        days: days.length,
        off: days.filter((d) => d.type === 'off').length,
        workday: days.filter((d) => d.type === 'workday').length,
        fullYear: input.fullYear,
      },
    });
    const recomputed = await recomputeClocks(
      trx,
      who,
      scope,
      days.map((d) => d.date),
      markedYears,
    );
    return { days: days.length, years, markedYears, recomputed };
  });
}

const rulesSchema = z.object({
  count_from_next_day: z.enum(['1', '0'], { error: '请选择起算方式' }),
  due_soon_working_days: z.coerce
    .number({ error: '请填写数字' })
    .int('请填写整数')
    .min(1, '至少 1 个工作日')
    .max(20, '不能超过 20 个工作日'),
});

export async function setRules(db: Db, actor: Actor, scope: Scope, raw: unknown): Promise<void> {
  assertCan(actor, 'calendar.manage', { id: 0, jurisdictionCode: scope.code });
  const input = parseInput(rulesSchema, raw);
  const before = await rulesFor(db.k, scope.code);
  const after = {
    countFromNextDay: input.count_from_next_day === '1',
    dueSoonWorkingDays: input.due_soon_working_days,
  };
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await writeSetting(trx, RULE_SETTINGS.countFromNextDay, scope.code, after.countFromNextDay);
    await writeSetting(trx, RULE_SETTINGS.dueSoonWorkingDays, scope.code, after.dueSoonWorkingDays);
    await writeAudit(trx, who, {
      action: 'calendar.rules',
      objectType: 'calendar',
      objectId: 'rules',
      jurisdictionId: scope.jurisdictionId,
      summary: `${scope.name}期限计算规则：${after.countFromNextDay ? '起算日当日不计入' : '起算日当日计入'}，剩余 ${after.dueSoonWorkingDays} 个工作日起提示即将到期`,
      before: { countFromNextDay: before.countFromNextDay, dueSoonWorkingDays: before.dueSoonWorkingDays },
      after,
    });
    if (before.countFromNextDay !== after.countFromNextDay) await recomputeClocks(trx, who, scope, 'all');
  });
}

// ---- clocks ----------------------------------------------------------------------------------

export interface ClockInput {
  jurisdictionId: number;
  objectType: string;
  objectId: string | number;
  /** What the clock measures, e.g. 'request.reply' or 'record.publish'. */
  purpose: string;
  spec: ClockSpec;
  events: ClockEvent[];
}

async function jurisdictionCode(k: K, id: number): Promise<string> {
  const j = await org.jurisdictionById(k, id);
  if (!j) throw new NotFoundError('行政区不存在。');
  return j.code;
}

async function evaluate(k: K, jurisdictionId: number, spec: ClockSpec, events: ClockEvent[]) {
  const code = await jurisdictionCode(k, jurisdictionId);
  const [cal, rules] = [await calendarFor(k, code), await rulesFor(k, code)];
  return { result: computeClock(cal, spec, events, rules), cal, rules };
}

const stateOf = (r: ClockResult) => (r.stoppedOn ? 'stopped' : r.paused ? 'paused' : 'running');

/**
 * Start a clock for an object (called by features inside their own transaction). When the due
 * date falls into a year without a calendar, the clock is still stored — as 'uncomputable', with
 * no due date — so that nothing is lost; importing that year's schedule computes it.
 */
export async function startClock(
  k: K,
  input: ClockInput,
  opts: { allowUncomputable?: boolean } = {},
): Promise<ClockResult | null> {
  let result: ClockResult;
  const now = nowIso();
  try {
    result = (await evaluate(k, input.jurisdictionId, input.spec, input.events)).result;
  } catch (e) {
    if (!(e instanceof CalendarMissingError) || !opts.allowUncomputable) throw e;
    const start = input.events.find((x) => x.type === 'start');
    await store.insertClock(k, {
      jurisdiction_id: input.jurisdictionId,
      object_type: input.objectType,
      object_id: String(input.objectId),
      purpose: input.purpose,
      amount: input.spec.amount,
      unit: input.spec.unit,
      events_json: JSON.stringify(input.events),
      started_on: start?.date ?? now.slice(0, 10),
      due_date: null,
      state: 'uncomputable',
      closed: 0,
      created_at: now,
      updated_at: now,
    });
    return null;
  }
  await store.insertClock(k, {
    jurisdiction_id: input.jurisdictionId,
    object_type: input.objectType,
    object_id: String(input.objectId),
    purpose: input.purpose,
    amount: input.spec.amount,
    unit: input.spec.unit,
    events_json: JSON.stringify(input.events),
    started_on: result.startedOn,
    due_date: result.due,
    state: stateOf(result),
    closed: result.stoppedOn ? 1 : 0,
    created_at: now,
    updated_at: now,
  });
  return result;
}

/** Add an event (pause, resume, restart, extend, stop) to an object's clock. */
export async function addClockEvent(
  k: K,
  objectType: string,
  objectId: string | number,
  purpose: string,
  event: ClockEvent,
): Promise<ClockResult | null> {
  const row = await store.findClock(k, objectType, String(objectId), purpose);
  if (!row) throw new NotFoundError('该事项没有计时。');
  const events = [...parseJson<ClockEvent[]>(row.events_json, []), event];
  let result: ClockResult;
  try {
    result = (
      await evaluate(k, row.jurisdiction_id, { amount: row.amount, unit: row.unit as ClockSpec['unit'] }, events)
    ).result;
  } catch (e) {
    // An event is never lost for want of next year's calendar: keep it, recompute on import.
    if (!(e instanceof CalendarMissingError)) throw e;
    const closed = event.type === 'stop' ? 1 : row.closed;
    await store.updateClock(k, row.id, {
      events_json: JSON.stringify(events),
      due_date: null,
      state: closed ? 'stopped' : 'uncomputable',
      closed,
      updated_at: nowIso(),
    });
    return null;
  }
  await store.updateClock(k, row.id, {
    events_json: JSON.stringify(events),
    started_on: result.startedOn,
    due_date: result.due,
    state: stateOf(result),
    closed: result.stoppedOn ? 1 : 0,
    updated_at: nowIso(),
  });
  return result;
}

export async function clockOf(
  k: K,
  objectType: string,
  objectId: string | number,
  purpose: string,
  today: IsoDate = todayInChina(),
) {
  const row = await store.findClock(k, objectType, String(objectId), purpose);
  if (!row) return undefined;
  const events = parseJson<ClockEvent[]>(row.events_json, []);
  const { result, cal, rules } = await evaluate(
    k,
    row.jurisdiction_id,
    { amount: row.amount, unit: row.unit as ClockSpec['unit'] },
    events,
  );
  return { events, result, status: clockStatus(cal, result, today, rules) };
}

/**
 * Recompute the open clocks of a jurisdiction (and below) that a calendar change touches: those
 * whose counting span — from their start to their due date, or open-ended while paused — contains
 * a changed date, or all of them. Every changed due date is written to the audit log.
 */
export async function recomputeClocks(
  k: K,
  who: AuditActor,
  scope: Scope,
  dates: IsoDate[] | 'all',
  years: number[] = [],
): Promise<number> {
  const under = await org.jurisdictionIdsUnder(k, [scope.code]);
  const rows = await store.openClocks(k, under);
  // A changed day moves a due date only when it lies inside the counting span [start, due];
  // paused or uncomputable clocks (no due date) are always recomputed.
  const touches = (start: string, due: string | null) =>
    dates === 'all' ||
    due === null ||
    years.some((y) => `${y}-12-31` >= start) ||
    dates.some((d) => d >= start && d <= due);
  let changed = 0;
  for (const row of rows) {
    if (!touches(row.started_on, row.due_date)) continue;
    const events = parseJson<ClockEvent[]>(row.events_json, []);
    let due: string | null;
    let state: string;
    try {
      const { result } = await evaluate(
        k,
        row.jurisdiction_id,
        { amount: row.amount, unit: row.unit as ClockSpec['unit'] },
        events,
      );
      due = result.due;
      state = stateOf(result);
    } catch {
      // e.g. the new due date falls into a year without a calendar: keep the clock, flag it.
      due = null;
      state = 'uncomputable';
    }
    if (due === row.due_date && state === row.state) continue;
    await store.updateClock(k, row.id, { due_date: due, state, updated_at: nowIso() });
    await writeAudit(k, who, {
      action: 'clock.recompute',
      objectType: row.object_type,
      objectId: row.object_id,
      jurisdictionId: row.jurisdiction_id,
      summary: `工作日历变更，重新计算期限：${row.due_date ?? '未定'} → ${due ?? (state === 'uncomputable' ? '无法计算（缺少节假日安排）' : '未定')}`,
      before: { due: row.due_date, state: row.state },
      after: { due, state },
    });
    changed++;
  }
  return changed;
}

export type { Scope as CalendarScope };
