/** Item records (梳理): kept in the back office, published on the portal with a filter and downloads. */
import { Hono } from 'hono';
import type { Errors, Values } from '../../platform/ui/forms.js';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formRoute } from '../../platform/web/form.js';
import { requireActor } from '../../platform/web/guards.js';
import * as rec from '../records.js';
import { PortalRecordsPage } from '../views/portal-records.js';
import { RecordEditPage } from '../views/record-edit.js';
import { RecordsPage } from '../views/records.js';
import { type C, countyOfSite, dbOf, param } from './context.js';

const FLASH: Record<string, string> = { saved: '已保存。', deleted: '已删除。' };

async function renderRecords(c: C, itemId: number, opts: { errors?: Errors; values?: Values } = {}, status = 200) {
  const x = await rec.itemRecords(dbOf(c), requireActor(c), itemId);
  return page(
    c,
    <RecordsPage c={c} itemId={itemId} x={x} flash={FLASH[c.req.query('done') ?? '']} opts={opts} />,
    status,
  );
}

async function renderRecordEdit(c: C, id: number, rid: number, values?: Values, errors?: Errors, status = 200) {
  const x = await rec.itemRecords(dbOf(c), requireActor(c), id);
  const record = rec.recordOf(x, rid);
  const vals = values ?? Object.fromEntries(x.fields.map((f, i) => [`field_${i}`, record.data[f] ?? '']));
  return page(c, <RecordEditPage c={c} id={id} rid={rid} x={x} values={vals} errors={errors} />, status);
}

export function recordAdminRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/catalog-items/:id{[0-9]+}/records', (c) => renderRecords(c, param(c, 'id')));
  r.post(
    '/catalog-items/:id{[0-9]+}/records',
    formRoute({
      submit: async (c, body) => {
        await rec.saveRecord(dbOf(c), requireActor(c), param(c, 'id'), null, body);
        return c.redirect(`/admin/catalog-items/${param(c, 'id')}/records?done=saved`, 303);
      },
      invalid: (c, body, errors) => renderRecords(c, param(c, 'id'), { errors, values: body }, 422),
    }),
  );
  r.get('/catalog-items/:id{[0-9]+}/records/:rid{[0-9]+}/edit', (c) =>
    renderRecordEdit(c, param(c, 'id'), param(c, 'rid')),
  );
  r.post(
    '/catalog-items/:id{[0-9]+}/records/:rid{[0-9]+}',
    formRoute({
      submit: async (c, body) => {
        await rec.saveRecord(dbOf(c), requireActor(c), param(c, 'id'), param(c, 'rid'), body);
        return c.redirect(`/admin/catalog-items/${param(c, 'id')}/records?done=saved`, 303);
      },
      invalid: (c, body, errors) => renderRecordEdit(c, param(c, 'id'), param(c, 'rid'), body, errors, 422),
    }),
  );
  r.post('/catalog-items/:id{[0-9]+}/records/:rid{[0-9]+}/delete', async (c) => {
    const id = param(c, 'id');
    await rec.deleteRecord(dbOf(c), requireActor(c), id, param(c, 'rid'));
    return c.redirect(`/admin/catalog-items/${id}/records?done=deleted`, 303);
  });
  return r;
}

export function recordPortalRoutes() {
  const r = new Hono<AppEnv>();
  const load = (c: C) =>
    rec.publicRecords(dbOf(c), countyOfSite(c), param(c, 'cid'), param(c, 'iid'), c.req.query('q'));
  const fileName = (x: Awaited<ReturnType<typeof load>>) => `${x.unit.name}${x.item.level2 ?? x.item.level1}`;

  r.get('/xxgk/ml/:cid{[0-9]+}/items/:iid{[0-9]+}', async (c) => {
    const x = await load(c);
    return page(
      c,
      <PortalRecordsPage
        c={c}
        x={x}
        catalogId={c.req.param('cid')}
        itemId={c.req.param('iid')}
        q={c.req.query('q') ?? ''}
      />,
    );
  });

  r.get('/xxgk/ml/:cid{[0-9]+}/items/:iid{[0-9]+}/records.csv', async (c) => {
    const x = await load(c);
    return c.body(rec.toCsv(x.fields, x.records), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="records.csv"; filename*=UTF-8''${encodeURIComponent(fileName(x))}.csv`,
    });
  });

  r.get('/xxgk/ml/:cid{[0-9]+}/items/:iid{[0-9]+}/records.xlsx', async (c) => {
    const x = await load(c);
    const buf = await rec.toXlsx(x.fields, x.records);
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="records.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName(x))}.xlsx`,
    });
  });
  return r;
}
