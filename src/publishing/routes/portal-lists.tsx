/** The portal's lists: the 政府信息公开目录, a sub-column of 法定主动公开内容, the records of a catalog item. */
import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../platform/errors.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import * as pub from '../public.js';
import { ColumnPage } from '../views/column-page.js';
import { DirectoryPage } from '../views/directory-page.js';
import { ItemPage } from '../views/item-page.js';
import { county, filtersOf, num } from './portal-input.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').db;

export function portalListRoutes() {
  const r = new Hono<AppEnv>();

  // 政府信息公开目录: every published record, with the filters 机构, 主题, 体裁, 年份, 公开属性.
  r.get('/xxgk/xxml', async (c) => {
    const f = filtersOf(c);
    const d = await pub.directory(db(c), county(c), f);
    return page(c, <DirectoryPage c={c} f={f} {...d} />);
  });

  // A sub-column of 法定主动公开内容 (条例第二十条 item or 第二十一条 content).
  r.get('/xxgk/fdzdgknr/:item{[^/.]+}', async (c) => {
    const key = c.req.param('item');
    const label = pub.columnItemLabel(key);
    if (!label) throw new NotFoundError('该栏目不存在。');
    const list = await pub.listPublic(db(c), county(c), {
      columnSlug: 'fdzdgknr',
      columnItem: key,
      page: num(c, 'page'),
    });
    return page(c, <ColumnPage c={c} columnKey={key} label={label} list={list} />);
  });

  // The records published under one catalog item.
  r.get('/xxgk/item/:id{[0-9]+}', async (c) => {
    const itemId = Number(c.req.param('id'));
    const d = await pub.itemRecords(db(c), county(c), itemId, num(c, 'page'));
    return page(c, <ItemPage c={c} itemId={itemId} {...d} />);
  });

  return r;
}
