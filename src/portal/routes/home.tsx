/** 首页 (/). */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { homePage } from '../service.js';
import { HomePage } from '../views/home.js';

export function homeRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/', async (c) => {
    const site = c.get('site');
    const data = await homePage(c.get('deps').db, site?.jurisdictionCode);
    return page(c, <HomePage c={c} site={site} {...data} />);
  });
  return r;
}
