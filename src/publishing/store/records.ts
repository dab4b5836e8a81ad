/** The rows of info_records (and the 索引号 counters): reads and writes by id, policy and status. */
import { type Insertable, type Kysely, type Selectable, sql, type Transaction, type Updateable } from 'kysely';
import type { Database } from '../../platform/schema.js';
import type { InfoRecordTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;
export type RecordRow = Selectable<InfoRecordTable>;

export async function findRecord(k: K, id: number): Promise<RecordRow | undefined> {
  return k.selectFrom('info_records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a 政策解读 needs to know of its policy. */
export async function findPolicy(k: K, id: number) {
  return k
    .selectFrom('info_records')
    .select(['id', 'unit_id', 'kind', 'county_code', 'status', 'published_on', 'due_on'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The policy of an interpretation as the record page links it. */
export async function policySummary(k: K, id: number) {
  return k.selectFrom('info_records').select(['id', 'title', 'status']).where('id', '=', id).executeTakeFirst();
}

/** The interpretations of a policy, for its record page. */
export async function interpretationsOf(k: K, policyId: number) {
  return k
    .selectFrom('info_records')
    .select(['id', 'title', 'status', 'interp_form', 'due_on', 'published_on'])
    .where('policy_id', '=', policyId)
    .orderBy('id')
    .execute();
}

/** The first interpretation of a policy in one of the statuses (any status when none are given). */
export async function anyInterpretation(k: K, policyId: number, statuses?: readonly string[]) {
  let q = k.selectFrom('info_records').select('id').where('policy_id', '=', policyId);
  if (statuses) q = q.where('status', 'in', [...statuses]);
  return q.executeTakeFirst();
}

/** The interpretations of a policy in one of the statuses, whole rows. */
export async function interpretationsIn(k: K, policyId: number, statuses: readonly string[]): Promise<RecordRow[]> {
  return k
    .selectFrom('info_records')
    .selectAll()
    .where('policy_id', '=', policyId)
    .where('status', 'in', [...statuses])
    .execute();
}

/** Change the interpretations of a policy that are in one of the statuses. */
export async function updateInterpretations(
  k: K,
  policyId: number,
  statuses: readonly string[],
  set: Updateable<InfoRecordTable>,
): Promise<void> {
  await k
    .updateTable('info_records')
    .set(set)
    .where('policy_id', '=', policyId)
    .where('status', 'in', [...statuses])
    .execute();
}

/** The record that uses a 索引号 (other than `exceptId`). */
export async function recordWithIndexNo(k: K, indexNo: string, exceptId: number | null = null) {
  let q = k.selectFrom('info_records').select(['id', 'title']).where('index_no', '=', indexNo);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** The next serial of a unit's 索引号 in a year, from a counter that is never decremented. */
export async function nextIndexSerial(k: K, unitId: number, year: number): Promise<number> {
  const r = await k
    .insertInto('index_serials')
    .values({ unit_id: unitId, year, last: 1 })
    .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet({ last: sql<number>`index_serials.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return r.last;
}

export async function insertRecord(k: K, row: Insertable<InfoRecordTable>): Promise<number> {
  const r = await k.insertInto('info_records').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRecord(k: K, id: number, set: Updateable<InfoRecordTable>): Promise<void> {
  await k.updateTable('info_records').set(set).where('id', '=', id).execute();
}

/** Delete a draft with its items, attachments, channels, events and versions (the files are the caller's). */
export async function deleteRecordRows(k: K, id: number): Promise<void> {
  for (const t of [
    'info_record_files',
    'info_record_items',
    'info_record_channels',
    'info_record_events',
    'info_record_versions',
  ] as const)
    await k.deleteFrom(t).where('record_id', '=', id).execute();
  await k.deleteFrom('info_records').where('id', '=', id).execute();
}

/** Scheduled records whose time has come, oldest first as stored. */
export async function scheduledBefore(k: K, atIso: string, limit: number): Promise<RecordRow[]> {
  return k
    .selectFrom('info_records')
    .selectAll()
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', atIso)
    .limit(limit)
    .execute();
}

/**
 * Claim a scheduled record for publication with a conditional update: when several app servers
 * run the job, the row lock makes the others see it no longer scheduled. True when this caller won.
 */
export async function claimScheduled(k: K, id: number, atIso: string): Promise<boolean> {
  const claimed = await k
    .updateTable('info_records')
    .set({ status: 'approved' })
    .where('id', '=', id)
    .where('status', '=', 'scheduled')
    .where('scheduled_at', '<=', atIso)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** The information of a unit declared 失效 or 废止 within a year (the 清理结果). */
export async function retiredInYear(k: K, unitId: number, year: number) {
  return k
    .selectFrom('info_records')
    .select(['title', 'doc_number', 'validity', 'validity_on', 'index_no'])
    .where('unit_id', '=', unitId)
    .where('validity', 'in', ['expired', 'repealed'])
    .where('validity_on', '>=', `${year}-01-01`)
    .where('validity_on', '<=', `${year}-12-31`)
    .orderBy('validity_on')
    .execute();
}
