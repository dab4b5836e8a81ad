/**
 * Catalogs (政务公开事项标准目录) per unit: adopt guideline rows, edit, declare domains that do not
 * apply, submit, review by the 县政府办公室 (per-item return comments), optional city review,
 * publication as numbered versions with full snapshots. The portal only ever shows versions.
 */
import type { Kysely, Transaction, Selectable } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import type { CatalogItemTable } from './tables.js';
import { insertMany, nowIso, flag, parseJson } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { NotFoundError, ValidationError, ConflictError } from '../platform/errors.js';
import { assertCan, auditActor, can, reachOf, type Actor, type Action } from '../platform/access.js';
import * as orgStore from '../org/store.js';
import type { UnitRow } from '../org/store.js';
import { parseItemForm } from './schema.js';
import { guidelineDomainFor, missingFields } from './guidelines.js';
import { DOMAINS } from './vocabulary.js';
import { type ParsedTimeLimit, parseTimeLimit, TRIGGER_LABELS, type Trigger } from '../calendar/timelimit.js';
import { sortChannels, type CatalogItemData, type StandardChannel, type Tier } from './model.js';

type K = Kysely<Database> | Transaction<Database>;

export { CATALOG_KINDS, type CatalogKind } from './kinds.js';
import { categoriesFor, type CatalogKind } from './kinds.js';

export const STATUS_LABELS: Record<string, string> = {
  draft: '编制中',
  submitted: '待县政府办公室审核',
  returned: '已退回修改',
  city_review: '待市级审核',
  published: '已发布',
};

/** Whether the county's catalogs go to the city after the county approves (setting, default off). */
export const CITY_REVIEW_KEY = 'catalog.cityReview';

/** A manual deadline rule (when the 公开时限 text reads as 需人工设定). */
export interface ManualRule {
  amount: number;
  unit: 'workday' | 'day';
  trigger: Trigger;
}

export interface CatalogItem extends CatalogItemData {
  id: number;
  manualRule?: ManualRule | null;
  sortOrder: number;
  source: string;
  reviewComment: string | null;
  responsibleUnitId: number | null;
  contact: string | null;
}

/** An item as a published version fixed it, with its 公开时限 read once at publication. */
export interface SnapshotItem extends CatalogItem {
  limit: ParsedTimeLimit;
}

export interface Snapshot {
  unitName: string;
  items: SnapshotItem[];
  notes: { domain: string; reason: string }[];
  /** 负面清单 (absent in snapshots taken before it existed). */
  negatives?: { id: number; name: string; content: string; reason: string; basis: string }[];
}

export function toItem(r: Selectable<CatalogItemTable>): CatalogItem {
  return {
    id: r.id,
    domain: r.domain,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    elements: r.elements,
    basis: r.basis,
    timeLimit: r.time_limit,
    subject: r.subject,
    channels: sortChannels(parseJson<StandardChannel[]>(r.channels_json, [])),
    extraChannels: parseJson<string[]>(r.extra_channels_json, []),
    audiencePublic: r.audience_public === 1,
    audienceSpecific: r.audience_specific === 1,
    specificGroup: r.specific_group,
    modeProactive: r.mode_proactive === 1,
    modeOnRequest: r.mode_on_request === 1,
    tiers: parseJson<Tier[]>(r.tiers_json, []),
    manualRule: parseJson<ManualRule | null>(r.time_rule_json, null),
    sortOrder: r.sort_order,
    source: r.source,
    reviewComment: r.review_comment,
    responsibleUnitId: r.responsible_unit_id,
    contact: r.contact,
  };
}

/** The next free sort position in a catalog. */
async function lastSortOrder(k: K, catalogId: number): Promise<number> {
  const max = await k
    .selectFrom('catalog_items')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  return Number(max?.m ?? 0);
}

export function itemColumns(d: CatalogItemData) {
  return {
    domain: d.domain,
    level1: d.level1,
    level2: d.level2,
    level3: d.level3,
    elements: d.elements,
    basis: d.basis,
    time_limit: d.timeLimit,
    subject: d.subject,
    channels_json: JSON.stringify(sortChannels(d.channels)),
    extra_channels_json: JSON.stringify(d.extraChannels),
    audience_public: flag(d.audiencePublic),
    audience_specific: flag(d.audienceSpecific),
    specific_group: d.specificGroup,
    mode_proactive: flag(d.modeProactive),
    mode_on_request: flag(d.modeOnRequest),
    tiers_json: JSON.stringify(d.tiers),
  };
}

const unitRef = (u: UnitRow) => ({ id: u.id, jurisdictionCode: u.jurisdiction_code });

async function loadCatalog(k: K, id: number) {
  const c = await k.selectFrom('catalogs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new NotFoundError('该目录不存在。');
  const unit = await orgStore.findUnit(k, c.unit_id);
  if (!unit) throw new NotFoundError('该目录所属单位不存在。');
  return { catalog: c, unit };
}

async function access(db: Db, actor: Actor, id: number, action: Action) {
  const x = await loadCatalog(db.k, id);
  assertCan(actor, action, unitRef(x.unit), '您无权查看或处理该单位的目录。');
  return x;
}

/** The catalog of a unit, created (empty, in draft) the first time an editor opens it. */
export async function catalogForUnit(
  db: Db,
  actor: Actor,
  unitId: number,
  kind: CatalogKind = 'standard',
): Promise<number> {
  const unit = await orgStore.findUnit(db.k, unitId);
  if (!unit) throw new NotFoundError('该单位不存在。');
  assertCan(actor, 'catalog.view', unitRef(unit), '您无权查看该单位的目录。');
  const found = await db.k
    .selectFrom('catalogs')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (found) return found.id;
  const now = nowIso();
  const r = await db.k
    .insertInto('catalogs')
    .values({
      unit_id: unitId,
      kind,
      status: 'draft',
      current_version: 0,
      submitted_at: null,
      review_comment: null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['unit_id', 'kind']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (r) return r.id;
  return (
    await db.k
      .selectFrom('catalogs')
      .select('id')
      .where('unit_id', '=', unitId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow()
  ).id;
}

export async function getCatalog(db: Db, actor: Actor, id: number) {
  const { catalog, unit } = await access(db, actor, id, 'catalog.view');
  const items = (
    await db.k
      .selectFrom('catalog_items')
      .selectAll()
      .where('catalog_id', '=', id)
      .orderBy('domain')
      .orderBy('sort_order')
      .orderBy('id')
      .execute()
  ).map(toItem);
  const notes = await db.k
    .selectFrom('catalog_domain_notes')
    .select(['domain', 'reason'])
    .where('catalog_id', '=', id)
    .orderBy('domain')
    .execute();
  const versions = await db.k
    .selectFrom('catalog_versions')
    .select(['version', 'reason', 'submitted_by', 'approved_by', 'published_at'])
    .where('catalog_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  const events = await db.k
    .selectFrom('catalog_events')
    .selectAll()
    .where('catalog_id', '=', id)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const negatives = await db.k
    .selectFrom('catalog_negatives')
    .select(['id', 'name', 'content', 'reason', 'basis'])
    .where('catalog_id', '=', id)
    .orderBy('id')
    .execute();
  const ref = unitRef(unit);
  return {
    catalog,
    unit,
    items,
    notes,
    versions,
    events,
    negatives,
    categories: categoriesFor(catalog.kind as CatalogKind, unit.jurisdiction_level),
    rights: {
      edit: can(actor, 'catalog.edit', ref) && ['draft', 'returned', 'published'].includes(catalog.status),
      review: can(actor, 'catalog.review', ref) && catalog.status === 'submitted',
      cityReview: can(actor, 'catalog.cityReview', ref) && catalog.status === 'city_review',
    },
  };
}

function assertEditable(status: string) {
  if (status === 'submitted' || status === 'city_review')
    throw new ConflictError('目录正在审核中，审核完成（通过或退回）前不能修改。');
}

async function event(k: K, catalogId: number, action: string, actorName: string, comment: string | null) {
  await k
    .insertInto('catalog_events')
    .values({ catalog_id: catalogId, action, actor_name: actorName, comment, at: nowIso() })
    .execute();
}

/** After any edit, a published catalog has a working copy again (draft) until the next review. */
async function touch(k: K, catalogId: number, status: string) {
  await k
    .updateTable('catalogs')
    .set({ status: status === 'published' ? 'draft' : status, updated_at: nowIso() })
    .where('id', '=', catalogId)
    .execute();
}

export async function adoptRows(
  db: Db,
  actor: Actor,
  catalogId: number,
  domainSlug: string,
  seqs: number[],
): Promise<number> {
  const { catalog, unit } = await access(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  if (catalog.kind !== 'standard') throw new ValidationError({ domain: '只有政务公开事项标准目录从领域指引采用事项' });
  const domain = await guidelineDomainFor(db, unit.jurisdiction_code, domainSlug);
  if (!domain) throw new ValidationError({ domain: '未知的领域' });
  const rows = domain.rows.filter((r) => seqs.includes(r.seq));
  if (rows.length === 0) throw new ValidationError({ rows: '请至少选择一个事项' });
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    let order = await lastSortOrder(trx, catalogId);
    const now = nowIso();
    await insertMany(
      trx,
      'catalog_items',
      rows.map((r) => ({
        catalog_id: catalogId,
        ...itemColumns(r.item),
        responsible_unit_id: unit.id,
        contact: null,
        sort_order: ++order,
        source: `guideline:${domain.slug}:${r.seq}`,
        review_comment: null,
        created_at: now,
        updated_at: now,
      })),
    );
    await trx
      .deleteFrom('catalog_domain_notes')
      .where('catalog_id', '=', catalogId)
      .where('domain', '=', domain.name)
      .execute();
    await touch(trx, catalogId, catalog.status);
    await event(trx, catalogId, 'adopt', who.name, `采用${domain.name}领域指引事项 ${rows.length} 项`);
    await writeAudit(trx, who, {
      action: 'catalog.adopt',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}采用${domain.name}领域指引事项 ${rows.length} 项`,
      after: { domain: domain.name, rows: rows.map((r) => r.seq) },
    });
    return rows.length;
  });
}

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
    const r = await orgStore.findUnit(k, Number(rawId));
    if (!r?.jurisdiction_code.startsWith(unit.jurisdiction_code.slice(0, 6)) || r.active !== 1)
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

function parseItem(raw: Record<string, unknown>, categories: string[]): CatalogItemData {
  try {
    return parseItemForm(raw, categories);
  } catch (e) {
    const fe = (e as { fieldErrors?: Record<string, string> }).fieldErrors;
    if (fe) throw new ValidationError(fe);
    throw e;
  }
}

export async function addItem(db: Db, actor: Actor, catalogId: number, raw: Record<string, unknown>): Promise<number> {
  const { catalog, unit } = await access(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  const data = await parseBoth(db.k, unit, catalog.kind, raw);
  const resp = await parseResponsibility(db.k, unit, raw);
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    const now = nowIso();
    const r = await trx
      .insertInto('catalog_items')
      .values({
        catalog_id: catalogId,
        ...itemColumns(data),
        ...resp,
        sort_order: (await lastSortOrder(trx, catalogId)) + 1,
        source: 'local',
        review_comment: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await touch(trx, catalogId, catalog.status);
    await event(
      trx,
      catalogId,
      'item_add',
      who.name,
      `新增本地事项“${data.level1}${data.level2 ? ` / ${data.level2}` : ''}”`,
    );
    await writeAudit(trx, who, {
      action: 'catalog.item_add',
      objectType: 'catalog_item',
      objectId: r.id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}目录新增事项“${data.level1}${data.level2 ? ` / ${data.level2}` : ''}”`,
      after: data,
    });
    return r.id;
  });
}

async function loadItem(db: Db, actor: Actor, itemId: number) {
  const row = await db.k.selectFrom('catalog_items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!row) throw new NotFoundError('该目录事项不存在。');
  const x = await access(db, actor, row.catalog_id, 'catalog.edit');
  return { ...x, item: toItem(row) };
}

export async function getItemForEdit(db: Db, actor: Actor, itemId: number) {
  return loadItem(db, actor, itemId);
}

export async function updateItem(db: Db, actor: Actor, itemId: number, raw: Record<string, unknown>): Promise<void> {
  const { catalog, unit, item } = await loadItem(db, actor, itemId);
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
    await trx
      .updateTable('catalog_items')
      .set({ ...itemColumns(data), ...resp, review_comment: null, updated_at: nowIso() })
      .where('id', '=', itemId)
      .execute();
    await touch(trx, catalog.id, catalog.status);
    await event(
      trx,
      catalog.id,
      'item_update',
      who.name,
      `修改事项“${data.level1}${data.level2 ? ` / ${data.level2}` : ''}”`,
    );
    await writeAudit(trx, who, {
      action: 'catalog.item_update',
      objectType: 'catalog_item',
      objectId: itemId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}目录修改事项“${data.level1}${data.level2 ? ` / ${data.level2}` : ''}”`,
      before,
      after,
    });
  });
}

export async function deleteItem(db: Db, actor: Actor, itemId: number): Promise<void> {
  const { catalog, unit, item } = await loadItem(db, actor, itemId);
  assertEditable(catalog.status);
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx.deleteFrom('catalog_items').where('id', '=', itemId).execute();
    await touch(trx, catalog.id, catalog.status);
    await event(
      trx,
      catalog.id,
      'item_delete',
      who.name,
      `删除事项“${item.level1}${item.level2 ? ` / ${item.level2}` : ''}”`,
    );
    await writeAudit(trx, who, {
      action: 'catalog.item_delete',
      objectType: 'catalog_item',
      objectId: itemId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}目录删除事项“${item.level1}${item.level2 ? ` / ${item.level2}` : ''}”`,
      before: item,
    });
  });
}

/** 未涉及领域事项说明: declare (or, with an empty reason, withdraw) that a domain does not apply. */
export async function setDomainNote(
  db: Db,
  actor: Actor,
  catalogId: number,
  domainSlug: string,
  reason: string,
): Promise<void> {
  const { catalog, unit } = await access(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  const domain = DOMAINS.find((d) => d.slug === domainSlug);
  if (!domain) throw new ValidationError({ domain: '未知的领域' });
  const text = reason.trim();
  if (text.length > 500) throw new ValidationError({ reason: '说明不能超过 500 个字' });
  const has = await db.k
    .selectFrom('catalog_items')
    .select('id')
    .where('catalog_id', '=', catalogId)
    .where('domain', '=', domain.name)
    .executeTakeFirst();
  if (text && has) throw new ValidationError({ reason: `本目录已有${domain.name}领域的事项，不能同时声明未涉及` });
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('catalog_domain_notes')
      .where('catalog_id', '=', catalogId)
      .where('domain', '=', domain.name)
      .execute();
    if (text)
      await trx
        .insertInto('catalog_domain_notes')
        .values({ catalog_id: catalogId, domain: domain.name, reason: text, created_at: nowIso() })
        .execute();
    await touch(trx, catalogId, catalog.status);
    await event(
      trx,
      catalogId,
      'domain_note',
      who.name,
      text ? `声明未涉及${domain.name}领域：${text}` : `撤销${domain.name}领域未涉及说明`,
    );
    await writeAudit(trx, who, {
      action: 'catalog.domain_note',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: text ? `${unit.name}声明未涉及${domain.name}领域` : `${unit.name}撤销${domain.name}领域未涉及说明`,
      after: { domain: domain.name, reason: text },
    });
  });
}

export async function submit(db: Db, actor: Actor, catalogId: number, raw: Record<string, unknown>): Promise<void> {
  const { catalog, unit } = await access(db, actor, catalogId, 'catalog.edit');
  if (!['draft', 'returned'].includes(catalog.status))
    throw new ConflictError(catalog.status === 'published' ? '目录没有修改，无需提交。' : '目录已提交，正在审核中。');
  const reason = String(raw.reason ?? '').trim();
  const items = (await db.k.selectFrom('catalog_items').selectAll().where('catalog_id', '=', catalogId).execute()).map(
    toItem,
  );
  const errors: Record<string, string> = {};
  if (items.length === 0) errors._form = '目录中还没有事项，不能提交。';
  const incomplete = items.filter((i) => missingFields(i).length > 0);
  if (incomplete.length)
    errors._form = `以下事项内容不完整，请补充后再提交：${incomplete
      .slice(0, 10)
      .map((i) => `“${i.level1}${i.level2 ? ` / ${i.level2}` : ''}”缺少${missingFields(i).join('、')}`)
      .join('；')}`;
  const unread = items.filter((i) => parseTimeLimit(i.timeLimit).status === 'manual' && !i.manualRule);
  if (unread.length && !errors._form)
    errors._form = `以下事项的公开时限无法自动解析（需人工设定），请在事项中人工设定期限规则后再提交：${unread
      .slice(0, 10)
      .map((i) => `“${i.level1}${i.level2 ? ` / ${i.level2}` : ''}”（${i.timeLimit}）`)
      .join('；')}`;
  const open = items.filter((i) => i.reviewComment);
  if (open.length && !errors._form)
    errors._form = `以下退回意见尚未处理：${open.map((i) => `“${i.level1}${i.level2 ? ` / ${i.level2}` : ''}”`).join('、')}。修改该事项后再提交。`;
  if (catalog.current_version > 0 && !reason) errors.reason = '请说明本次修改的内容和原因';
  if (reason.length > 500) errors.reason = '说明不能超过 500 个字';
  if (Object.keys(errors).length)
    throw new ValidationError(errors, errors._form ?? '提交的内容有误，请按提示修改后重新提交。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .updateTable('catalogs')
      .set({ status: 'submitted', submitted_at: nowIso(), review_comment: reason || null, updated_at: nowIso() })
      .where('id', '=', catalogId)
      .execute();
    await event(trx, catalogId, 'submit', who.name, reason || '提交审核');
    await writeAudit(trx, who, {
      action: 'catalog.submit',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}提交目录审核（${items.length} 项）`,
      after: { items: items.length, reason },
    });
  });
}

/** 县政府办公室 review: approve, or return with comments on individual items (at least one comment). */
export async function review(
  db: Db,
  actor: Actor,
  catalogId: number,
  raw: Record<string, unknown>,
): Promise<'returned' | 'city_review' | 'published'> {
  const { catalog, unit } = await access(db, actor, catalogId, 'catalog.review');
  if (catalog.status !== 'submitted') throw new ConflictError('该目录不在待审核状态。');
  const decision = String(raw.decision ?? '');
  const comment = String(raw.comment ?? '').trim();
  const itemComments = new Map<number, string>();
  for (const [k, v] of Object.entries(raw)) {
    const m = /^item_(\d+)$/.exec(k);
    if (m && typeof v === 'string' && v.trim()) itemComments.set(Number(m[1]), v.trim());
  }
  if (decision !== 'approve' && decision !== 'return')
    throw new ValidationError({ decision: '请选择“通过”或“退回修改”' });
  if (decision === 'return' && itemComments.size === 0 && !comment)
    throw new ValidationError({ comment: '退回时请至少填写一条意见（总体意见或对具体事项的意见）' });
  const ids = new Set(
    (await db.k.selectFrom('catalog_items').select('id').where('catalog_id', '=', catalogId).execute()).map(
      (r) => r.id,
    ),
  );
  for (const id of itemComments.keys())
    if (!ids.has(id)) throw new ValidationError({ comment: '意见所指的事项不属于该目录' });
  const who = auditActor(actor);
  if (decision === 'return') {
    await db.k.transaction().execute(async (trx) => {
      for (const [id, text] of itemComments)
        await trx.updateTable('catalog_items').set({ review_comment: text }).where('id', '=', id).execute();
      await trx
        .updateTable('catalogs')
        .set({ status: 'returned', review_comment: comment || null, updated_at: nowIso() })
        .where('id', '=', catalogId)
        .execute();
      await event(
        trx,
        catalogId,
        'return',
        who.name,
        [comment, ...[...itemComments.values()]].filter(Boolean).join('；'),
      );
      await writeAudit(trx, who, {
        action: 'catalog.return',
        objectType: 'catalog',
        objectId: catalogId,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `退回${unit.name}目录：${itemComments.size} 项意见${comment ? `；${comment}` : ''}`,
        after: { comment, items: Object.fromEntries(itemComments) },
      });
    });
    return 'returned';
  }
  const cityReview = await db.k
    .selectFrom('settings')
    .select('value')
    .where('scope', 'in', scopes(unit.jurisdiction_code))
    .where('key', '=', CITY_REVIEW_KEY)
    .execute();
  const needCity = cityReview.some((r) => parseJson<boolean>(r.value, false) === true);
  return db.k.transaction().execute(async (trx) => {
    await event(trx, catalogId, 'approve', who.name, comment || '县政府办公室审核通过');
    await writeAudit(trx, who, {
      action: 'catalog.approve',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `审核通过${unit.name}目录${needCity ? '，报市级审核' : ''}`,
    });
    if (needCity) {
      await trx
        .updateTable('catalogs')
        .set({ status: 'city_review', updated_at: nowIso() })
        .where('id', '=', catalogId)
        .execute();
      return 'city_review' as const;
    }
    await publish(trx, catalogId, unit, who.name, who);
    return 'published' as const;
  });
}

const scopes = (code: string) => [
  'CN',
  ...[2, 4, 6, 9, 12].filter((n) => code.length >= n).map((n) => code.slice(0, n)),
];

export async function cityReview(
  db: Db,
  actor: Actor,
  catalogId: number,
  raw: Record<string, unknown>,
): Promise<'returned' | 'published'> {
  const { catalog, unit } = await access(db, actor, catalogId, 'catalog.cityReview');
  if (catalog.status !== 'city_review') throw new ConflictError('该目录不在待市级审核状态。');
  const decision = String(raw.decision ?? '');
  const comment = String(raw.comment ?? '').trim();
  if (decision !== 'approve' && decision !== 'return')
    throw new ValidationError({ decision: '请选择“通过”或“退回修改”' });
  if (decision === 'return' && !comment) throw new ValidationError({ comment: '退回时请填写意见' });
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    if (decision === 'return') {
      await trx
        .updateTable('catalogs')
        .set({ status: 'returned', review_comment: comment, updated_at: nowIso() })
        .where('id', '=', catalogId)
        .execute();
      await event(trx, catalogId, 'city_return', who.name, comment);
      await writeAudit(trx, who, {
        action: 'catalog.return',
        objectType: 'catalog',
        objectId: catalogId,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `市级审核退回${unit.name}目录：${comment}`,
      });
      return 'returned' as const;
    }
    await event(trx, catalogId, 'city_approve', who.name, comment || '市级审核通过');
    await writeAudit(trx, who, {
      action: 'catalog.city_approve',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `市级审核通过${unit.name}目录`,
    });
    await publish(trx, catalogId, unit, who.name, who);
    return 'published' as const;
  });
}

async function publish(
  trx: Transaction<Database>,
  catalogId: number,
  unit: UnitRow,
  approvedBy: string,
  who: { id: number | null; name: string; ip: string | null },
) {
  const c = await trx.selectFrom('catalogs').selectAll().where('id', '=', catalogId).executeTakeFirstOrThrow();
  const items = (
    await trx
      .selectFrom('catalog_items')
      .selectAll()
      .where('catalog_id', '=', catalogId)
      .orderBy('domain')
      .orderBy('sort_order')
      .orderBy('id')
      .execute()
  ).map(toItem);
  const notes = await trx
    .selectFrom('catalog_domain_notes')
    .select(['domain', 'reason'])
    .where('catalog_id', '=', catalogId)
    .orderBy('domain')
    .execute();
  const submitter = await trx
    .selectFrom('catalog_events')
    .select('actor_name')
    .where('catalog_id', '=', catalogId)
    .where('action', '=', 'submit')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const version = c.current_version + 1;
  const negatives = await trx
    .selectFrom('catalog_negatives')
    .select(['id', 'name', 'content', 'reason', 'basis'])
    .where('catalog_id', '=', catalogId)
    .orderBy('id')
    .execute();
  const snapshot: Snapshot = {
    unitName: unit.name,
    // The 公开时限 is read here, once, and read back by publishing (catalog/api.ts publishedItems).
    items: items.map((i) => ({ ...i, reviewComment: null, limit: parseTimeLimit(i.timeLimit) })),
    notes,
    negatives,
  };
  const now = nowIso();
  await trx
    .insertInto('catalog_versions')
    .values({
      catalog_id: catalogId,
      version,
      snapshot_json: JSON.stringify(snapshot),
      reason: c.review_comment ?? (version === 1 ? '首次发布' : '修订'),
      submitted_by: submitter?.actor_name ?? '—',
      approved_by: approvedBy,
      published_at: now,
    })
    .execute();
  await trx
    .updateTable('catalogs')
    .set({ status: 'published', current_version: version, review_comment: null, updated_at: now })
    .where('id', '=', catalogId)
    .execute();
  await trx.updateTable('catalog_items').set({ review_comment: null }).where('catalog_id', '=', catalogId).execute();
  await event(trx, catalogId, 'publish', approvedBy, `发布第 ${version} 版`);
  await writeAudit(trx, who, {
    action: 'catalog.publish',
    objectType: 'catalog',
    objectId: catalogId,
    unitId: unit.id,
    jurisdictionId: unit.jurisdiction_id,
    summary: `发布${unit.name}目录第 ${version} 版（${items.length} 项）`,
  });
}

/** 面向村（居）目录: pick items from the unit's other catalogs, filed under a village category. */
export async function copyItems(
  db: Db,
  actor: Actor,
  catalogId: number,
  itemIds: number[],
  category: string,
): Promise<number> {
  const { catalog, unit } = await access(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  if (!categoriesFor(catalog.kind as CatalogKind, unit.jurisdiction_level).includes(category))
    throw new ValidationError({ category: '请选择类别' });
  if (itemIds.length === 0) throw new ValidationError({ items: '请至少选择一个事项' });
  const others = await db.k
    .selectFrom('catalogs')
    .select('id')
    .where('unit_id', '=', unit.id)
    .where('id', '!=', catalogId)
    .execute();
  const rows = others.length
    ? await db.k
        .selectFrom('catalog_items')
        .selectAll()
        .where(
          'catalog_id',
          'in',
          others.map((o) => o.id),
        )
        .where('id', 'in', itemIds)
        .execute()
    : [];
  if (rows.length !== new Set(itemIds).size) throw new ValidationError({ items: '所选事项不属于本单位的其他目录' });
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    let order = await lastSortOrder(trx, catalogId);
    const now = nowIso();
    await insertMany(
      trx,
      'catalog_items',
      rows.map((r) => {
        const {
          id: _id,
          catalog_id: _c,
          sort_order: _s,
          source: _src,
          review_comment: _rc,
          created_at: _ca,
          updated_at: _ua,
          ...rest
        } = r;
        return {
          ...rest,
          domain: category,
          catalog_id: catalogId,
          sort_order: ++order,
          source: `copy:${r.id}`,
          review_comment: null,
          created_at: now,
          updated_at: now,
        };
      }),
    );
    await touch(trx, catalogId, catalog.status);
    await event(trx, catalogId, 'copy', who.name, `从本单位目录选取 ${rows.length} 项，列入“${category}”`);
    await writeAudit(trx, who, {
      action: 'catalog.item_add',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}${'面向村（居）目录'}选取 ${rows.length} 项（${category}）`,
      after: { items: rows.map((r) => r.id), category },
    });
    return rows.length;
  });
}

/** Items of the unit's other catalogs, for picking. */
export async function pickableItems(db: Db, actor: Actor, catalogId: number) {
  const { unit } = await access(db, actor, catalogId, 'catalog.edit');
  const others = await db.k
    .selectFrom('catalogs')
    .select(['id', 'kind'])
    .where('unit_id', '=', unit.id)
    .where('id', '!=', catalogId)
    .execute();
  if (!others.length) return [];
  const rows = await db.k
    .selectFrom('catalog_items')
    .selectAll()
    .where(
      'catalog_id',
      'in',
      others.map((o) => o.id),
    )
    .orderBy('catalog_id')
    .orderBy('domain')
    .orderBy('sort_order')
    .execute();
  return rows.map(toItem);
}

// ---- lists, portal, versions ------------------------------------------------------------------

export async function progressBoard(db: Db, actor: Actor) {
  assertCan(actor, 'catalog.view');
  const units = await orgStore.listUnits(db.k, reachOf(actor, 'catalog.view'), { activeOnly: true });
  const ids = units.map((u) => u.id);
  const cats = ids.length
    ? await db.k.selectFrom('catalogs').selectAll().where('unit_id', 'in', ids).where('kind', '=', 'standard').execute()
    : [];
  const counts = cats.length
    ? await db.k
        .selectFrom('catalog_items')
        .select(['catalog_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where(
          'catalog_id',
          'in',
          cats.map((c) => c.id),
        )
        .groupBy('catalog_id')
        .execute()
    : [];
  const byUnit = new Map(cats.map((c) => [c.unit_id, c]));
  const n = new Map(counts.map((c) => [c.catalog_id, Number(c.n)]));
  return units.map((u) => {
    const c = byUnit.get(u.id);
    return {
      unit: u,
      catalogId: c?.id ?? null,
      status: c ? c.status : 'not_started',
      version: c?.current_version ?? 0,
      items: c ? (n.get(c.id) ?? 0) : 0,
      updatedAt: c?.updated_at ?? null,
    };
  });
}

export async function reviewQueue(db: Db, actor: Actor) {
  const board = await progressBoard(db, actor);
  return board.filter(
    (r) =>
      (r.status === 'submitted' && can(actor, 'catalog.review', unitRef(r.unit))) ||
      (r.status === 'city_review' && can(actor, 'catalog.cityReview', unitRef(r.unit))),
  );
}

/** Published catalogs of a county for the portal (current versions only). */
export async function publishedCatalogs(db: Db, countyCode: string) {
  return db.k
    .selectFrom('catalogs')
    .innerJoin('units', 'units.id', 'catalogs.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select([
      'catalogs.id',
      'catalogs.kind',
      'catalogs.current_version',
      'catalogs.updated_at',
      'units.name as unit_name',
      'units.id as unit_id',
      'units.kind as unit_kind',
    ])
    .where('catalogs.current_version', '>', 0)
    .where('jurisdictions.code', 'like', `${countyCode}%`)
    .where('units.active', '=', 1)
    .orderBy('jurisdictions.code')
    .orderBy('units.sort_order')
    .execute();
}

export async function publishedVersion(db: Db, countyCode: string, catalogId: number, version?: number) {
  const { catalog, unit } = await loadCatalog(db.k, catalogId);
  if (!unit.jurisdiction_code.startsWith(countyCode) || catalog.current_version === 0 || unit.active !== 1)
    throw new NotFoundError('该目录尚未发布。');
  const v = version ?? catalog.current_version;
  const row = await db.k
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('version', '=', v)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('该版本不存在。');
  const versions = await db.k
    .selectFrom('catalog_versions')
    .select(['version', 'reason', 'published_at', 'approved_by'])
    .where('catalog_id', '=', catalogId)
    .orderBy('version', 'desc')
    .execute();
  return {
    catalog,
    unit,
    version: row.version,
    publishedAt: row.published_at,
    reason: row.reason,
    snapshot: parseJson<Snapshot>(row.snapshot_json, { unitName: unit.name, items: [], notes: [] }),
    versions,
  };
}

/** The published items of one domain across a county's units (portal domain pages). */
export async function publishedDomainItems(db: Db, countyCode: string, domain: string) {
  const rows = await db.k
    .selectFrom('catalogs')
    .innerJoin('units', 'units.id', 'catalogs.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .innerJoin('catalog_versions', (j) =>
      j
        .onRef('catalog_versions.catalog_id', '=', 'catalogs.id')
        .onRef('catalog_versions.version', '=', 'catalogs.current_version'),
    )
    .select(['catalogs.id', 'units.name as unit_name', 'catalog_versions.snapshot_json'])
    .where('catalogs.kind', '=', 'standard')
    .where('jurisdictions.code', 'like', `${countyCode}%`)
    .where('units.active', '=', 1)
    .orderBy('jurisdictions.code')
    .orderBy('units.sort_order')
    .execute();
  return rows
    .map((r) => ({
      catalogId: r.id,
      unitName: r.unit_name,
      items: parseJson<Snapshot>(r.snapshot_json, { unitName: r.unit_name, items: [], notes: [] }).items.filter(
        (i) => i.domain === domain,
      ),
    }))
    .filter((r) => r.items.length > 0);
}

export interface ItemDiff {
  kind: 'added' | 'removed' | 'changed';
  label: string;
  fields: { field: string; before: string; after: string }[];
}

const FIELD_LABELS: [keyof CatalogItemData, string][] = [
  ['domain', '所属领域'],
  ['level1', '一级事项'],
  ['level2', '二级事项'],
  ['level3', '三级事项'],
  ['elements', '公开内容（要素）'],
  ['basis', '公开依据'],
  ['timeLimit', '公开时限'],
  ['subject', '公开主体'],
  ['channels', '公开渠道和载体'],
  ['extraChannels', '其他渠道'],
  ['audiencePublic', '公开对象：全社会'],
  ['audienceSpecific', '公开对象：特定群体'],
  ['specificGroup', '特定群体'],
  ['modeProactive', '公开方式：主动'],
  ['modeOnRequest', '公开方式：依申请'],
  ['tiers', '公开层级'],
];

const show = (v: unknown): string =>
  Array.isArray(v) ? v.join('、') : typeof v === 'boolean' ? (v ? '√' : '—') : v == null || v === '' ? '—' : String(v);
const itemLabel = (i: CatalogItemData) =>
  `${i.domain}：${i.level1}${i.level2 ? ` / ${i.level2}` : ''}${i.level3 ? ` / ${i.level3}` : ''}`;

/** Differences between two published versions, item by item (items keep their id across versions). */
export function diffSnapshots(a: Snapshot, b: Snapshot): ItemDiff[] {
  const before = new Map(a.items.map((i) => [i.id, i]));
  const after = new Map(b.items.map((i) => [i.id, i]));
  const out: ItemDiff[] = [];
  for (const i of b.items) {
    const old = before.get(i.id);
    if (!old) {
      out.push({ kind: 'added', label: itemLabel(i), fields: [] });
      continue;
    }
    const fields = FIELD_LABELS.filter(([k]) => JSON.stringify(old[k]) !== JSON.stringify(i[k])).map(([k, label]) => ({
      field: label,
      before: show(old[k]),
      after: show(i[k]),
    }));
    if (fields.length) out.push({ kind: 'changed', label: itemLabel(i), fields });
  }
  for (const i of a.items) if (!after.has(i.id)) out.push({ kind: 'removed', label: itemLabel(i), fields: [] });
  const negA = new Map((a.negatives ?? []).map((n) => [n.id, n]));
  const negB = new Map((b.negatives ?? []).map((n) => [n.id, n]));
  for (const n of b.negatives ?? [])
    if (!negA.has(n.id)) out.push({ kind: 'added', label: `负面清单：${n.name}`, fields: [] });
  for (const n of a.negatives ?? [])
    if (!negB.has(n.id)) out.push({ kind: 'removed', label: `负面清单：${n.name}`, fields: [] });
  return out;
}

export type { Tier };
