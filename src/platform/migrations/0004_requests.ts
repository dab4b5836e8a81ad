/** 0004_requests, platform part: the notifications outbox. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // Outbox of notifications to applicants and handlers; a dispatcher sends them (e-mail, SMS
  // adapter) or, with no transport configured, writes them to the log.
  await id(db.schema.createTable('notifications'))
    .addColumn('channel', 'text', (c: any) => c.notNull())
    .addColumn('recipient', 'text', (c: any) => c.notNull())
    .addColumn('subject', 'text', (c: any) => c.notNull())
    .addColumn('body', 'text', (c: any) => c.notNull())
    .addColumn('related_type', 'text', (c: any) => c.notNull())
    .addColumn('related_id', 'text', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('attempts', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('lease_until', 'text')
    .addColumn('error', 'text')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_status').on('notifications').columns(['status', 'id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('0004_requests cannot be rolled back');
}
