/** 重点领域信息公开: the 26 pilot domains (/xxgk/lingyu) and each domain's page. */
import { Hono } from 'hono';
import { DOMAINS } from '../../catalog/vocabulary.js';
import { NotFoundError } from '../../platform/errors.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { domainPage } from '../service.js';
import { DomainPage } from '../views/domain.js';
import { DomainsPage } from '../views/domains.js';

export function domainRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/xxgk/lingyu', (c) => page(c, <DomainsPage c={c} />));

  r.get('/xxgk/lingyu/:slug', async (c) => {
    const d = DOMAINS.find((x) => x.slug === c.req.param('slug'));
    if (!d) throw new NotFoundError('该领域栏目不存在。');
    const data = await domainPage(c.get('deps').db, c.get('site')?.jurisdictionCode, d.name);
    return page(c, <DomainPage c={c} domain={d} {...data} />);
  });

  return r;
}
