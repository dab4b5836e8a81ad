/** Queries of `info_request_appeals`: 行政复议 and 行政诉讼 about a reply. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';
import type { InfoRequestAppealTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

export async function insertAppeal(k: K, row: Insertable<InfoRequestAppealTable>): Promise<void> {
  await k.insertInto('info_request_appeals').values(row).execute();
}

export async function findAppeal(k: K, requestId: number, id: number) {
  return k
    .selectFrom('info_request_appeals')
    .selectAll()
    .where('id', '=', id)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}

export async function setAppealResult(k: K, id: number, result: string, decidedOn: string): Promise<void> {
  await k.updateTable('info_request_appeals').set({ result, decided_on: decidedOn }).where('id', '=', id).execute();
}

export async function listAppealRows(k: K, requestId: number) {
  return k.selectFrom('info_request_appeals').selectAll().where('request_id', '=', requestId).orderBy('id').execute();
}
