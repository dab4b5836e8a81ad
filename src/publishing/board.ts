/**
 * 公开时限 supervision (条例第二十六条): open records past their due date (overdue), due within the
 * county's due-soon window of working days (at risk), and records published after their due date.
 */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { calendarFor, rulesFor } from '../calendar/service.js';
import { addWorkingDays } from '../calendar/clock.js';
import { addDays, type IsoDate, todayInChina } from '../calendar/dates.js';
import { unitsReached, withUnitNames } from './core.js';
import { OPEN_STATUSES } from './model.js';
import { unitsFor } from './staff.js';
import { boardRows } from './store/lists.js';

export async function deadlineBoard(
  db: Db,
  actor: Actor,
  opts: { unitId?: number; today?: IsoDate; countyCode: string },
) {
  const today = opts.today ?? todayInChina();
  const cal = await calendarFor(db.k, opts.countyCode);
  const rules = await rulesFor(db.k, opts.countyCode);
  let soon: IsoDate;
  try {
    soon = addWorkingDays(cal, today, rules.dueSoonWorkingDays, rules).due;
  } catch {
    soon = addDays(today, 7);
  }
  const units = await unitsReached(db.k, actor, 'record.view');
  const rows = await boardRows(db.k, units, {
    countyCode: opts.countyCode,
    unitId: opts.unitId,
    today,
    soon,
    openStatuses: OPEN_STATUSES,
  });
  const [overdue, atRisk, late] = await Promise.all([
    withUnitNames(db.k, rows.overdue),
    withUnitNames(db.k, rows.atRisk),
    withUnitNames(db.k, rows.late),
  ]);
  return { today, soon, soonDays: rules.dueSoonWorkingDays, overdue, atRisk, late };
}

/** The 公开时限 page: the board and the units to filter it by. */
export async function deadlineSupervision(db: Db, actor: Actor, opts: { unitId?: number; countyCode: string }) {
  const [board, units] = await Promise.all([deadlineBoard(db, actor, opts), unitsFor(db, actor, 'record.view')]);
  return { board, units };
}
