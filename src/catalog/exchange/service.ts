/** Export and import of whole catalogs as office files, with a preview before an all-or-nothing commit. */
import crypto from 'node:crypto';
import type { Db } from '../../platform/db.js';
import { nowIso, parseJson } from '../../platform/dialect.js';
import { writeAudit } from '../../platform/audit.js';
import { ForbiddenError, NotFoundError, ValidationError, ConflictError } from '../../platform/errors.js';
import { auditActor, type Actor } from '../../platform/access.js';
import { getCatalog } from '../catalogs.js';
import { publishedVersion } from '../published.js';
import { addEvent, markEdited } from '../store/catalogs.js';
import { deleteImport, deleteImportsOfUser, findImport, insertImport } from '../store/imports.js';
import { deleteItemsOf, insertItems, itemColumns } from '../store/items.js';
import { catalogToXlsx, xlsxToCatalog, type ImportError } from './xlsx.js';
import { catalogToDocx } from './docx.js';
import type { CatalogItemData } from '../model.js';
import { CATALOG_KINDS, type CatalogKind } from '../kinds.js';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const strip = (i: CatalogItemData): CatalogItemData => ({
  domain: i.domain,
  level1: i.level1,
  level2: i.level2,
  level3: i.level3,
  elements: i.elements,
  basis: i.basis,
  timeLimit: i.timeLimit,
  subject: i.subject,
  channels: i.channels,
  extraChannels: i.extraChannels,
  audiencePublic: i.audiencePublic,
  audienceSpecific: i.audienceSpecific,
  specificGroup: i.specificGroup,
  modeProactive: i.modeProactive,
  modeOnRequest: i.modeOnRequest,
  tiers: i.tiers,
});

async function render(
  format: 'xlsx' | 'docx',
  title: string,
  unitName: string,
  version: string | undefined,
  items: CatalogItemData[],
): Promise<ExportedFile> {
  const meta = { title, unitName, version };
  return format === 'xlsx'
    ? { filename: `${title}.xlsx`, contentType: XLSX, body: await catalogToXlsx(meta, items) }
    : { filename: `${title}.docx`, contentType: DOCX, body: await catalogToDocx(meta, items) };
}

/** The working copy of a catalog (staff). */
export async function exportCatalog(
  db: Db,
  actor: Actor,
  catalogId: number,
  format: 'xlsx' | 'docx',
): Promise<ExportedFile> {
  const v = await getCatalog(db, actor, catalogId);
  const version =
    v.catalog.status === 'published'
      ? `第 ${v.catalog.current_version} 版`
      : `工作稿（${v.catalog.current_version ? `基于第 ${v.catalog.current_version} 版` : '未发布'}）`;
  return render(
    format,
    `${v.unit.name}${CATALOG_KINDS[v.catalog.kind as CatalogKind]}`,
    v.unit.name,
    version,
    v.items.map(strip),
  );
}

/** A published version (public). */
export async function exportPublished(
  db: Db,
  countyCode: string,
  catalogId: number,
  version: number | undefined,
  format: 'xlsx' | 'docx',
): Promise<ExportedFile> {
  const p = await publishedVersion(db, countyCode, catalogId, version);
  return render(
    format,
    `${p.unit.name}${CATALOG_KINDS[p.catalog.kind as CatalogKind]}`,
    p.unit.name,
    `第 ${p.version} 版`,
    p.snapshot.items.map(strip),
  );
}

export class ImportFailed extends ValidationError {
  constructor(readonly errors: ImportError[]) {
    super({ file: errors.map((e) => e.message).join('；') }, `导入失败，未做任何修改。共 ${errors.length} 处错误。`);
  }
}

/** Read an uploaded file; keep it for confirmation. Nothing is written to the catalog yet. */
export async function previewImport(
  db: Db,
  actor: Actor,
  catalogId: number,
  filename: string,
  body: Buffer,
): Promise<{ token: string; items: CatalogItemData[]; sheets: string[] }> {
  const v = await getCatalog(db, actor, catalogId);
  if (!v.rights.edit)
    throw v.catalog.status === 'submitted' || v.catalog.status === 'city_review'
      ? new ConflictError('目录正在审核中，不能导入。')
      : new ForbiddenError('您无权编辑该目录。');
  if (!/\.xlsx$/i.test(filename))
    throw new ImportFailed([{ sheet: '', row: 0, column: '', message: '只能导入 .xlsx 格式的 Excel 文件，未导入。' }]);
  const r = await xlsxToCatalog(body, { maxBytes: MAX_IMPORT_BYTES });
  if (r.errors.length) throw new ImportFailed(r.errors);
  if (r.items.length === 0)
    throw new ImportFailed([{ sheet: '', row: 0, column: '', message: '文件中没有目录事项，未导入。' }]);
  const wrong = [...new Set(r.items.map((i) => i.domain))].filter((d) => !v.categories.includes(d));
  if (wrong.length)
    throw new ImportFailed(
      wrong.map((d) => ({
        sheet: d,
        row: 0,
        column: '',
        message: `“${d}”不是本目录的领域（类别），请将工作表命名为本目录的领域或类别名称`,
      })),
    );
  const token = crypto.randomBytes(18).toString('base64url');
  // Old previews of this user are dropped; a preview lives until it is confirmed or replaced.
  await deleteImportsOfUser(db.k, actor.kind === 'user' ? actor.userId : 0);
  await insertImport(db.k, {
    id: token,
    catalog_id: catalogId,
    user_id: actor.kind === 'user' ? actor.userId : 0,
    filename,
    items_json: JSON.stringify(r.items),
    created_at: nowIso(),
  });
  return { token, items: r.items, sheets: r.sheets };
}

export async function previewOf(db: Db, actor: Actor, token: string) {
  const row = await findImport(db.k, token);
  if (!row || row.user_id !== (actor.kind === 'user' ? actor.userId : 0))
    throw new NotFoundError('导入预览已失效，请重新上传文件。');
  return { ...row, items: parseJson<CatalogItemData[]>(row.items_json, []) };
}

/** Commit a previewed import: replace the working copy's items, or append to them; all or nothing. */
export async function commitImport(db: Db, actor: Actor, token: string, mode: 'replace' | 'append'): Promise<number> {
  const staged = await previewOf(db, actor, token);
  const v = await getCatalog(db, actor, staged.catalog_id);
  if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑，不能导入。');
  const who = auditActor(actor);
  const now = nowIso();
  await db.k.transaction().execute(async (trx) => {
    let order = 0;
    if (mode === 'replace') await deleteItemsOf(trx, staged.catalog_id);
    else order = Math.max(0, ...v.items.map((i) => i.sortOrder));
    await insertItems(
      trx,
      staged.items.map((i) => ({
        catalog_id: staged.catalog_id,
        ...itemColumns(i),
        responsible_unit_id: v.unit.id,
        contact: null,
        sort_order: ++order,
        source: `import:${staged.filename}`,
        review_comment: null,
        created_at: now,
        updated_at: now,
      })),
    );
    await markEdited(trx, staged.catalog_id, v.catalog.status, now);
    await addEvent(
      trx,
      staged.catalog_id,
      'import',
      who.name,
      `从 ${staged.filename} 导入 ${staged.items.length} 项（${mode === 'replace' ? '替换原有事项' : '追加'}）`,
      now,
    );
    await deleteImport(trx, token);
    await writeAudit(trx, who, {
      action: 'catalog.import',
      objectType: 'catalog',
      objectId: staged.catalog_id,
      unitId: v.unit.id,
      jurisdictionId: v.unit.jurisdiction_id,
      summary: `${v.unit.name}目录从 ${staged.filename} 导入 ${staged.items.length} 项（${mode === 'replace' ? '替换原有事项' : '追加'}）`,
      after: { items: staged.items.length, mode, before: v.items.length },
    });
  });
  return staged.items.length;
}
