/** The seeding queries of the org module (a real county from the region table, the demo county). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { nowIso } from '../platform/dialect.js';
import type { Database } from '../platform/schema.js';
import { type JurisdictionLevel, UNIT_KIND_RECEIVES_REQUESTS } from './model.js';
import type { UnitSeed } from './seed.js';
import type { SiteTable } from './tables.js';

type K = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

export async function ensureJurisdiction(
  trx: Trx,
  code: string,
  name: string,
  level: JurisdictionLevel,
  parentId: number | null,
): Promise<number> {
  const found = await trx.selectFrom('jurisdictions').select('id').where('code', '=', code).executeTakeFirst();
  if (found) return found.id;
  const r = await trx
    .insertInto('jurisdictions')
    .values({ code, name, level, parent_id: parentId, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertSeedUnit(
  trx: Trx,
  jurisdictionId: number,
  seed: UnitSeed,
  order: number,
  parentId: number | null,
): Promise<number> {
  const now = nowIso();
  const r = await trx
    .insertInto('units')
    .values({
      jurisdiction_id: jurisdictionId,
      parent_id: parentId,
      kind: seed.kind,
      name: seed.name,
      short_name: seed.shortName ?? null,
      credit_code: seed.creditCode ?? null,
      sort_order: order,
      active: 1,
      receives_requests: UNIT_KIND_RECEIVES_REQUESTS[seed.kind] ? 1 : 0,
      office_name: seed.office?.office_name ?? null,
      office_address: seed.office?.office_address ?? null,
      office_hours: seed.office?.office_hours ?? null,
      office_phone: seed.office?.office_phone ?? null,
      office_fax: seed.office?.office_fax ?? null,
      office_email: seed.office?.office_email ?? null,
      office_postcode: seed.office?.office_postcode ?? null,
      office_website: seed.office?.office_website ?? null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertSite(k: K, row: Insertable<SiteTable>): Promise<void> {
  await k.insertInto('sites').values(row).execute();
}

/** The portal of a county by its code, if the county was initialised. */
export async function siteOfCountyCode(k: K, code: string) {
  return k
    .selectFrom('jurisdictions')
    .innerJoin('sites', 'sites.jurisdiction_id', 'jurisdictions.id')
    .select('jurisdictions.id')
    .where('jurisdictions.code', '=', code)
    .executeTakeFirst();
}

export async function anySite(k: K): Promise<boolean> {
  return Boolean(await k.selectFrom('sites').select('id').limit(1).executeTakeFirst());
}
