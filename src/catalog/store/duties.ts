/** Queries of the 责任清单 (catalog_duties): who compiles which domain of a county by when. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

export async function dutiesOf(k: K, jurisdictionId: number) {
  return k.selectFrom('catalog_duties').selectAll().where('jurisdiction_id', '=', jurisdictionId).execute();
}

export async function findDuty(k: K, jurisdictionId: number, domain: string) {
  return k
    .selectFrom('catalog_duties')
    .selectAll()
    .where('jurisdiction_id', '=', jurisdictionId)
    .where('domain', '=', domain)
    .executeTakeFirst();
}

export async function upsertDuty(
  k: K,
  jurisdictionId: number,
  domain: string,
  row: { lead_unit_id: number | null; cooperating_json: string; due_date: string | null; updated_at: string },
): Promise<void> {
  await k
    .insertInto('catalog_duties')
    .values({ jurisdiction_id: jurisdictionId, domain, ...row })
    .onConflict((oc) => oc.columns(['jurisdiction_id', 'domain']).doUpdateSet(row))
    .execute();
}
