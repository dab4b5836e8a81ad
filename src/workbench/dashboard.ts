/** The 工作台 of the signed-in person: what every module puts there, in module order. */
import * as org from '../org/service.js';
import { can } from '../platform/access.js';
import type { Module, WorkbenchContext, WorkbenchEntry } from '../platform/module.js';

export async function dashboard(modules: readonly Module[], ctx: WorkbenchContext) {
  const units = can(ctx.actor, 'unit.view') ? await org.listUnits(ctx.db, ctx.actor) : [];
  const entries: WorkbenchEntry[] = [];
  for (const m of modules) if (m.todo) entries.push(...(await m.todo(ctx)));
  return {
    /** How many units the person may see. */
    unitCount: units.length,
    notices: entries.filter((e) => e.kind === 'notice'),
    cards: entries.filter((e) => e.kind === 'card'),
    todos: entries.filter((e) => e.kind === 'todo'),
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
