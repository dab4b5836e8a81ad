/** Queries of item records (梳理, catalog_item_records). */
import type { Kysely, Transaction } from 'kysely';
import { parseJson } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

export interface ItemRecord {
  id: number;
  data: Record<string, string>;
}

export async function recordsOf(k: K, itemId: number): Promise<ItemRecord[]> {
  const rows = await k
    .selectFrom('catalog_item_records')
    .select(['id', 'data_json'])
    .where('item_id', '=', itemId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, data: parseJson<Record<string, string>>(r.data_json, {}) }));
}

export async function insertRecord(
  k: K,
  itemId: number,
  data: Record<string, string>,
  sortOrder: number,
  at: string,
): Promise<number> {
  const r = await k
    .insertInto('catalog_item_records')
    .values({ item_id: itemId, data_json: JSON.stringify(data), sort_order: sortOrder, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRecord(k: K, id: number, data: Record<string, string>, at: string): Promise<void> {
  await k
    .updateTable('catalog_item_records')
    .set({ data_json: JSON.stringify(data), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteRecordRow(k: K, id: number): Promise<void> {
  await k.deleteFrom('catalog_item_records').where('id', '=', id).execute();
}

/** Record counts per item (one query). */
export async function recordCounts(k: K, itemIds: number[]): Promise<Map<number, number>> {
  if (!itemIds.length) return new Map();
  const rows = await k
    .selectFrom('catalog_item_records')
    .select(['item_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('item_id', 'in', itemIds)
    .groupBy('item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, Number(r.n)]));
}
