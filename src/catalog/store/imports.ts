/** Queries of staged imports (catalog_imports): a previewed file waiting for confirmation. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';
import type { CatalogImportTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

export async function deleteImportsOfUser(k: K, userId: number): Promise<void> {
  await k.deleteFrom('catalog_imports').where('user_id', '=', userId).execute();
}

export async function insertImport(k: K, row: Insertable<CatalogImportTable>): Promise<void> {
  await k.insertInto('catalog_imports').values(row).execute();
}

export async function findImport(k: K, token: string) {
  return k.selectFrom('catalog_imports').selectAll().where('id', '=', token).executeTakeFirst();
}

export async function deleteImport(k: K, token: string): Promise<void> {
  await k.deleteFrom('catalog_imports').where('id', '=', token).execute();
}
