/** What happened to a record (info_record_events) and its earlier versions (info_record_versions). */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { nowIso } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';
import type { InfoRecordVersionTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

/** One line of the record's 办理记录. */
export async function addEvent(
  k: K,
  recordId: number,
  action: string,
  actorName: string,
  comment: string | null = null,
): Promise<void> {
  await k
    .insertInto('info_record_events')
    .values({ record_id: recordId, action, actor_name: actorName, comment, at: nowIso() })
    .execute();
}

/** The 办理记录 of a record, newest first. */
export async function eventsOf(k: K, recordId: number) {
  return k
    .selectFrom('info_record_events')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('id', 'desc')
    .execute();
}

export async function insertVersion(k: K, row: Insertable<InfoRecordVersionTable>): Promise<void> {
  await k.insertInto('info_record_versions').values(row).execute();
}

/** The kept versions of a record, newest first. */
export async function versionsOf(k: K, recordId: number) {
  return k
    .selectFrom('info_record_versions')
    .select(['version', 'published_at', 'replaced_at', 'reason'])
    .where('record_id', '=', recordId)
    .orderBy('version', 'desc')
    .execute();
}
