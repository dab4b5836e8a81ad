/**
 * Item records (梳理): an item such as 义务教育学校名录 holds one record per concrete entry, whose
 * fields are the item's 要素 (名称, 地址, 办学层次 …). Records of an item that is in the published
 * catalog are shown on the portal with a filter and downloads.
 */
import type { Db } from '../platform/db.js';
import { nowIso, parseJson } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { NotFoundError, ValidationError, ForbiddenError } from '../platform/errors.js';
import { auditActor, type Actor } from '../platform/access.js';
import { getItemForEdit, publishedVersion, toItem } from './service.js';

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

export interface ItemRecord {
  id: number;
  data: Record<string, string>;
}

async function recordsOf(db: Db, itemId: number): Promise<ItemRecord[]> {
  const rows = await db.k
    .selectFrom('catalog_item_records')
    .select(['id', 'data_json'])
    .where('item_id', '=', itemId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, data: parseJson<Record<string, string>>(r.data_json, {}) }));
}

/** An item and its records for the editor (edit right on the unit's catalog). */
export async function itemRecords(db: Db, actor: Actor, itemId: number) {
  const x = await getItemForEdit(db, actor, itemId);
  return { ...x, fields: recordFields(x.item.elements), records: await recordsOf(db, itemId) };
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
      await trx
        .updateTable('catalog_item_records')
        .set({ data_json: JSON.stringify(data), updated_at: now })
        .where('id', '=', recordId)
        .execute();
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
    const r = await trx
      .insertInto('catalog_item_records')
      .values({
        item_id: itemId,
        data_json: JSON.stringify(data),
        sort_order: max + 1,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, who, {
      action: 'catalog.record_add',
      objectType: 'catalog_record',
      objectId: r.id,
      unitId: x.unit.id,
      jurisdictionId: x.unit.jurisdiction_id,
      summary: `${x.unit.name}为“${label}”新增梳理记录`,
      after: data,
    });
    return r.id;
  });
}

export async function deleteRecord(db: Db, actor: Actor, itemId: number, recordId: number): Promise<void> {
  const x = await itemRecords(db, actor, itemId);
  const rec = x.records.find((r) => r.id === recordId);
  if (!rec) throw new NotFoundError('该记录不存在。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx.deleteFrom('catalog_item_records').where('id', '=', recordId).execute();
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
  if (!itemIds.length) return new Map();
  const rows = await db.k
    .selectFrom('catalog_item_records')
    .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', 'in', itemIds)
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
}

/** The records of an item of the current published catalog (public), optionally filtered. */
export async function publicRecords(db: Db, countyCode: string, catalogId: number, itemId: number, q?: string) {
  const p = await publishedVersion(db, countyCode, catalogId);
  const item = p.snapshot.items.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('该事项不在已发布的目录中。');
  const fields = recordFields(item.elements);
  let records = await recordsOf(db, itemId);
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

export { ForbiddenError, toItem };
