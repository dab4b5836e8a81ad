/** Queries of the county's 政务服务事项 list (service_items). */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

export interface ServiceItemRow {
  name: string;
  code: string | null;
  unitName: string | null;
  category: string | null;
}

/** Replace the list at a scope. */
export async function replaceServiceItems(
  k: K,
  scope: string,
  items: ServiceItemRow[],
  importedBy: string,
  importedAt: string,
): Promise<void> {
  await k.deleteFrom('service_items').where('scope', '=', scope).execute();
  for (let i = 0; i < items.length; i += 500) {
    await k
      .insertInto('service_items')
      .values(
        items.slice(i, i + 500).map((s) => ({
          scope,
          name: s.name,
          code: s.code,
          unit_name: s.unitName,
          category: s.category,
          imported_by: importedBy,
          imported_at: importedAt,
        })),
      )
      .execute();
  }
}

export async function serviceItemsAt(k: K, scope: string): Promise<ServiceItemRow[]> {
  const rows = await k
    .selectFrom('service_items')
    .select(['name', 'code', 'unit_name', 'category'])
    .where('scope', '=', scope)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ name: r.name, code: r.code, unitName: r.unit_name, category: r.category }));
}
