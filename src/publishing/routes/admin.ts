/**
 * Back-office pages of publishing (信息发布), mounted at /admin: the list and the record form, the
 * record page with its review and publication steps, 公开时限 supervision, the 不予公开
 * re-assessment queue, the policies missing their 解读, the county settings and the 清理结果 draft.
 * Routes are thin: every access check and rule lives in the services.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { recordRoutes } from './record.js';
import { recordsRoutes } from './records.js';
import { settingsRoutes } from './settings.js';
import { supervisionRoutes } from './supervision.js';

export function recordAdminRoutes() {
  return new Hono<AppEnv>()
    .route('/', recordsRoutes())
    .route('/', recordRoutes())
    .route('/', supervisionRoutes())
    .route('/', settingsRoutes());
}
