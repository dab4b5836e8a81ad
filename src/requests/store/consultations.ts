/** Queries of `info_request_consultations`: 征求意见 of third parties and other agencies. */
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';
import type { InfoRequestConsultationTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

export type ConsultationRow = Selectable<InfoRequestConsultationTable>;

export async function listConsultationRows(k: K, requestId: number): Promise<ConsultationRow[]> {
  return k
    .selectFrom('info_request_consultations')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

/** The open consultations of several requests (ids and their request). */
export async function openConsultationsOf(k: K, requestIds: readonly number[]) {
  if (!requestIds.length) return [];
  return k
    .selectFrom('info_request_consultations')
    .select(['id', 'request_id'])
    .where('status', '=', 'open')
    .where('request_id', 'in', [...requestIds])
    .execute();
}

/** The latest consultation of a request (the one a 征求意见书 is drafted for). */
export async function latestConsultation(k: K, requestId: number) {
  return k
    .selectFrom('info_request_consultations')
    .select(['party_type', 'party_name'])
    .where('request_id', '=', requestId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertConsultation(k: K, row: Insertable<InfoRequestConsultationTable>): Promise<number> {
  const r = await k.insertInto('info_request_consultations').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Close an open consultation; false when it was closed already. */
export async function closeConsultation(
  k: K,
  id: number,
  close: Pick<ConsultationRow, 'status' | 'answer' | 'reason' | 'consequence' | 'closed_on' | 'closed_by'>,
): Promise<boolean> {
  const u = await k
    .updateTable('info_request_consultations')
    .set(close)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(u.numUpdatedRows) === 1;
}
