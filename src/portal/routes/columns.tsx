/** The standard columns: 政府信息公开制度, 法定主动公开内容, 政府信息公开工作年度报告. */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { reportsColumn, rulesColumn, statutoryColumn } from '../service.js';
import { ReportsColumnPage } from '../views/reports-column.js';
import { RulesColumnPage } from '../views/rules-column.js';
import { StatutoryColumnPage } from '../views/statutory-column.js';

export function columnRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/xxgk/zhidu', async (c) => {
    const county = c.get('site')?.jurisdictionCode;
    const list = await rulesColumn(c.get('deps').db, county, Number(c.req.query('page')) || 1);
    return page(c, <RulesColumnPage c={c} list={list} />);
  });

  r.get('/xxgk/fdzdgknr', async (c) => {
    const byItem = await statutoryColumn(c.get('deps').db, c.get('site')?.jurisdictionCode);
    return page(c, <StatutoryColumnPage c={c} byItem={byItem} />);
  });

  r.get('/xxgk/ndbg', async (c) => {
    const reports = await reportsColumn(c.get('deps').db, c.get('site')?.jurisdictionCode);
    return page(c, <ReportsColumnPage c={c} reports={reports} />);
  });

  return r;
}
