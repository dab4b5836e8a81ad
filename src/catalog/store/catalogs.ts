/** Queries of catalogs, their events (办理记录) and their domain notes (未涉及领域事项说明). */
import type { Kysely, Transaction, Updateable } from 'kysely';
import { nowIso } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';
import type { CatalogTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

export async function findCatalog(k: K, id: number) {
  return k.selectFrom('catalogs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCatalogId(k: K, unitId: number, kind: string): Promise<number | undefined> {
  const r = await k
    .selectFrom('catalogs')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return r?.id;
}

/** A new empty catalog in draft; undefined when another request created it first. */
export async function insertCatalog(k: K, unitId: number, kind: string): Promise<number | undefined> {
  const now = nowIso();
  const r = await k
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
  return r?.id;
}

/** The catalogs of one kind of these units. */
export async function catalogsOfUnits(k: K, unitIds: number[], kind: string) {
  if (!unitIds.length) return [];
  return k.selectFrom('catalogs').selectAll().where('unit_id', 'in', unitIds).where('kind', '=', kind).execute();
}

/** The unit's catalogs other than this one. */
export async function otherCatalogsOfUnit(k: K, unitId: number, catalogId: number) {
  return k
    .selectFrom('catalogs')
    .select(['id', 'kind'])
    .where('unit_id', '=', unitId)
    .where('id', '!=', catalogId)
    .execute();
}

/** The published catalogs (any kind) of these units. */
export async function publishedCatalogsOfUnits(k: K, unitIds: number[]) {
  if (!unitIds.length) return [];
  return k
    .selectFrom('catalogs')
    .select(['id', 'kind', 'current_version', 'updated_at', 'unit_id'])
    .where('current_version', '>', 0)
    .where('unit_id', 'in', unitIds)
    .orderBy('id')
    .execute();
}

export async function updateCatalog(k: K, id: number, patch: Updateable<CatalogTable>): Promise<void> {
  await k.updateTable('catalogs').set(patch).where('id', '=', id).execute();
}

/** After any edit, a published catalog has a working copy again (draft) until the next review. */
export async function markEdited(k: K, id: number, status: string, at = nowIso()): Promise<void> {
  await updateCatalog(k, id, { status: status === 'published' ? 'draft' : status, updated_at: at });
}

// ---- events -----------------------------------------------------------------------------------

export async function addEvent(
  k: K,
  catalogId: number,
  action: string,
  actorName: string,
  comment: string | null,
  at = nowIso(),
): Promise<void> {
  await k
    .insertInto('catalog_events')
    .values({ catalog_id: catalogId, action, actor_name: actorName, comment, at })
    .execute();
}

/** The latest events of a catalog, newest first. */
export async function recentEvents(k: K, catalogId: number, limit = 50) {
  return k
    .selectFrom('catalog_events')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** Who submitted the catalog last. */
export async function lastSubmitter(k: K, catalogId: number): Promise<string | undefined> {
  const r = await k
    .selectFrom('catalog_events')
    .select('actor_name')
    .where('catalog_id', '=', catalogId)
    .where('action', '=', 'submit')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.actor_name;
}

// ---- domain notes -----------------------------------------------------------------------------

export async function domainNotes(k: K, catalogId: number): Promise<{ domain: string; reason: string }[]> {
  return k
    .selectFrom('catalog_domain_notes')
    .select(['domain', 'reason'])
    .where('catalog_id', '=', catalogId)
    .orderBy('domain')
    .execute();
}

export async function deleteDomainNote(k: K, catalogId: number, domain: string): Promise<void> {
  await k.deleteFrom('catalog_domain_notes').where('catalog_id', '=', catalogId).where('domain', '=', domain).execute();
}

export async function insertDomainNote(k: K, catalogId: number, domain: string, reason: string): Promise<void> {
  await k
    .insertInto('catalog_domain_notes')
    .values({ catalog_id: catalogId, domain, reason, created_at: nowIso() })
    .execute();
}
