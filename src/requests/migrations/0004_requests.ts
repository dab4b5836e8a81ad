/** 0004_requests, requests part: 依申请公开 requests, their events, documents and appeals. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../../platform/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // 依申请公开: one row per request; the reply clock lives in `clocks` (purpose 'request.reply').
  await id(db.schema.createTable('info_requests'))
    .addColumn('jurisdiction_id', 'integer', (c: any) => c.notNull().references('jurisdictions.id'))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull().references('units.id'))
    .addColumn('number', 'text', (c: any) => c.notNull().unique())
    .addColumn('query_code_hash', 'text', (c: any) => c.notNull())
    .addColumn('applicant_type', 'text', (c: any) => c.notNull())
    .addColumn('org_type', 'text')
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('id_type', 'text', (c: any) => c.notNull())
    .addColumn('id_number', 'text', (c: any) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('postcode', 'text')
    .addColumn('email', 'text')
    .addColumn('description', 'text', (c: any) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('form', 'text', (c: any) => c.notNull())
    .addColumn('delivery', 'text', (c: any) => c.notNull())
    .addColumn('channel', 'text', (c: any) => c.notNull())
    .addColumn('submitted_at', 'text', (c: any) => c.notNull())
    .addColumn('received_on', 'text')
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('correction_count', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('correction_due', 'text')
    .addColumn('fee_amount', 'integer')
    .addColumn('fee_notice_on', 'text')
    .addColumn('proposed_outcome', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('outcome', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('delivered_on', 'text')
    .addColumn('delivery_method', 'text')
    .addColumn('archived_on', 'text')
    .addColumn('dedupe_key', 'text', (c: any) => c.notNull())
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_requests_unit')
    .on('info_requests')
    .columns(['unit_id', 'status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('info_requests_jurisdiction')
    .on('info_requests')
    .columns(['jurisdiction_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('info_requests_dedupe')
    .on('info_requests')
    .columns(['dedupe_key', 'created_at'])
    .execute();

  await id(db.schema.createTable('info_request_events'))
    .addColumn('request_id', 'integer', (c: any) => c.notNull().references('info_requests.id'))
    .addColumn('type', 'text', (c: any) => c.notNull())
    .addColumn('public_note', 'text', (c: any) => c.notNull())
    .addColumn('actor_name', 'text', (c: any) => c.notNull())
    .addColumn('at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_request_events_request')
    .on('info_request_events')
    .columns(['request_id', 'id'])
    .execute();

  // Issued letters (答复书, 补正告知书 …), numbered per unit and year, kept as issued.
  await id(db.schema.createTable('info_request_documents'))
    .addColumn('request_id', 'integer', (c: any) => c.notNull().references('info_requests.id'))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull())
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('seq', 'integer', (c: any) => c.notNull())
    .addColumn('number', 'text', (c: any) => c.notNull())
    .addColumn('body', 'text', (c: any) => c.notNull())
    .addColumn('issued_on', 'text', (c: any) => c.notNull())
    .addColumn('issued_by', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('info_request_documents_seq', ['unit_id', 'year', 'seq'])
    .execute();
  await db.schema
    .createIndex('info_request_documents_request')
    .on('info_request_documents')
    .column('request_id')
    .execute();

  // 行政复议 and 行政诉讼 against a reply, with their results (annual report table 4).
  await id(db.schema.createTable('info_request_appeals'))
    .addColumn('request_id', 'integer', (c: any) => c.notNull().references('info_requests.id'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('filed_on', 'text', (c: any) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('info_request_appeals_request').on('info_request_appeals').column('request_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('0004_requests cannot be rolled back');
}
