/** The county's reference lists: the full guideline tables (标准指引) and the 政务服务事项 list, with their imports. */
import { Hono } from 'hono';
import { page } from '../../platform/ui/layout.js';
import type { AppEnv } from '../../platform/web/env.js';
import { requireActor } from '../../platform/web/guards.js';
import type { ImportError } from '../exchange/layout.js';
import { MAX_IMPORT_BYTES } from '../exchange/service.js';
import { GuidelineImportFailed, guidelinesOverview, importGuidelines } from '../guidelines.js';
import { importServiceItems, ServiceImportFailed, serviceAlignment } from '../services.js';
import { GuidelinesPage } from '../views/guidelines.js';
import { ServicesPage } from '../views/services.js';
import { type C, dbOf, scopeOf, uploadOf } from './context.js';

type PageOpts = { errors?: ImportError[]; flash?: string };

async function renderGuidelines(c: C, opts: PageOpts = {}, status = 200) {
  const x = await guidelinesOverview(dbOf(c), requireActor(c), scopeOf(c));
  return page(
    c,
    <GuidelinesPage c={c} list={x.list} canImport={x.canImport} errors={opts.errors} flash={opts.flash} />,
    status,
  );
}

async function renderServices(c: C, opts: PageOpts = {}, status = 200) {
  const x = await serviceAlignment(dbOf(c), requireActor(c), scopeOf(c));
  return page(
    c,
    <ServicesPage
      c={c}
      list={x.list}
      canImport={x.canImport}
      report={x.report}
      errors={opts.errors}
      flash={opts.flash}
    />,
    status,
  );
}

const fileError = (message: string): ImportError[] => [{ sheet: '', row: 0, column: '', message }];

export function referenceRoutes() {
  const r = new Hono<AppEnv>();

  r.get('/catalogs/guidelines', (c) => renderGuidelines(c));

  r.post('/catalogs/guidelines/import', async (c) => {
    const actor = requireActor(c);
    const upload = await uploadOf(c, MAX_IMPORT_BYTES, '请选择要导入的 Excel 文件。');
    if ('error' in upload) return renderGuidelines(c, { errors: fileError(upload.error) }, 422);
    try {
      const x = await importGuidelines(dbOf(c), actor, scopeOf(c), upload.file.name, upload.body);
      return renderGuidelines(c, { flash: `已导入 ${x.domains.join('、')} 领域的完整指引，共 ${x.items} 项。` });
    } catch (err) {
      if (err instanceof GuidelineImportFailed) return renderGuidelines(c, { errors: err.errors }, 422);
      throw err;
    }
  });

  r.get('/catalogs/services', (c) => renderServices(c));

  r.post('/catalogs/services/import', async (c) => {
    const actor = requireActor(c);
    const upload = await uploadOf(c, MAX_IMPORT_BYTES, '请选择要导入的文件。');
    if ('error' in upload) return renderServices(c, { errors: fileError(upload.error) }, 422);
    try {
      const n = await importServiceItems(dbOf(c), actor, scopeOf(c), upload.file.name, upload.body);
      return renderServices(c, { flash: `已导入政务服务事项 ${n} 项。` });
    } catch (err) {
      if (err instanceof ServiceImportFailed) return renderServices(c, { errors: err.errors }, 422);
      throw err;
    }
  });

  return r;
}
