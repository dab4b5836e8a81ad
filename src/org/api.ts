/**
 * The org module's read API for other modules: units, jurisdictions, the portals of the
 * installation and "the county of" a place. Other modules never query org's tables; they call
 * these (each a single query, batched where a caller has many ids).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Reach } from '../platform/access.js';
import type { Database } from '../platform/schema.js';
import * as store from './store.js';

type K = Kysely<Database> | Transaction<Database>;

export type { JurisdictionRow, UnitRow } from './store.js';

/** A unit by id (with its jurisdiction's code, name and level). */
export const unitById = (k: K, id: number) => store.findUnit(k, id);

/** Several units by id, in one query. */
export async function unitsByIds(k: K, ids: readonly number[]): Promise<Map<number, store.UnitRow>> {
  const rows = await store.findUnits(k, [...new Set(ids)]);
  return new Map(rows.map((u) => [u.id, u]));
}

/**
 * A unit named the way people name it on the command line: its id, its full name, or its
 * 统一社会信用代码.
 */
export const unitByRef = (k: K, ref: string) => store.findUnitByRef(k, ref);

/** The ids of the units an actor's reach covers (for filtering another module's rows by unit). */
export const unitIdsInReach = (k: K, reach: Reach) => store.unitIdsInReach(k, reach);

/** Units whose jurisdiction lies under a code prefix (a county's subtree), all or active only. */
export const unitsUnder = (k: K, prefix: string, opts: { activeOnly?: boolean } = {}) =>
  store.listUnits(k, { all: true }, { jurisdictionPrefix: prefix, activeOnly: opts.activeOnly });

export const jurisdictionById = (k: K, id: number) => store.findJurisdiction(k, id);
export const jurisdictionByCode = (k: K, code: string) => store.findJurisdictionByCode(k, code);

/**
 * The county (县级) a jurisdiction belongs to: the jurisdiction itself or its nearest ancestor of
 * level 'county' — or, where townships sit directly under a city (东莞, 中山), the nearest
 * ancestor that has a portal. Follows the parent links, so it holds for any code layout.
 */
export async function countyOf(k: K, jurisdictionId: number): Promise<store.JurisdictionRow | undefined> {
  const chain = await store.jurisdictionChain(k, jurisdictionId);
  const withSite = new Set(
    await store.jurisdictionIdsWithSite(
      k,
      chain.map((j) => j.id),
    ),
  );
  return chain.find((j) => j.level === 'county') ?? chain.find((j) => withSite.has(j.id)) ?? chain.at(-1);
}

/** The county of a unit (see countyOf). */
export async function countyOfUnit(k: K, unitId: number): Promise<store.JurisdictionRow | undefined> {
  const u = await store.findUnit(k, unitId);
  return u ? countyOf(k, u.jurisdiction_id) : undefined;
}

/** The portals (one per county) of the installation, oldest first. */
export const installationSites = (k: K) => store.listSites(k);

/** The portal of a county, by its code (undefined when the county has none). */
export async function siteOfCounty(k: K, code: string) {
  return (await store.listSites(k)).find((s) => s.jurisdiction_code === code);
}

/** The portal for a host name, else the first of the installation (what a visitor sees). */
export const siteForHost = (k: K, hostname: string) => store.findSiteForHost(k, hostname);

/** The 县政府办公室 (主管部门) of a jurisdiction: whose contact details the portal shows. */
export const countyOffice = (k: K, jurisdictionId: number) => store.findCountyOffice(k, jurisdictionId);

/** The ids of the jurisdictions under any of these code prefixes. */
export const jurisdictionIdsUnder = (k: K, prefixes: readonly string[]) => store.jurisdictionIdsUnder(k, prefixes);

/** The units an actor's reach covers, in the order of the unit lists (pickers), all or active only. */
export const unitsInReach = (k: K, reach: Reach, opts: { activeOnly?: boolean } = {}) =>
  store.listUnits(k, reach, { activeOnly: opts.activeOnly });
