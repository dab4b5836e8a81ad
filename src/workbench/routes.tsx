/** 工作台 (/admin) and 审计日志 (/admin/audit). */
import { Hono } from 'hono';
import { page } from '../platform/ui/layout.js';
import type { AppEnv } from '../platform/web/env.js';
import { requireActor } from '../platform/web/guards.js';
import { todayInChina } from '../calendar/dates.js';
import { auditLog } from './audit.js';
import { dashboard } from './dashboard.js';
import { AuditLogPage } from './views/audit-log.js';
import { DashboardPage } from './views/dashboard.js';

export function workbenchRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/', async (c) => {
    const actor = requireActor(c);
    const ctx = { db: c.get('deps').db, actor, site: c.get('site'), today: todayInChina() };
    const data = await dashboard(c.get('deps').installation.modules, ctx);
    return page(c, <DashboardPage c={c} actor={actor} {...data} />);
  });

  r.get('/audit', async (c) => {
    const actor = requireActor(c);
    const { auditLabels: labels, auditObjectTypes: objectTypes } = c.get('deps').installation;
    const q = c.req.query();
    const filter = {
      actor: q.actor?.trim() || undefined,
      unitId: Number(q.unit) || undefined,
      action: q.action && labels[q.action] ? q.action : undefined,
      objectType: q.object_type && objectTypes[q.object_type] ? q.object_type : undefined,
      objectId: q.object_id?.trim() || undefined,
      from: q.from?.trim() || undefined,
      to: q.to?.trim() || undefined,
      before: Number(q.before) || undefined,
    };
    const log = await auditLog(c.get('deps').db, actor, filter);
    return page(c, <AuditLogPage c={c} query={q} labels={labels} objectTypes={objectTypes} {...log} />);
  });

  return r;
}
