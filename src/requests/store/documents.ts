/** Queries of `info_request_documents`: the issued letters, numbered per unit and year. */
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';
import type { InfoRequestDocumentTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

/** The highest serial number of a unit's letters in a year (0 when none). */
export async function lastDocumentSeq(k: K, unitId: number, year: number): Promise<number> {
  const last = await k
    .selectFrom('info_request_documents')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
  return Number(last?.m ?? 0);
}

export async function insertDocument(k: K, row: Insertable<InfoRequestDocumentTable>): Promise<number> {
  const d = await k.insertInto('info_request_documents').values(row).returning('id').executeTakeFirstOrThrow();
  return d.id;
}

export async function listDocumentRows(k: K, requestId: number) {
  return k
    .selectFrom('info_request_documents')
    .select(['id', 'kind', 'number', 'issued_on', 'issued_by'])
    .where('request_id', '=', requestId)
    .orderBy('id')
    .execute();
}

export async function findDocument(k: K, requestId: number, id: number) {
  return k
    .selectFrom('info_request_documents')
    .selectAll()
    .where('id', '=', id)
    .where('request_id', '=', requestId)
    .executeTakeFirst();
}
