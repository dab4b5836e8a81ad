/** Queries of published catalog versions (catalog_versions with their catalogs). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { parseJson } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';
import type { Snapshot } from '../model.js';
import type { CatalogVersionTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

/** A stored snapshot (an empty one when it cannot be read). */
export const readSnapshot = (json: string, unitName = '') =>
  parseJson<Snapshot>(json, { unitName, items: [], notes: [] });

/** The current published version of each catalog of a unit, with its snapshot, by catalog kind. */
export async function publishedSnapshots(k: K, unitId: number): Promise<{ kind: string; snapshot: Snapshot }[]> {
  const rows = await k
    .selectFrom('catalogs')
    .innerJoin('catalog_versions', (j) =>
      j
        .onRef('catalog_versions.catalog_id', '=', 'catalogs.id')
        .onRef('catalog_versions.version', '=', 'catalogs.current_version'),
    )
    .select(['catalogs.kind', 'catalog_versions.snapshot_json'])
    .where('catalogs.unit_id', '=', unitId)
    .orderBy('catalogs.kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, snapshot: readSnapshot(r.snapshot_json) }));
}

/** The snapshot of the current version of each of these catalogs (those published). */
export async function currentSnapshots(k: K, catalogIds: number[]): Promise<Map<number, Snapshot>> {
  if (!catalogIds.length) return new Map();
  const rows = await k
    .selectFrom('catalog_versions')
    .innerJoin('catalogs', (j) =>
      j
        .onRef('catalogs.id', '=', 'catalog_versions.catalog_id')
        .onRef('catalogs.current_version', '=', 'catalog_versions.version'),
    )
    .select(['catalog_versions.catalog_id', 'catalog_versions.snapshot_json'])
    .where('catalog_versions.catalog_id', 'in', catalogIds)
    .execute();
  return new Map(rows.map((r) => [r.catalog_id, readSnapshot(r.snapshot_json)]));
}

/** The current versions of the standard catalogs of these units, with their snapshots. */
export async function currentStandardSnapshots(
  k: K,
  unitIds: number[],
): Promise<{ catalogId: number; unitId: number; snapshot: Snapshot }[]> {
  if (!unitIds.length) return [];
  const rows = await k
    .selectFrom('catalogs')
    .innerJoin('catalog_versions', (j) =>
      j
        .onRef('catalog_versions.catalog_id', '=', 'catalogs.id')
        .onRef('catalog_versions.version', '=', 'catalogs.current_version'),
    )
    .select(['catalogs.id', 'catalogs.unit_id', 'catalog_versions.snapshot_json'])
    .where('catalogs.kind', '=', 'standard')
    .where('catalogs.unit_id', 'in', unitIds)
    .orderBy('catalogs.id')
    .execute();
  return rows.map((r) => ({ catalogId: r.id, unitId: r.unit_id, snapshot: readSnapshot(r.snapshot_json) }));
}

/** The version history of a catalog, newest first. */
export async function versionsOf(k: K, catalogId: number) {
  return k
    .selectFrom('catalog_versions')
    .select(['version', 'reason', 'submitted_by', 'approved_by', 'published_at'])
    .where('catalog_id', '=', catalogId)
    .orderBy('version', 'desc')
    .execute();
}

export async function findVersion(k: K, catalogId: number, version: number) {
  return k
    .selectFrom('catalog_versions')
    .selectAll()
    .where('catalog_id', '=', catalogId)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function insertVersion(k: K, row: Insertable<CatalogVersionTable>): Promise<void> {
  await k.insertInto('catalog_versions').values(row).execute();
}
