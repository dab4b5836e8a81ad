/** The portal's catalogs: the county's published catalogs, one version, its downloads, and version comparison. */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { exportPublished } from '../exchange/service.js';
import { compareVersions, publishedCatalogPage, publishedCatalogs } from '../published.js';
import { PortalCatalogPage } from '../views/portal-catalog.js';
import { PortalCatalogsPage } from '../views/portal-catalogs.js';
import { PortalDiffPage } from '../views/portal-diff.js';
import { type C, countyOfSite, dbOf, download, param } from './context.js';

const versionOf = (c: C) => Number(c.req.query('v')) || undefined;

export function portalRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/xxgk/ml', async (c) => {
    const list = await publishedCatalogs(dbOf(c), countyOfSite(c));
    return page(c, <PortalCatalogsPage c={c} list={list} />);
  });

  r.get('/xxgk/ml/:id{[0-9]+}', async (c) => {
    const v = versionOf(c);
    const p = await publishedCatalogPage(dbOf(c), countyOfSite(c), param(c, 'id'), v);
    return page(c, <PortalCatalogPage c={c} p={p} v={v} />);
  });

  r.get('/xxgk/ml/:id{[0-9]+}/export.xlsx', async (c) =>
    download(c, await exportPublished(dbOf(c), countyOfSite(c), param(c, 'id'), versionOf(c), 'xlsx')),
  );
  r.get('/xxgk/ml/:id{[0-9]+}/export.docx', async (c) =>
    download(c, await exportPublished(dbOf(c), countyOfSite(c), param(c, 'id'), versionOf(c), 'docx')),
  );

  r.get('/xxgk/ml/:id{[0-9]+}/diff', async (c) => {
    const id = param(c, 'id');
    const x = await compareVersions(
      dbOf(c),
      countyOfSite(c),
      id,
      Number(c.req.query('from')),
      Number(c.req.query('to')),
    );
    return page(c, <PortalDiffPage c={c} id={id} unitName={x.a.unit.name} a={x.a} b={x.b} diff={x.diff} />);
  });

  return r;
}
