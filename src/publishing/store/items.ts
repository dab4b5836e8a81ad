/** The catalog items a record is published under (info_record_items). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

/** Replace the items of a record. */
export async function writeItems(
  k: K,
  recordId: number,
  items: readonly { id: number; domain: string; label: string }[],
): Promise<void> {
  await k.deleteFrom('info_record_items').where('record_id', '=', recordId).execute();
  if (items.length)
    await k
      .insertInto('info_record_items')
      .values(items.map((i) => ({ record_id: recordId, catalog_item_id: i.id, domain: i.domain, label: i.label })))
      .execute();
}

export async function itemsOf(k: K, recordId: number) {
  return k.selectFrom('info_record_items').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
}

/** The items of a record as the portal shows them. */
export async function publicItemsOf(k: K, recordId: number) {
  return k
    .selectFrom('info_record_items')
    .select(['catalog_item_id', 'domain', 'label'])
    .where('record_id', '=', recordId)
    .orderBy('id')
    .execute();
}

export async function itemIdsOf(k: K, recordId: number): Promise<number[]> {
  const rows = await k
    .selectFrom('info_record_items')
    .select('catalog_item_id')
    .where('record_id', '=', recordId)
    .execute();
  return rows.map((r) => r.catalog_item_id);
}

/** The labels of a record's items (kept in a version snapshot). */
export async function itemLabelsOf(k: K, recordId: number): Promise<string[]> {
  const rows = await k.selectFrom('info_record_items').select('label').where('record_id', '=', recordId).execute();
  return rows.map((r) => r.label);
}

/** The domain and label a catalog item was published under (the portal's item page). */
export async function itemLabel(k: K, catalogItemId: number) {
  return k
    .selectFrom('info_record_items')
    .select(['domain', 'label'])
    .where('catalog_item_id', '=', catalogItemId)
    .limit(1)
    .executeTakeFirst();
}
