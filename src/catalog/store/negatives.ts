/** Queries of the 负面清单 (catalog_negatives). */
import type { Kysely, Transaction } from 'kysely';
import { nowIso } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

export interface NegativeRow {
  id: number;
  name: string;
  content: string;
  reason: string;
  basis: string;
}

export async function negativesOf(k: K, catalogId: number): Promise<NegativeRow[]> {
  return k
    .selectFrom('catalog_negatives')
    .select(['id', 'name', 'content', 'reason', 'basis'])
    .where('catalog_id', '=', catalogId)
    .orderBy('id')
    .execute();
}

export async function findNegative(k: K, id: number) {
  return k.selectFrom('catalog_negatives').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertNegative(k: K, catalogId: number, n: Omit<NegativeRow, 'id'>): Promise<number> {
  const r = await k
    .insertInto('catalog_negatives')
    .values({ catalog_id: catalogId, ...n, created_at: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function deleteNegativeRow(k: K, id: number): Promise<void> {
  await k.deleteFrom('catalog_negatives').where('id', '=', id).execute();
}
