/** 0005_reports, platform part: stored files. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // Uploaded files kept in the database (stateless app servers): checked by content, limited in size.
  await id(db.schema.createTable('files'))
    .addColumn('owner_type', 'text', (c: any) => c.notNull())
    .addColumn('owner_id', 'text', (c: any) => c.notNull())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('mime', 'text', (c: any) => c.notNull())
    .addColumn('size', 'integer', (c: any) => c.notNull())
    .addColumn('sha256', 'text', (c: any) => c.notNull())
    .addColumn('data', dialectOf(db) === 'sqlite' ? 'blob' : 'bytea', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('files_owner').on('files').columns(['owner_type', 'owner_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0005_reports cannot be rolled back');
}
