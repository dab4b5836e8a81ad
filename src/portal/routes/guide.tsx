/** The guides: 政府信息公开指南 of the county and of each unit (/xxgk/zhinan), and 依申请公开 (/ysqgk). */
import { Hono } from 'hono';
import * as org from '../../org/service.js';
import { NotFoundError } from '../../platform/errors.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { REQUEST_COLUMN } from '../columns.js';
import { countyGuide, requestUnits } from '../service.js';
import { CountyGuidePage } from '../views/county-guide.js';
import { RequestGuidePage } from '../views/request-guide.js';
import { UnitGuidePage } from '../views/unit-guide.js';

const requireSite = (site: AppEnv['Variables']['site']) => {
  if (!site)
    throw new NotFoundError('本平台尚未初始化。请管理员运行 gongkai init --county <区划代码> 创建本县（区）。');
  return site;
};

export function guideRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/xxgk/zhinan', async (c) => {
    const site = requireSite(c.get('site'));
    const guide = await countyGuide(c.get('deps').db, site.jurisdictionCode);
    return page(c, <CountyGuidePage c={c} site={site} {...guide} />);
  });

  r.get('/xxgk/zhinan/:id{[0-9]+}', async (c) => {
    const site = requireSite(c.get('site'));
    const unit = await org.publicUnit(c.get('deps').db, site.jurisdictionCode, Number(c.req.param('id')));
    return page(c, <UnitGuidePage c={c} site={site} unit={unit} />);
  });

  r.get(`/${REQUEST_COLUMN.slug}`, async (c) => {
    const site = requireSite(c.get('site'));
    const units = await requestUnits(c.get('deps').db, site.jurisdictionCode);
    return page(c, <RequestGuidePage c={c} site={site} units={units} />);
  });

  return r;
}
