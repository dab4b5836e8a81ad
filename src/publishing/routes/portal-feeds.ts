/** Atom feeds of the portal: the latest records, the two columns, and each sub-column of 法定主动公开内容. */
import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../platform/errors.js';
import type { AppEnv } from '../../platform/web/env.js';
import * as pub from '../public.js';
import { atomFeed } from '../views/feed.js';
import { county } from './portal-input.js';

type C = Context<AppEnv>;

const FEEDS: Record<string, { title: string; filter: pub.PublicFilter }> = {
  all: { title: '最新信息', filter: {} },
  fdzdgknr: { title: '法定主动公开内容', filter: { columnSlug: 'fdzdgknr' } },
  zhidu: { title: '政府信息公开制度', filter: { columnSlug: 'zhidu' } },
};

async function atom(c: C, key: string, title: string, f: pub.PublicFilter, selfPath: string) {
  const { rows } = await pub.listPublic(c.get('deps').db, county(c), { ...f, pageSize: 50 });
  const origin = new URL(c.req.url).origin;
  const body = atomFeed({ siteName: c.get('site')?.name, key, title, origin, selfPath, rows });
  return c.body(body, 200, {
    'content-type': 'application/atom+xml; charset=utf-8',
    'cache-control': 'public, max-age=300',
  });
}

export function portalFeedRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/xxgk/:feed{all|fdzdgknr|zhidu}/atom.xml', async (c) => {
    const key = c.req.param('feed');
    return atom(c, key, FEEDS[key].title, FEEDS[key].filter, c.req.path);
  });
  r.get('/xxgk/fdzdgknr/:item/atom.xml', async (c) => {
    const key = c.req.param('item');
    const label = pub.columnItemLabel(key);
    if (!label) throw new NotFoundError('该栏目不存在。');
    return atom(
      c,
      `fdzdgknr/${encodeURIComponent(key)}`,
      label,
      { columnSlug: 'fdzdgknr', columnItem: key },
      c.req.path,
    );
  });

  return r;
}
