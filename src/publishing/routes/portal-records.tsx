/** The portal's record pages: the detail, the print view, attachment downloads and 公示栏 photos. */
import { type Context, Hono } from 'hono';
import { NotFoundError } from '../../platform/errors.js';
import { page } from '../../platform/ui/layout.js';
import { sendFile } from '../../platform/web/download.js';
import type { AppEnv } from '../../platform/web/env.js';
import * as pub from '../public.js';
import { PortalPrintPage } from '../views/portal-print-page.js';
import { PortalRecordPage } from '../views/portal-record-page.js';
import { county } from './portal-input.js';

type C = Context<AppEnv>;
const db = (c: C) => c.get('deps').db;

const fileResponse = (c: C, f: { name: string; mime: string; data: Buffer }, inline = false) =>
  sendFile(c, f, { inline, cache: 'private, max-age=0' });

export function portalRecordRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/xxgk/info/:id{[0-9]+}', async (c) => {
    const d = await pub.getPublic(db(c), county(c), Number(c.req.param('id')));
    return page(c, <PortalRecordPage c={c} d={d} />);
  });

  r.get('/xxgk/info/:id{[0-9]+}/print', async (c) => {
    const d = await pub.getPublic(db(c), county(c), Number(c.req.param('id')));
    if (d.withdrawn) throw new NotFoundError('该信息已撤回。');
    return page(c, <PortalPrintPage d={d} siteName={c.get('site')?.name} />);
  });

  r.get('/xxgk/info/:id{[0-9]+}/files/:fid{[0-9]+}', async (c) =>
    fileResponse(c, await pub.downloadPublic(db(c), county(c), Number(c.req.param('id')), Number(c.req.param('fid')))),
  );
  r.get('/xxgk/info/:id{[0-9]+}/channels/:cid{[0-9]+}/photo', async (c) =>
    fileResponse(
      c,
      await pub.channelPhoto(db(c), county(c), Number(c.req.param('id')), Number(c.req.param('cid'))),
      true,
    ),
  );

  return r;
}
