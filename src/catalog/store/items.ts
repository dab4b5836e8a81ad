/** Queries of catalog items (catalog_items) and the mapping between rows and items. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import { flag, insertMany, parseJson } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';
import {
  type CatalogItem,
  type CatalogItemData,
  type ManualRule,
  type StandardChannel,
  sortChannels,
  type Tier,
} from '../model.js';
import type { CatalogItemTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

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

/** The columns of an item's content (what the template holds). */
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

/** The items of a catalog in catalog order (domain, position). */
export async function itemsOf(k: K, catalogId: number): Promise<CatalogItem[]> {
  const rows = await k
    .selectFrom('catalog_items')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .orderBy('domain')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map(toItem);
}

/** The items of a catalog in the order they were created. */
export async function itemsInIdOrder(k: K, catalogId: number): Promise<CatalogItem[]> {
  const rows = await k
    .selectFrom('catalog_items')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .orderBy('id')
    .execute();
  return rows.map(toItem);
}

/** The items of several catalogs, catalog by catalog. */
export async function itemsOfCatalogs(k: K, catalogIds: number[]): Promise<CatalogItem[]> {
  if (!catalogIds.length) return [];
  const rows = await k
    .selectFrom('catalog_items')
    .selectAll()
    .where('catalog_id', 'in', catalogIds)
    .orderBy('catalog_id')
    .orderBy('domain')
    .orderBy('sort_order')
    .execute();
  return rows.map(toItem);
}

export async function findItemRow(k: K, id: number) {
  return k.selectFrom('catalog_items').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The rows of these items that belong to one of these catalogs. */
export async function itemRowsIn(k: K, catalogIds: number[], itemIds: number[]) {
  if (!catalogIds.length || !itemIds.length) return [];
  return k
    .selectFrom('catalog_items')
    .selectAll()
    .where('catalog_id', 'in', catalogIds)
    .where('id', 'in', itemIds)
    .execute();
}

export async function itemIdsOf(k: K, catalogId: number): Promise<number[]> {
  const rows = await k.selectFrom('catalog_items').select('id').where('catalog_id', '=', catalogId).execute();
  return rows.map((r) => r.id);
}

export async function hasItemInDomain(k: K, catalogId: number, domain: string): Promise<boolean> {
  const r = await k
    .selectFrom('catalog_items')
    .select('id')
    .where('catalog_id', '=', catalogId)
    .where('domain', '=', domain)
    .executeTakeFirst();
  return Boolean(r);
}

/** The last sort position used in a catalog (0 when empty). */
export async function lastSortOrder(k: K, catalogId: number): Promise<number> {
  const max = await k
    .selectFrom('catalog_items')
    .select((eb) => eb.fn.max('sort_order').as('m'))
    .where('catalog_id', '=', catalogId)
    .executeTakeFirst();
  return Number(max?.m ?? 0);
}

/** Item counts per catalog. */
export async function itemCounts(k: K, catalogIds: number[]): Promise<Map<number, number>> {
  if (!catalogIds.length) return new Map();
  const rows = await k
    .selectFrom('catalog_items')
    .select(['catalog_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('catalog_id', 'in', catalogIds)
    .groupBy('catalog_id')
    .execute();
  return new Map(rows.map((r) => [r.catalog_id, Number(r.n)]));
}

/** The domain of every item of these catalogs. */
export async function itemDomains(k: K, catalogIds: number[]): Promise<{ catalog_id: number; domain: string }[]> {
  if (!catalogIds.length) return [];
  return k.selectFrom('catalog_items').select(['catalog_id', 'domain']).where('catalog_id', 'in', catalogIds).execute();
}

export async function insertItem(k: K, row: Insertable<CatalogItemTable>): Promise<number> {
  const r = await k.insertInto('catalog_items').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function insertItems(k: K, rows: Insertable<CatalogItemTable>[]): Promise<void> {
  await insertMany(k as Kysely<Database>, 'catalog_items', rows);
}

export async function updateItemRow(k: K, id: number, patch: Updateable<CatalogItemTable>): Promise<void> {
  await k.updateTable('catalog_items').set(patch).where('id', '=', id).execute();
}

export async function deleteItemRow(k: K, id: number): Promise<void> {
  await k.deleteFrom('catalog_items').where('id', '=', id).execute();
}

export async function deleteItemsOf(k: K, catalogId: number): Promise<void> {
  await k.deleteFrom('catalog_items').where('catalog_id', '=', catalogId).execute();
}

/** Publication answers every return comment. */
export async function clearReviewComments(k: K, catalogId: number): Promise<void> {
  await k.updateTable('catalog_items').set({ review_comment: null }).where('catalog_id', '=', catalogId).execute();
}
