/** sitemap.xml: an index of the fixed pages and of id ranges of 50,000 records each. */
import { Hono } from 'hono';
import type { AppEnv } from '../../platform/web/env.js';
import * as pub from '../public.js';
import { pagesSitemap, recordsSitemap, SITEMAP_BUCKET, sitemapIndex } from '../views/sitemap.js';
import { county } from './portal-input.js';

const XML = { 'content-type': 'application/xml; charset=utf-8' };

export function portalSitemapRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/sitemap.xml', async (c) => {
    const max = await pub.maxRecordId(c.get('deps').db, county(c));
    return c.body(sitemapIndex(new URL(c.req.url).origin, max), 200, XML);
  });
  r.get('/sitemaps/pages.xml', async (c) => c.body(pagesSitemap(new URL(c.req.url).origin), 200, XML));
  r.get('/sitemaps/:file{info-[0-9]+\\.xml}', async (c) => {
    const n = Number(/[0-9]+/.exec(c.req.param('file'))![0]);
    const rows = await pub.sitemapRows(c.get('deps').db, county(c), n * SITEMAP_BUCKET, (n + 1) * SITEMAP_BUCKET);
    return c.body(recordsSitemap(new URL(c.req.url).origin, rows), 200, XML);
  });

  return r;
}
