/**
 * Portal pages of government information, mounted at '/': the detail page with the standard
 * metadata block, print view, attachments, the 政府信息公开目录 with its filters, sub-columns of
 * 法定主动公开内容, records under a catalog item, search with highlighted snippets, Atom feeds and
 * the sitemap. Every page works without JavaScript.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import { portalFeedRoutes } from './portal-feeds.js';
import { portalListRoutes } from './portal-lists.js';
import { portalRecordRoutes } from './portal-records.js';
import { portalSearchRoutes } from './portal-search.js';
import { portalSitemapRoutes } from './portal-sitemap.js';

export function infoPortalRoutes() {
  return new Hono<AppEnv>()
    .route('/', portalRecordRoutes())
    .route('/', portalListRoutes())
    .route('/', portalSearchRoutes())
    .route('/', portalFeedRoutes())
    .route('/', portalSitemapRoutes());
}
