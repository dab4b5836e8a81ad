/** 0001_foundation, org part: Jurisdictions, portals (sites) and units. */
import type { CreateTableBuilder, Kysely } from 'kysely';
import { dialectOf } from '../../platform/dialect.js';

function withId<T extends string>(db: Kysely<any>, t: CreateTableBuilder<T, never>) {
  return dialectOf(db) === 'sqlite'
    ? t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    : t.addColumn('id', 'serial', (c) => c.primaryKey());
}

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('jurisdictions'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('jurisdictions.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jurisdictions_parent').on('jurisdictions').column('parent_id').execute();

  await withId(db, db.schema.createTable('sites'))
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().unique().references('jurisdictions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('host', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('units'))
    .addColumn('jurisdiction_id', 'integer', (c) => c.notNull().references('jurisdictions.id'))
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('credit_code', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('receives_requests', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('office_name', 'text')
    .addColumn('office_address', 'text')
    .addColumn('office_hours', 'text')
    .addColumn('office_phone', 'text')
    .addColumn('office_fax', 'text')
    .addColumn('office_email', 'text')
    .addColumn('office_postcode', 'text')
    .addColumn('office_website', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('units_name_unique', ['jurisdiction_id', 'name'])
    .execute();
  await db.schema.createIndex('units_jurisdiction').on('units').columns(['jurisdiction_id', 'sort_order']).execute();
  await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0001_foundation cannot be rolled back');
}
