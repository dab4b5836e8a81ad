/**
 * The attachments of a record (info_record_files: name, type, extracted text, downloads; the bytes
 * are platform files) and the other channels it was disclosed through (info_record_channels).
 */
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';
import type { InfoRecordChannelTable, InfoRecordFileTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

export async function insertAttachment(k: K, row: Insertable<InfoRecordFileTable>): Promise<void> {
  await k.insertInto('info_record_files').values(row).execute();
}

/** The attachments of a record in their order. */
export async function attachmentsOf(k: K, recordId: number) {
  return k
    .selectFrom('info_record_files')
    .select(['id', 'name', 'mime', 'size', 'downloads'])
    .where('record_id', '=', recordId)
    .orderBy('sort_order')
    .execute();
}

export async function attachmentSortOrders(k: K, recordId: number): Promise<number[]> {
  const rows = await k.selectFrom('info_record_files').select('sort_order').where('record_id', '=', recordId).execute();
  return rows.map((r) => r.sort_order);
}

/** The names of a record's attachments in their order (kept in a version snapshot). */
export async function attachmentNames(k: K, recordId: number): Promise<string[]> {
  const rows = await k
    .selectFrom('info_record_files')
    .select('name')
    .where('record_id', '=', recordId)
    .orderBy('sort_order')
    .execute();
  return rows.map((r) => r.name);
}

/** The platform files holding a record's attachments. */
export async function attachmentFileIds(k: K, recordId: number): Promise<number[]> {
  const rows = await k.selectFrom('info_record_files').select('file_id').where('record_id', '=', recordId).execute();
  return rows.map((r) => r.file_id);
}

export async function findAttachment(k: K, recordId: number, attachmentId: number) {
  return k
    .selectFrom('info_record_files')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('record_id', '=', recordId)
    .executeTakeFirst();
}

export async function deleteAttachment(k: K, attachmentId: number): Promise<void> {
  await k.deleteFrom('info_record_files').where('id', '=', attachmentId).execute();
}

export async function countDownload(k: K, attachmentId: number): Promise<void> {
  await k
    .updateTable('info_record_files')
    .set({ downloads: sql`downloads + 1` })
    .where('id', '=', attachmentId)
    .execute();
}

/** The extracted texts of the attachments of several records, by record, in their order (search). */
export async function attachmentTexts(k: K, recordIds: readonly number[]): Promise<Map<number, (string | null)[]>> {
  const out = new Map<number, (string | null)[]>();
  if (!recordIds.length) return out;
  const rows = await k
    .selectFrom('info_record_files')
    .select(['record_id', 'text'])
    .where('record_id', 'in', [...recordIds])
    .orderBy('record_id')
    .orderBy('sort_order')
    .execute();
  for (const f of rows) out.set(f.record_id, [...(out.get(f.record_id) ?? []), f.text]);
  return out;
}

export async function insertChannel(k: K, row: Insertable<InfoRecordChannelTable>): Promise<void> {
  await k.insertInto('info_record_channels').values(row).execute();
}

/** The channels of a record by date of use. */
export async function channelsOf(k: K, recordId: number) {
  return k
    .selectFrom('info_record_channels')
    .selectAll()
    .where('record_id', '=', recordId)
    .orderBy('used_on')
    .execute();
}

/** The channels of a record as the portal shows them. */
export async function publicChannelsOf(k: K, recordId: number) {
  return k
    .selectFrom('info_record_channels')
    .select(['id', 'channel', 'used_on', 'link', 'file_id'])
    .where('record_id', '=', recordId)
    .orderBy('used_on')
    .execute();
}
