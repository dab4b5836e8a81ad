/** Queries of published catalog versions (catalog_versions with their catalogs). */
import type { Kysely, Transaction } from 'kysely';
import { parseJson } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';
import type { Snapshot } from '../service.js';

type K = Kysely<Database> | Transaction<Database>;

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
  return rows.map((r) => ({
    kind: r.kind,
    snapshot: parseJson<Snapshot>(r.snapshot_json, { unitName: '', items: [], notes: [] }),
  }));
}
