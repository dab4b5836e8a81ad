/** The calendar's part of the workbench: next year's holiday schedule still missing (from 1 October). */
import { can } from '../platform/access.js';
import type { WorkbenchContext, WorkbenchEntry } from '../platform/module.js';
import { calendarFor, coverageWarning } from './service.js';

export async function calendarTodo({ db, actor, site, today }: WorkbenchContext): Promise<WorkbenchEntry[]> {
  if (!site || !(can(actor, 'calendar.manage') || can(actor, 'audit.view'))) return [];
  const warning = coverageWarning(await calendarFor(db.k, site.jurisdictionCode), today);
  return warning
    ? [{ kind: 'notice', text: warning, href: '/admin/calendar', linkText: '前往工作日历', alert: true }]
    : [];
}
