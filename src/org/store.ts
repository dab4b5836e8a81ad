import type { Kysely, Transaction, Selectable, Insertable, Updateable } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { UnitTable, JurisdictionTable } from './tables.js';
import type { Reach } from '../platform/access.js';

type K = Kysely<Database> | Transaction<Database>;

export type UnitRow = Selectable<UnitTable> & {
  jurisdiction_code: string;
  jurisdiction_name: string;
  jurisdiction_level: string;
};
export type JurisdictionRow = Selectable<JurisdictionTable>;

function unitQuery(k: K) {
  return k
    .selectFrom('units')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .selectAll('units')
    .select([
      'jurisdictions.code as jurisdiction_code',
      'jurisdictions.name as jurisdiction_name',
      'jurisdictions.level as jurisdiction_level',
    ]);
}

export async function findUnit(k: K, id: number): Promise<UnitRow | undefined> {
  return unitQuery(k).where('units.id', '=', id).executeTakeFirst();
}

export interface UnitFilter {
  /** Only units whose jurisdiction code starts with this prefix (a county's subtree). */
  jurisdictionPrefix?: string;
  kind?: string;
  q?: string;
  activeOnly?: boolean;
}

export async function listUnits(k: K, reach: Reach, f: UnitFilter = {}): Promise<UnitRow[]> {
  let q = unitQuery(k);
  if (!reach.all) {
    const { unitIds, jurisdictionPrefixes } = reach;
    q = q.where((eb) =>
      eb.or([
        ...(unitIds.length ? [eb('units.id', 'in', unitIds)] : []),
        ...jurisdictionPrefixes.map((p) => eb('jurisdictions.code', 'like', `${p}%`)),
        ...(unitIds.length === 0 && jurisdictionPrefixes.length === 0 ? [eb.lit(false)] : []),
      ]),
    );
  }
  if (f.jurisdictionPrefix) q = q.where('jurisdictions.code', 'like', `${f.jurisdictionPrefix}%`);
  if (f.kind) q = q.where('units.kind', '=', f.kind);
  if (f.q) q = q.where('units.name', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
  if (f.activeOnly) q = q.where('units.active', '=', 1);
  return q.orderBy('jurisdictions.code').orderBy('units.sort_order').orderBy('units.id').execute();
}

export async function insertUnit(k: K, row: Insertable<UnitTable>): Promise<number> {
  const r = await k.insertInto('units').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateUnit(k: K, id: number, patch: Updateable<UnitTable>): Promise<void> {
  await k.updateTable('units').set(patch).where('id', '=', id).execute();
}

export async function findUnitByName(k: K, jurisdictionId: number, name: string) {
  return k
    .selectFrom('units')
    .select(['id'])
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('name', '=', name)
    .executeTakeFirst();
}

export async function findJurisdiction(k: K, id: number): Promise<JurisdictionRow | undefined> {
  return k.selectFrom('jurisdictions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findJurisdictionByCode(k: K, code: string): Promise<JurisdictionRow | undefined> {
  return k.selectFrom('jurisdictions').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listJurisdictions(k: K, prefixes: string[] | 'all'): Promise<JurisdictionRow[]> {
  let q = k.selectFrom('jurisdictions').selectAll();
  if (prefixes !== 'all') {
    if (prefixes.length === 0) return [];
    q = q.where((eb) => eb.or(prefixes.map((p) => eb('code', 'like', `${p}%`))));
  }
  return q.orderBy('code').execute();
}

export async function insertJurisdiction(k: K, row: Insertable<JurisdictionTable>): Promise<number> {
  const r = await k.insertInto('jurisdictions').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function findUnits(k: K, ids: number[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return unitQuery(k).where('units.id', 'in', ids).execute();
}

export async function findUnitByRef(k: K, ref: string): Promise<UnitRow | undefined> {
  return unitQuery(k)
    .where((eb) =>
      eb.or([
        eb('units.name', '=', ref),
        eb('units.credit_code', '=', ref.toUpperCase()),
        ...(/^\d+$/.test(ref) ? [eb('units.id', '=', Number(ref))] : []),
      ]),
    )
    .orderBy('units.id')
    .executeTakeFirst();
}

export async function unitIdsInReach(k: K, reach: Reach): Promise<number[] | 'all'> {
  if (reach.all) return 'all';
  const { unitIds, jurisdictionPrefixes } = reach;
  if (jurisdictionPrefixes.length === 0) return unitIds;
  const rows = await k
    .selectFrom('units')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select('units.id')
    .where((eb) => eb.or(jurisdictionPrefixes.map((p) => eb('jurisdictions.code', 'like', `${p}%`))))
    .execute();
  return [...new Set([...unitIds, ...rows.map((r) => r.id)])];
}

/** A jurisdiction and its ancestors, nearest first. */
export async function jurisdictionChain(k: K, id: number): Promise<JurisdictionRow[]> {
  const out: JurisdictionRow[] = [];
  let next: number | null = id;
  while (next !== null && out.length < 8) {
    const j = await findJurisdiction(k, next);
    if (!j) break;
    out.push(j);
    next = j.parent_id;
  }
  return out;
}

export async function jurisdictionIdsWithSite(k: K, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await k.selectFrom('sites').select('jurisdiction_id').where('jurisdiction_id', 'in', ids).execute();
  return rows.map((r) => r.jurisdiction_id);
}

function siteQuery(k: K) {
  return k
    .selectFrom('sites')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'sites.jurisdiction_id')
    .select([
      'sites.id',
      'sites.name',
      'sites.host',
      'sites.jurisdiction_id',
      'jurisdictions.code as jurisdiction_code',
      'jurisdictions.name as jurisdiction_name',
    ]);
}
export type SiteRow = Awaited<ReturnType<ReturnType<typeof siteQuery>['executeTakeFirstOrThrow']>>;

export async function listSites(k: K): Promise<SiteRow[]> {
  return siteQuery(k).orderBy('sites.id').execute();
}

export async function findSiteForHost(k: K, hostname: string): Promise<SiteRow | undefined> {
  return (
    (hostname ? await siteQuery(k).where('sites.host', '=', hostname).executeTakeFirst() : undefined) ??
    (await siteQuery(k).orderBy('sites.id').limit(1).executeTakeFirst())
  );
}

export async function findGovernment(k: K, jurisdictionId: number): Promise<UnitRow | undefined> {
  return unitQuery(k)
    .where('units.jurisdiction_id', '=', jurisdictionId)
    .where('units.kind', '=', 'county_government')
    .orderBy('units.id')
    .limit(1)
    .executeTakeFirst();
}

export async function findCountyOffice(k: K, jurisdictionId: number): Promise<UnitRow | undefined> {
  return unitQuery(k)
    .where('units.jurisdiction_id', '=', jurisdictionId)
    .where('units.kind', '=', 'county_office')
    .where('units.active', '=', 1)
    .orderBy('units.sort_order')
    .limit(1)
    .executeTakeFirst();
}

export async function jurisdictionIdsUnder(k: K, prefixes: readonly string[]): Promise<number[]> {
  if (prefixes.length === 0) return [];
  const rows = await k
    .selectFrom('jurisdictions')
    .select('id')
    .where((eb) => eb.or(prefixes.map((p) => eb('code', 'like', `${p}%`))))
    .execute();
  return rows.map((r) => r.id);
}
