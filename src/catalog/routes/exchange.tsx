/** A catalog's working copy as Excel or Word, and its import from Excel (preview, then confirm). */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { formBody, requireActor } from '../../platform/web/guards.js';
import { getCatalog } from '../catalogs.js';
import type { ImportError } from '../exchange/layout.js';
import { commitImport, exportCatalog, ImportFailed, MAX_IMPORT_BYTES, previewImport } from '../exchange/service.js';
import { ImportFailedPage } from '../views/import-failed.js';
import { ImportPreviewPage } from '../views/import-preview.js';
import { dbOf, download, param, uploadOf } from './context.js';

export function exchangeRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/catalogs/:id{[0-9]+}/export.xlsx', async (c) =>
    download(c, await exportCatalog(dbOf(c), requireActor(c), param(c, 'id'), 'xlsx')),
  );
  r.get('/catalogs/:id{[0-9]+}/export.docx', async (c) =>
    download(c, await exportCatalog(dbOf(c), requireActor(c), param(c, 'id'), 'docx')),
  );

  r.post('/catalogs/:id{[0-9]+}/import', async (c) => {
    const actor = requireActor(c);
    const id = param(c, 'id');
    const db = dbOf(c);
    const v = await getCatalog(db, actor, id);
    const fail = (errors: ImportError[]) =>
      page(c, <ImportFailedPage c={c} id={id} unitName={v.unit.name} errors={errors} />, 422);
    const upload = await uploadOf(c, MAX_IMPORT_BYTES, '请选择要导入的 Excel 文件。');
    if ('error' in upload) return fail([{ sheet: '', row: 0, column: '', message: upload.error }]);
    try {
      const p = await previewImport(db, actor, id, upload.file.name, upload.body);
      return page(
        c,
        <ImportPreviewPage
          c={c}
          id={id}
          unitName={v.unit.name}
          filename={upload.file.name}
          existing={v.items.length}
          preview={p}
        />,
      );
    } catch (err) {
      if (err instanceof ImportFailed) return fail(err.errors);
      throw err;
    }
  });

  r.post('/catalogs/:id{[0-9]+}/import/confirm', async (c) => {
    const actor = requireActor(c);
    const id = param(c, 'id');
    const body = await formBody(c);
    const n = await commitImport(dbOf(c), actor, body.token ?? '', body.mode === 'append' ? 'append' : 'replace');
    return c.redirect(`/admin/catalogs/${id}?done=imported&n=${n}`, 303);
  });

  return r;
}
