/** The reports' part of the workbench: last year's annual reports of the person's units not yet published. */
import type { WorkbenchContext, WorkbenchEntry } from '../platform/module.js';
import { reportReminders } from './annual.js';

export async function reportsTodo({ db, actor, today }: WorkbenchContext): Promise<WorkbenchEntry[]> {
  return (await reportReminders(db, actor, today)).map((text) => ({
    kind: 'notice',
    text,
    href: '/admin/reports',
    linkText: '前往年度报告',
  }));
}
