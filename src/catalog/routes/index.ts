/** The catalog's pages: the back office (mounted at /admin) and the portal, composed from the routes by subdomain. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { catalogRoutes } from './catalogs.js';
import { exchangeRoutes } from './exchange.js';
import { itemRoutes } from './items.js';
import { planningRoutes } from './planning.js';
import { portalRoutes } from './portal.js';
import { recordAdminRoutes, recordPortalRoutes } from './records.js';
import { referenceRoutes } from './references.js';

export function catalogAdminRoutes() {
  return new Hono<AppEnv>()
    .route('/', planningRoutes())
    .route('/', referenceRoutes())
    .route('/', catalogRoutes())
    .route('/', itemRoutes())
    .route('/', exchangeRoutes())
    .route('/', recordAdminRoutes());
}

export function catalogPortalRoutes() {
  return new Hono<AppEnv>().route('/', portalRoutes()).route('/', recordPortalRoutes());
}
