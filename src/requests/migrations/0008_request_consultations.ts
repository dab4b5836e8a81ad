import type { Kysely } from 'kysely';
import { dialectOf } from '../../platform/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // The contents of 条例第二十九条 found missing or unclear at intake (JSON list of items): such a
  // request is registered and goes the 补正 way (条例第三十条) instead of being refused.
  await db.schema.alterTable('info_requests').addColumn('intake_missing', 'text').execute();

  // 征求意见 of a third party (条例第三十二条) or another agency (条例第三十四条): one row per
  // consultee; its 15-working-day period is a clock (purpose 'request.consultation').
  await id(db.schema.createTable('info_request_consultations'))
    .addColumn('request_id', 'integer', (c: any) => c.notNull().references('info_requests.id'))
    .addColumn('party_type', 'text', (c: any) => c.notNull())
    .addColumn('party_name', 'text', (c: any) => c.notNull())
    .addColumn('sent_on', 'text', (c: any) => c.notNull())
    .addColumn('received_on', 'text', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('reason', 'text')
    .addColumn('consequence', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('created_by', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('info_request_consultations_request')
    .on('info_request_consultations')
    .columns(['request_id', 'status'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0008_request_consultations cannot be rolled back');
}
