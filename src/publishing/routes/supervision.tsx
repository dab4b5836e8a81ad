/** The supervision lists: 公开时限 (条例第二十六条), 不予公开 re-assessment (条例第十八条), policies missing their 解读. */
import { type Context, Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { requireActor } from '../../platform/web/guards.js';
import { todayInChina } from '../../calendar/dates.js';
import * as svc from '../service.js';
import { AssessmentsPage } from '../views/assessments-page.js';
import { DeadlinesPage } from '../views/deadlines-page.js';
import { InterpretationsPage } from '../views/interpretations-page.js';
import { siteOf } from './input.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').db;

export function supervisionRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/records/deadlines', async (c) => {
    const unitId = Number(c.req.query('unit')) || undefined;
    const { board, units } = await svc.deadlineSupervision(db(c), requireActor(c), {
      countyCode: siteOf(c).jurisdictionCode,
      unitId,
    });
    return page(c, <DeadlinesPage c={c} board={board} units={units} unitId={unitId} />);
  });

  r.get('/records/assessments', async (c) => {
    const q = await svc.assessmentQueue(db(c), requireActor(c), siteOf(c).jurisdictionCode);
    return page(c, <AssessmentsPage c={c} q={q} />);
  });

  r.get('/records/interpretations', async (c) => {
    const q = await svc.missingInterpretations(db(c), requireActor(c), siteOf(c).jurisdictionCode);
    return page(c, <InterpretationsPage c={c} q={q} today={todayInChina()} />);
  });

  return r;
}
