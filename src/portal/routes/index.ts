/** The portal's pages, mounted at '/': the home page, the guides, the standard columns and the pilot domains. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { columnRoutes } from './columns.js';
import { domainRoutes } from './domains.js';
import { guideRoutes } from './guide.js';
import { homeRoutes } from './home.js';

export function portalRoutes() {
  return new Hono<AppEnv>()
    .route('/', homeRoutes())
    .route('/', guideRoutes())
    .route('/', columnRoutes())
    .route('/', domainRoutes());
}
