import { Hono, type Context } from 'hono';

/** exceljs is loaded on first use (it is large and most requests never need it). */
const loadExcel = async () => (await import('exceljs')).default;
import type { AppEnv } from '../platform/web/env.js';
import { AdminLayout, PortalLayout, page } from '../platform/ui/layout.js';
import { Csrf, ErrorSummary, TextField, type Errors, type Values } from '../platform/ui/forms.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { requireActor, formBody } from '../platform/web/guards.js';
import * as rec from './records.js';

function RecordFields(props: { fields: string[]; values: Values; errors?: Errors }) {
  return (
    <>
      {props.fields.map((f, i) => (
        <TextField name={`field_${i}`} label={f} values={props.values} errors={props.errors} maxlength={500} />
      ))}
    </>
  );
}

async function recordsPage(
  c: Context<AppEnv>,
  itemId: number,
  opts: { errors?: Errors; values?: Values; flash?: string } = {},
  status = 200,
) {
  const x = await rec.itemRecords(c.get('deps').db, requireActor(c), itemId);
  const label = `${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}`;
  return page(
    c,
    <AdminLayout
      c={c}
      title={`梳理记录：${label}`}
      current="catalogs"
      flash={
        opts.flash ?? ({ saved: '已保存。', deleted: '已删除。' } as Record<string, string>)[c.req.query('done') ?? '']
      }
    >
      <p>
        <a href={`/admin/catalogs/${x.catalog.id}#item-${itemId}`}>返回{x.unit.name}目录</a>
      </p>
      <p class="muted">
        按本事项的公开内容（要素）逐条梳理具体信息（如每所学校一条）。该事项在已发布的目录中时，记录在门户上以表格公开，可筛选和下载。
      </p>
      {x.fields.length === 0 ? (
        <p class="notice">该事项的公开内容（要素）中没有可用作字段的要素，请先编辑事项，用“●”逐项列出要素。</p>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data">
              <thead>
                <tr>
                  {x.fields.map((f) => (
                    <th scope="col">{f}</th>
                  ))}
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {x.records.map((r) => (
                  <tr>
                    {x.fields.map((f) => (
                      <td>{r.data[f] ?? ''}</td>
                    ))}
                    <td>
                      <a href={`/admin/catalog-items/${itemId}/records/${r.id}/edit`}>编辑</a>
                      <form
                        method="post"
                        action={`/admin/catalog-items/${itemId}/records/${r.id}/delete`}
                        class="inline"
                      >
                        <Csrf token={c.get('csrf')} />{' '}
                        <button type="submit" class="link-button dark">
                          删除
                        </button>
                      </form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {x.records.length === 0 ? <p class="empty">尚无记录。</p> : null}
          <form method="post" action={`/admin/catalog-items/${itemId}/records`} class="form" novalidate>
            <Csrf token={c.get('csrf')} />
            <h2>新增记录</h2>
            <ErrorSummary errors={opts.errors} labels={Object.fromEntries(x.fields.map((f, i) => [`field_${i}`, f]))} />
            <RecordFields fields={x.fields} values={opts.values ?? {}} errors={opts.errors} />
            <button type="submit" class="button">
              新增
            </button>
          </form>
        </>
      )}
    </AdminLayout>,
    status,
  );
}

export function recordAdminRoutes() {
  const r = new Hono<AppEnv>();
  r.get('/catalog-items/:id{[0-9]+}/records', (c) => recordsPage(c, Number(c.req.param('id'))));
  r.post('/catalog-items/:id{[0-9]+}/records', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await formBody(c);
    try {
      await rec.saveRecord(c.get('deps').db, requireActor(c), id, null, body);
    } catch (err) {
      if (err instanceof ValidationError) return recordsPage(c, id, { errors: err.fieldErrors, values: body }, 422);
      throw err;
    }
    return c.redirect(`/admin/catalog-items/${id}/records?done=saved`, 303);
  });
  const editPage = async (
    c: Context<AppEnv>,
    id: number,
    rid: number,
    values?: Values,
    errors?: Errors,
    status = 200,
  ) => {
    const x = await rec.itemRecords(c.get('deps').db, requireActor(c), id);
    const record = x.records.find((r) => r.id === rid);
    if (!record) throw new NotFoundError('该记录不存在。');
    const vals = values ?? Object.fromEntries(x.fields.map((f, i) => [`field_${i}`, record.data[f] ?? '']));
    return page(
      c,
      <AdminLayout
        c={c}
        title={`编辑梳理记录：${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}`}
        current="catalogs"
      >
        <form method="post" action={`/admin/catalog-items/${id}/records/${rid}`} class="form" novalidate>
          <Csrf token={c.get('csrf')} />
          <ErrorSummary errors={errors} labels={Object.fromEntries(x.fields.map((f, i) => [`field_${i}`, f]))} />
          <RecordFields fields={x.fields} values={vals} errors={errors} />
          <button type="submit" class="button">
            保存
          </button>
          <a class="button secondary" href={`/admin/catalog-items/${id}/records`}>
            取消
          </a>
        </form>
      </AdminLayout>,
      status,
    );
  };
  r.get('/catalog-items/:id{[0-9]+}/records/:rid{[0-9]+}/edit', (c) =>
    editPage(c, Number(c.req.param('id')), Number(c.req.param('rid'))),
  );
  r.post('/catalog-items/:id{[0-9]+}/records/:rid{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const rid = Number(c.req.param('rid'));
    const body = await formBody(c);
    try {
      await rec.saveRecord(c.get('deps').db, requireActor(c), id, rid, body);
    } catch (err) {
      if (err instanceof ValidationError) return editPage(c, id, rid, body, err.fieldErrors, 422);
      throw err;
    }
    return c.redirect(`/admin/catalog-items/${id}/records?done=saved`, 303);
  });
  r.post('/catalog-items/:id{[0-9]+}/records/:rid{[0-9]+}/delete', async (c) => {
    const id = Number(c.req.param('id'));
    await rec.deleteRecord(c.get('deps').db, requireActor(c), id, Number(c.req.param('rid')));
    return c.redirect(`/admin/catalog-items/${id}/records?done=deleted`, 303);
  });
  return r;
}

export function recordPortalRoutes() {
  const r = new Hono<AppEnv>();
  const county = (c: Context<AppEnv>) => {
    const s = c.get('site');
    if (!s) throw new NotFoundError('本平台尚未初始化。');
    return s.jurisdictionCode;
  };
  const load = (c: Context<AppEnv>) =>
    rec.publicRecords(
      c.get('deps').db,
      county(c),
      Number(c.req.param('cid')),
      Number(c.req.param('iid')),
      c.req.query('q'),
    );
  const fileName = (x: Awaited<ReturnType<typeof load>>) => `${x.unit.name}${x.item.level2 ?? x.item.level1}`;

  r.get('/xxgk/ml/:cid{[0-9]+}/items/:iid{[0-9]+}', async (c) => {
    const x = await load(c);
    const q = c.req.query('q') ?? '';
    const base = `/xxgk/ml/${c.req.param('cid')}/items/${c.req.param('iid')}`;
    const qs = q ? `?q=${encodeURIComponent(q)}` : '';
    const title = `${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}`;
    return page(
      c,
      <PortalLayout
        c={c}
        title={title}
        current="lingyu"
        crumbs={[
          { href: '/xxgk/ml', label: '政务公开事项标准目录' },
          { href: `/xxgk/ml/${c.req.param('cid')}`, label: x.unit.name },
          { label: title },
        ]}
      >
        <h1>
          {x.unit.name}：{title}
        </h1>
        <form method="get" action={base} class="filters" role="search" aria-label="筛选">
          <TextField name="q" label="筛选（任一字段包含）" values={{ q }} />
          <button type="submit" class="button secondary">
            筛选
          </button>
        </form>
        <p class="muted">
          共 {x.records.length} 条。下载：<a href={`${base}/records.csv${qs}`}>CSV</a>　
          <a href={`${base}/records.xlsx${qs}`}>Excel</a>
        </p>
        <div class="table-scroll">
          <table class="data">
            <caption class="visually-hidden">{title}</caption>
            <thead>
              <tr>
                {x.fields.map((f) => (
                  <th scope="col">{f}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {x.records.map((rr) => (
                <tr>
                  {x.fields.map((f) => (
                    <td>{rr.data[f] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {x.records.length === 0 ? <p class="empty">没有符合条件的记录。</p> : null}
      </PortalLayout>,
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
    const wb = new (await loadExcel()).Workbook();
    const ws = wb.addWorksheet('明细');
    ws.addRow(x.fields).font = { bold: true };
    for (const rr of x.records) ws.addRow(x.fields.map((f) => rr.data[f] ?? ''));
    for (const col of ws.columns) col.width = 20;
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    return c.body(new Uint8Array(buf), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="records.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName(x))}.xlsx`,
    });
  });
  return r;
}
