import type { Kysely } from 'kysely';
import { dialectOf } from '../../platform/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // A piece of government information (or a 政策解读 of one). The columns hold the current content;
  // while a published record is being changed, the proposed content waits in pending_json and the
  // published content stays on the portal until the change is approved (old versions are kept in
  // info_record_versions).
  await id(db.schema.createTable('info_records'))
    .addColumn('county_code', 'text', (c: any) => c.notNull())
    .addColumn('unit_id', 'integer', (c: any) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('policy_id', 'integer', (c: any) => c.references('info_records.id'))
    .addColumn('interp_form', 'text')
    .addColumn('index_no', 'text', (c: any) => c.notNull().unique())
    .addColumn('title', 'text', (c: any) => c.notNull())
    .addColumn('publisher', 'text', (c: any) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('written_on', 'text')
    .addColumn('formed_on', 'text', (c: any) => c.notNull())
    .addColumn('subject', 'text', (c: any) => c.notNull())
    .addColumn('genre', 'text', (c: any) => c.notNull())
    .addColumn('keywords', 'text', (c: any) => c.notNull())
    .addColumn('summary', 'text', (c: any) => c.notNull())
    .addColumn('attribute', 'text', (c: any) => c.notNull())
    .addColumn('attribute_reason', 'text')
    .addColumn('attribute_note', 'text')
    .addColumn('validity', 'text', (c: any) => c.notNull())
    .addColumn('validity_on', 'text')
    .addColumn('column_slug', 'text', (c: any) => c.notNull())
    .addColumn('column_item', 'text')
    .addColumn('body_html', 'text', (c: any) => c.notNull())
    .addColumn('body_text', 'text', (c: any) => c.notNull())
    .addColumn('needs_interpretation', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('due_on', 'text')
    .addColumn('due_note', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_on', 'text')
    .addColumn('posting_end_on', 'text')
    .addColumn('pending_json', 'text')
    .addColumn('pending_status', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('assessed_on', 'text')
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  // Portal lists (latest first, by column, by unit) and back-office queues (by unit and status, by due date).
  await db.schema
    .createIndex('info_records_public')
    .on('info_records')
    .columns(['county_code', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('info_records_column')
    .on('info_records')
    .columns(['county_code', 'column_slug', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('info_records_unit_public')
    .on('info_records')
    .columns(['unit_id', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('info_records_unit')
    .on('info_records')
    .columns(['unit_id', 'status', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('info_records_due')
    .on('info_records')
    .columns(['county_code', 'status', 'due_on'])
    .execute();
  await db.schema.createIndex('info_records_policy').on('info_records').columns(['policy_id']).execute();
  await db.schema
    .createIndex('info_records_scheduled')
    .on('info_records')
    .columns(['status', 'scheduled_at'])
    .execute();

  // The catalog item(s) a record fulfils (the id of the item in its unit's catalog, kept with its label).
  await id(db.schema.createTable('info_record_items'))
    .addColumn('record_id', 'integer', (c: any) => c.notNull().references('info_records.id'))
    .addColumn('catalog_item_id', 'integer', (c: any) => c.notNull())
    .addColumn('domain', 'text', (c: any) => c.notNull())
    .addColumn('label', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_record_items_item')
    .on('info_record_items')
    .columns(['catalog_item_id', 'record_id'])
    .execute();
  await db.schema.createIndex('info_record_items_record').on('info_record_items').columns(['record_id']).execute();

  // The channels actually used (条例第二十三条), with the date and a link or a photo of the 公示栏.
  await id(db.schema.createTable('info_record_channels'))
    .addColumn('record_id', 'integer', (c: any) => c.notNull().references('info_records.id'))
    .addColumn('channel', 'text', (c: any) => c.notNull())
    .addColumn('used_on', 'text', (c: any) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('file_id', 'integer')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_record_channels_record')
    .on('info_record_channels')
    .columns(['record_id'])
    .execute();

  // Attachments (the bytes live in `files`); their text feeds the search index; downloads are counted.
  await id(db.schema.createTable('info_record_files'))
    .addColumn('record_id', 'integer', (c: any) => c.notNull().references('info_records.id'))
    .addColumn('file_id', 'integer', (c: any) => c.notNull())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('mime', 'text', (c: any) => c.notNull())
    .addColumn('size', 'integer', (c: any) => c.notNull())
    .addColumn('text', 'text', (c: any) => c.notNull())
    .addColumn('downloads', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_record_files_record')
    .on('info_record_files')
    .columns(['record_id', 'sort_order'])
    .execute();

  await id(db.schema.createTable('info_record_versions'))
    .addColumn('record_id', 'integer', (c: any) => c.notNull().references('info_records.id'))
    .addColumn('version', 'integer', (c: any) => c.notNull())
    .addColumn('snapshot_json', 'text', (c: any) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('replaced_at', 'text', (c: any) => c.notNull())
    .addColumn('reason', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('info_record_versions_record_version', ['record_id', 'version'])
    .execute();

  await id(db.schema.createTable('info_record_events'))
    .addColumn('record_id', 'integer', (c: any) => c.notNull().references('info_records.id'))
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('actor_name', 'text', (c: any) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_record_events_record')
    .on('info_record_events')
    .columns(['record_id', 'id'])
    .execute();

  // 索引号 serials per unit and year: handed out once, never reused.
  await db.schema
    .createTable('index_serials')
    .addColumn('unit_id', 'integer', (c: any) => c.notNull())
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('last', 'integer', (c: any) => c.notNull())
    .addPrimaryKeyConstraint('index_serials_pk', ['unit_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0006_publishing cannot be rolled back');
}
