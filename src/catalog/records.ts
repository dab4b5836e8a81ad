/**
 * Item records (梳理): an item such as 义务教育学校名录 holds one record per concrete entry, whose
 * fields are the item's 要素 (名称, 地址, 办学层次 …). Records of an item that is in the published
 * catalog are shown on the portal with a filter and downloads.
 */
/** exceljs is loaded on first use (it is large and most requests never need it). */
const loadExcel = async () => (await import('exceljs')).default;
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { auditActor, type Actor } from '../platform/access.js';
import { getItemForEdit } from './items.js';
import { publishedVersion } from './published.js';
import * as store from './store/records.js';
import type { ItemRecord } from './store/records.js';

export const MAX_FIELDS = 15;

/** The record fields of an item: its 要素 (● bullets, or 、／；／line separated), at most 15. */
export function recordFields(elements: string): string[] {
  const text = elements.replace(/\(as far as legible\)|…/g, '');
  const parts = /[●•]/.test(text) ? text.split(/[●•]/) : text.split(/[、；;\n]/);
  const fields = parts
    .map((p) =>
      p
        .replace(/^\s*[（(]?\d+[)）.、]\s*/, '')
        .replace(/[。；;，,：:\s]+$/g, '')
        .trim(),
    )
    .filter((p) => p.length > 0 && p.length <= 30);
  return [...new Set(fields)].slice(0, MAX_FIELDS);
}

export type { ItemRecord };

/** An item and its records for the editor (edit right on the unit's catalog). */
export async function itemRecords(db: Db, actor: Actor, itemId: number) {
  const x = await getItemForEdit(db, actor, itemId);
  return { ...x, fields: recordFields(x.item.elements), records: await store.recordsOf(db.k, itemId) };
}

function parseRecord(fields: string[], raw: Record<string, unknown>): Record<string, string> {
  const data: Record<string, string> = {};
  const errors: Record<string, string> = {};
  fields.forEach((f, i) => {
    const v = String(raw[`field_${i}`] ?? '').trim();
    if (v.length > 500) errors[`field_${i}`] = `${f}不能超过 500 个字`;
    data[f] = v;
  });
  if (Object.values(data).every((v) => !v)) errors.field_0 = '请至少填写一项内容';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return data;
}

export async function saveRecord(
  db: Db,
  actor: Actor,
  itemId: number,
  recordId: number | null,
  raw: Record<string, unknown>,
): Promise<number> {
  const x = await itemRecords(db, actor, itemId);
  if (x.fields.length === 0)
    throw new ValidationError({
      field_0: '该事项的公开内容（要素）中没有可用作字段的要素，请先在事项中用“●”逐项列出要素',
    });
  const data = parseRecord(x.fields, raw);
  const who = auditActor(actor);
  const label = `${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}`;
  return db.k.transaction().execute(async (trx) => {
    const now = nowIso();
    if (recordId) {
      const before = x.records.find((r) => r.id === recordId);
      if (!before) throw new NotFoundError('该记录不存在。');
      await store.updateRecord(trx, recordId, data, now);
      await writeAudit(trx, who, {
        action: 'catalog.record_update',
        objectType: 'catalog_record',
        objectId: recordId,
        unitId: x.unit.id,
        jurisdictionId: x.unit.jurisdiction_id,
        summary: `${x.unit.name}修改“${label}”的梳理记录`,
        before: before.data,
        after: data,
      });
      return recordId;
    }
    const max = x.records.length;
    const id = await store.insertRecord(trx, itemId, data, max + 1, now);
    await writeAudit(trx, who, {
      action: 'catalog.record_add',
      objectType: 'catalog_record',
      objectId: id,
      unitId: x.unit.id,
      jurisdictionId: x.unit.jurisdiction_id,
      summary: `${x.unit.name}为“${label}”新增梳理记录`,
      after: data,
    });
    return id;
  });
}

export async function deleteRecord(db: Db, actor: Actor, itemId: number, recordId: number): Promise<void> {
  const x = await itemRecords(db, actor, itemId);
  const rec = x.records.find((r) => r.id === recordId);
  if (!rec) throw new NotFoundError('该记录不存在。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await store.deleteRecordRow(trx, recordId);
    await writeAudit(trx, who, {
      action: 'catalog.record_delete',
      objectType: 'catalog_record',
      objectId: recordId,
      unitId: x.unit.id,
      jurisdictionId: x.unit.jurisdiction_id,
      summary: `${x.unit.name}删除“${x.item.level1}${x.item.level2 ? ` / ${x.item.level2}` : ''}”的一条梳理记录`,
      before: rec.data,
    });
  });
}

/** Record counts for the items of a catalog (one query). */
export async function recordCounts(db: Db, itemIds: number[]): Promise<Map<number, number>> {
  return store.recordCounts(db.k, itemIds);
}

/** The records of an item of the current published catalog (public), optionally filtered. */
export async function publicRecords(db: Db, countyCode: string, catalogId: number, itemId: number, q?: string) {
  const p = await publishedVersion(db, countyCode, catalogId);
  const item = p.snapshot.items.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('该事项不在已发布的目录中。');
  const fields = recordFields(item.elements);
  let records = await store.recordsOf(db.k, itemId);
  const needle = q?.trim();
  if (needle) records = records.filter((r) => Object.values(r.data).some((v) => v.includes(needle)));
  return { unit: p.unit, item, fields, records };
}

/** CSV (UTF-8 with BOM so that spreadsheet software reads Chinese correctly). */
export function toCsv(fields: string[], records: ItemRecord[]): string {
  const cell = (v: string) =>
    /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${(/^[=+\-@]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"` : v;
  return (
    '\uFEFF' +
    [fields.map(cell).join(','), ...records.map((r) => fields.map((f) => cell(r.data[f] ?? '')).join(','))].join(
      '\r\n',
    ) +
    '\r\n'
  );
}

/** One of the records an item has (as itemRecords read them). */
export function recordOf(x: { records: ItemRecord[] }, recordId: number): ItemRecord {
  const record = x.records.find((r) => r.id === recordId);
  if (!record) throw new NotFoundError('该记录不存在。');
  return record;
}

/** The records as an Excel sheet (明细), one column per field. */
export async function toXlsx(fields: string[], records: ItemRecord[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('明细');
  ws.addRow(fields).font = { bold: true };
  for (const rr of records) ws.addRow(fields.map((f) => rr.data[f] ?? ''));
  for (const col of ws.columns) col.width = 20;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
