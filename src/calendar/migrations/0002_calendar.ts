import type { Kysely } from 'kysely';
import { dialectOf } from '../../platform/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // Local holidays and corrections on top of the shipped yearly files; scope is a jurisdiction
  // code (or 'CN' for the whole installation) and applies to that jurisdiction and everything below.
  await id(db.schema.createTable('calendar_overrides'))
    .addColumn('scope', 'text', (c: any) => c.notNull())
    .addColumn('date', 'text', (c: any) => c.notNull())
    .addColumn('type', 'text', (c: any) => c.notNull())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('calendar_overrides_unique', ['scope', 'date'])
    .execute();
  await db.schema.createIndex('calendar_overrides_date').on('calendar_overrides').column('date').execute();

  // Years whose full official schedule was imported by an administrator (beyond the shipped files).
  await db.schema
    .createTable('calendar_years')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('published', 'text')
    .addColumn('imported_by', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('calendar_years_pk', ['scope', 'year'])
    .execute();

  // Statutory clocks of any feature (request replies, publication deadlines …): their events and
  // the due date last computed, so that a calendar change can recompute every open one.
  await id(db.schema.createTable('clocks'))
    .addColumn('jurisdiction_id', 'integer', (c: any) => c.notNull().references('jurisdictions.id'))
    .addColumn('object_type', 'text', (c: any) => c.notNull())
    .addColumn('object_id', 'text', (c: any) => c.notNull())
    .addColumn('purpose', 'text', (c: any) => c.notNull())
    .addColumn('amount', 'integer', (c: any) => c.notNull())
    .addColumn('unit', 'text', (c: any) => c.notNull())
    .addColumn('events_json', 'text', (c: any) => c.notNull())
    .addColumn('started_on', 'text', (c: any) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('state', 'text', (c: any) => c.notNull())
    .addColumn('closed', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('clocks_object_unique', ['object_type', 'object_id', 'purpose'])
    .execute();
  await db.schema.createIndex('clocks_open').on('clocks').columns(['jurisdiction_id', 'closed', 'due_date']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0002_calendar cannot be rolled back');
}
