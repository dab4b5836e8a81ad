/** Editing the items of a catalog: add, change, delete, with the responsible unit and a manual deadline rule. */
import { type UnitRow, unitById, unitsUnder } from '../org/api.js';
import { type Actor, auditActor } from '../platform/access.js';
import { writeAudit } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import type { Database } from '../platform/schema.js';
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../platform/dialect.js';
import { TRIGGER_LABELS, type Trigger } from '../calendar/timelimit.js';
import { assertEditable, catalogAccess, countyCodeOf, itemName } from './access.js';
import { getCatalog } from './catalogs.js';
import { type CatalogKind, categoriesFor } from './kinds.js';
import type { CatalogItemData, ManualRule } from './model.js';
import { parseItemForm } from './schema.js';
import { addEvent, markEdited } from './store/catalogs.js';
import * as store from './store/items.js';

type K = Kysely<Database> | Transaction<Database>;

/** Responsible unit (in the same county), contact and manual time rule of an item. */
async function parseResponsibility(
  k: K,
  unit: UnitRow,
  raw: Record<string, unknown>,
): Promise<{ responsible_unit_id: number; contact: string | null; time_rule_json: string | null }> {
  const contact = String(raw.contact ?? '').trim();
  const errors: Record<string, string> = {};
  const amountText = String(raw.rule_amount ?? '').trim();
  let rule: ManualRule | null = null;
  if (amountText) {
    const amount = Number(amountText);
    const unitKind = raw.rule_unit === 'day' ? 'day' : raw.rule_unit === 'workday' ? 'workday' : null;
    const trigger = String(raw.rule_trigger ?? '') as Trigger;
    if (!/^\d{1,3}$/.test(amountText) || amount < 1 || amount > 365) errors.rule_amount = '期限天数应为 1～365 的整数';
    if (!unitKind) errors.rule_unit = '请选择工作日或自然日';
    if (!(trigger in TRIGGER_LABELS)) errors.rule_trigger = '请选择起算事件';
    if (!errors.rule_amount && unitKind && trigger in TRIGGER_LABELS) rule = { amount, unit: unitKind, trigger };
  }
  if (contact.length > 100) errors.contact = '联系方式不能超过 100 个字';
  let responsible = unit.id;
  const rawId = String(raw.responsible_unit_id ?? '').trim();
  if (rawId) {
    const r = await unitById(k, Number(rawId));
    const county = await countyCodeOf(k, unit);
    if (!r?.jurisdiction_code.startsWith(county) || r.active !== 1)
      errors.responsible_unit_id = '责任单位须是本县（区）启用的单位';
    else responsible = r.id;
  }
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return {
    responsible_unit_id: responsible,
    contact: contact || null,
    time_rule_json: rule ? JSON.stringify(rule) : null,
  };
}

function parseItem(raw: Record<string, unknown>, categories: string[]): CatalogItemData {
  try {
    return parseItemForm(raw, categories);
  } catch (e) {
    const fe = (e as { fieldErrors?: Record<string, string> }).fieldErrors;
    if (fe) throw new ValidationError(fe);
    throw e;
  }
}

/** Item fields and responsibility fields validated together, so every field error shows at once. */
async function parseBoth(k: K, unit: UnitRow, kind: string, raw: Record<string, unknown>): Promise<CatalogItemData> {
  let fieldErrors: Record<string, string> = {};
  let data: CatalogItemData | undefined;
  try {
    data = parseItem(raw, categoriesFor(kind as CatalogKind, unit.jurisdiction_level));
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    fieldErrors = { ...e.fieldErrors };
  }
  try {
    await parseResponsibility(k, unit, raw);
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    fieldErrors = { ...fieldErrors, ...e.fieldErrors };
  }
  if (Object.keys(fieldErrors).length || !data) throw new ValidationError(fieldErrors);
  return data;
}

export async function addItem(db: Db, actor: Actor, catalogId: number, raw: Record<string, unknown>): Promise<number> {
  const { catalog, unit } = await catalogAccess(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  const data = await parseBoth(db.k, unit, catalog.kind, raw);
  const resp = await parseResponsibility(db.k, unit, raw);
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    const now = nowIso();
    const id = await store.insertItem(trx, {
      catalog_id: catalogId,
      ...store.itemColumns(data),
      ...resp,
      sort_order: (await store.lastSortOrder(trx, catalogId)) + 1,
      source: 'local',
      review_comment: null,
      created_at: now,
      updated_at: now,
    });
    await markEdited(trx, catalogId, catalog.status);
    await addEvent(trx, catalogId, 'item_add', who.name, `新增本地事项“${itemName(data)}”`);
    await writeAudit(trx, who, {
      action: 'catalog.item_add',
      objectType: 'catalog_item',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}目录新增事项“${itemName(data)}”`,
      after: data,
    });
    return id;
  });
}

/** An item with its catalog and unit, for whoever may edit the catalog. */
export async function getItemForEdit(db: Db, actor: Actor, itemId: number) {
  const row = await store.findItemRow(db.k, itemId);
  if (!row) throw new NotFoundError('该目录事项不存在。');
  const x = await catalogAccess(db, actor, row.catalog_id, 'catalog.edit');
  return { ...x, item: store.toItem(row) };
}

export async function updateItem(db: Db, actor: Actor, itemId: number, raw: Record<string, unknown>): Promise<void> {
  const { catalog, unit, item } = await getItemForEdit(db, actor, itemId);
  assertEditable(catalog.status);
  const data = await parseBoth(db.k, unit, catalog.kind, raw);
  const resp = await parseResponsibility(db.k, unit, raw);
  const who = auditActor(actor);
  const before: Partial<CatalogItemData> = {};
  const after: Partial<CatalogItemData> = {};
  for (const key of Object.keys(data) as (keyof CatalogItemData)[]) {
    if (JSON.stringify(item[key]) !== JSON.stringify(data[key])) {
      (before as Record<string, unknown>)[key] = item[key];
      (after as Record<string, unknown>)[key] = data[key];
    }
  }
  const respChanged =
    resp.responsible_unit_id !== item.responsibleUnitId ||
    resp.contact !== item.contact ||
    resp.time_rule_json !== (item.manualRule ? JSON.stringify(item.manualRule) : null);
  if (Object.keys(after).length === 0 && !item.reviewComment && !respChanged) return;
  await db.k.transaction().execute(async (trx) => {
    // Editing an item answers its return comment.
    await store.updateItemRow(trx, itemId, {
      ...store.itemColumns(data),
      ...resp,
      review_comment: null,
      updated_at: nowIso(),
    });
    await markEdited(trx, catalog.id, catalog.status);
    await addEvent(trx, catalog.id, 'item_update', who.name, `修改事项“${itemName(data)}”`);
    await writeAudit(trx, who, {
      action: 'catalog.item_update',
      objectType: 'catalog_item',
      objectId: itemId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}目录修改事项“${itemName(data)}”`,
      before,
      after,
    });
  });
}

export async function deleteItem(db: Db, actor: Actor, itemId: number): Promise<void> {
  const { catalog, unit, item } = await getItemForEdit(db, actor, itemId);
  assertEditable(catalog.status);
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await store.deleteItemRow(trx, itemId);
    await markEdited(trx, catalog.id, catalog.status);
    await addEvent(trx, catalog.id, 'item_delete', who.name, `删除事项“${itemName(item)}”`);
    await writeAudit(trx, who, {
      action: 'catalog.item_delete',
      objectType: 'catalog_item',
      objectId: itemId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}目录删除事项“${itemName(item)}”`,
      before: item,
    });
  });
}

/** The units that may be named responsible for an item of this unit's catalog (the county's active units). */
async function responsibleChoices(db: Db, unit: UnitRow): Promise<{ id: number; name: string }[]> {
  // Unit names are public (the portal's 指南 lists them); any unit of the county may be responsible.
  const units = await unitsUnder(db.k, await countyCodeOf(db.k, unit), { activeOnly: true });
  return units.map((u) => ({ id: u.id, name: u.name }));
}

/** What the new-item form shows: the catalog's unit, its categories and the possible responsible units. */
export async function newItemForm(db: Db, actor: Actor, catalogId: number, opts: { editable?: boolean } = {}) {
  const v = await getCatalog(db, actor, catalogId);
  if (opts.editable && !v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑。');
  return { catalog: v.catalog, unit: v.unit, categories: v.categories, units: await responsibleChoices(db, v.unit) };
}

/** What the edit form of an item shows. */
export async function editItemForm(db: Db, actor: Actor, itemId: number) {
  const x = await getItemForEdit(db, actor, itemId);
  const v = await getCatalog(db, actor, x.catalog.id);
  return { ...x, categories: v.categories, units: await responsibleChoices(db, x.unit) };
}
