import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());
  // 政府信息公开工作年度报告 of a unit and year: edited sections and table 2 counts; tables 3 and 4
  // are computed from live data; a published report keeps the snapshot it was published with.
  await id(db.schema.createTable('annual_reports'))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('sections_json', 'text', (c: any) => c.notNull())
    .addColumn('table2_json', 'text', (c: any) => c.notNull())
    .addColumn('snapshot_json', 'text')
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('annual_reports_unit_year', ['unit_id', 'year'])
    .execute();

  // Per-unit API tokens for a unit's OA system (only a hash is stored).
  await id(db.schema.createTable('api_tokens'))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('token_hash', 'text', (c: any) => c.notNull().unique())
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked', 'integer', (c: any) => c.notNull().defaultTo(0))
    .execute();

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
