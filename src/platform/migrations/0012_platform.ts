/**
 * 0012_platform: the shared parts' own tables — the throttle (replacing auth's login_throttle,
 * whose counters are carried over), the outbox of domain events with each consumer's position,
 * and the leases of background jobs.
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();
  await sql`insert into throttle (key, count, window_start, locked_until)
    select key, failures, first_failure_at, locked_until from login_throttle`.execute(db);
  await db.schema.dropTable('login_throttle').execute();

  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());
  await id(db.schema.createTable('outbox_events'))
    .addColumn('type', 'text', (c: any) => c.notNull())
    .addColumn('subject_type', 'text', (c: any) => c.notNull())
    .addColumn('subject_id', 'text', (c: any) => c.notNull())
    .addColumn('payload_json', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('outbox_events_type').on('outbox_events').columns(['type', 'id']).execute();
  await db.schema
    .createIndex('outbox_events_subject')
    .on('outbox_events')
    .columns(['subject_type', 'subject_id', 'id'])
    .execute();
  await db.schema
    .createTable('outbox_cursors')
    .addColumn('consumer', 'text', (c) => c.primaryKey())
    .addColumn('last_id', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('job_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_started_at', 'text')
    .addColumn('last_finished_at', 'text')
    .addColumn('last_result', 'text')
    .addColumn('last_error', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0012_platform cannot be rolled back');
}
