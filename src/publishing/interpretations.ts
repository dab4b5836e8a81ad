/**
 * 政策解读 (三同步): the deadline of an interpretation — published with its policy (0 days) or within
 * the county's working days after it (regulations §5.1) — and the policies still missing theirs.
 */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { calendarFor, rulesFor } from '../calendar/service.js';
import { addWorkingDays, type CountingRules } from '../calendar/clock.js';
import { CalendarMissingError, type WorkCalendar } from '../calendar/calendar.js';
import type { IsoDate } from '../calendar/dates.js';
import { countySetting, unitsReached, withUnitNames } from './core.js';
import { PUBLISHING_SETTINGS } from './settings.js';
import { missingInterpretationRows } from './store/lists.js';

/** The rule an interpretation's deadline follows, in words. */
export const interpretationBasis = (days: number) =>
  days === 0 ? '政策解读与政策文件同步发布（三同步）' : `政策解读最迟在政策文件发布后 ${days} 个工作日内发布`;

/** 解读 deadline: `days` working days after the policy's publication (0 = the same day). */
export function interpretationDue(
  cal: WorkCalendar,
  rules: CountingRules,
  policyPublishedOn: IsoDate,
  days: number,
): { due_on: IsoDate | null; due_note: string } {
  try {
    return { due_on: addWorkingDays(cal, policyPublishedOn, days, rules).due, due_note: interpretationBasis(days) };
  } catch (e) {
    if (e instanceof CalendarMissingError) return { due_on: null, due_note: `${e.message}，暂无法计算解读发布期限` };
    throw e;
  }
}

/** Policies that need an interpretation (解读) and have none published, with the interpretation's due date. */
export async function missingInterpretations(db: Db, actor: Actor, countyCode: string) {
  const days = await countySetting(db.k, PUBLISHING_SETTINGS.interpretationDays, countyCode);
  const units = await unitsReached(db.k, actor, 'record.view');
  const rows = await withUnitNames(db.k, await missingInterpretationRows(db.k, units, countyCode));
  const cal = await calendarFor(db.k, countyCode);
  const rules = await rulesFor(db.k, countyCode);
  return {
    days,
    rows: rows.map((r) => {
      return { ...r, due: r.published_on ? interpretationDue(cal, rules, r.published_on, days).due_on : null };
    }),
  };
}
