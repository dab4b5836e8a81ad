/** 信息检索 on the portal: the text, the directory's filters, relevance or date order. */
import { type Context, Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import * as pub from '../public.js';
import { SearchPage } from '../views/search-page.js';
import { county, filtersOf, q } from './portal-input.js';

type C = Context<AppEnv>;

/** Hits per page. */
const PAGE_SIZE = 20;

export function portalSearchRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/search', async (c: C) => {
    const text = q(c, 'q').slice(0, 60);
    const f = filtersOf(c);
    const sort = q(c, 'sort') === 'date' ? 'date' : 'relevance';
    const found = await pub.searchPublic(c.get('deps').db, county(c), {
      text,
      filter: f,
      sort,
      pageSize: PAGE_SIZE,
      totalLimit: c.get('deps').config.searchTotalLimit,
    });
    return page(c, <SearchPage c={c} text={text} f={f} sort={sort} {...found} />);
  });

  return r;
}
