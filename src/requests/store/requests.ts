/** Queries of `info_requests`: the requests themselves (only the store queries the module's tables). */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../../platform/schema.js';
import type { InfoRequestTable } from '../tables.js';

type K = Kysely<Database> | Transaction<Database>;

export type RequestRow = Selectable<InfoRequestTable>;
export type RequestPatch = Updateable<InfoRequestTable>;

export async function findRequest(k: K, id: number): Promise<RequestRow | undefined> {
  return k.selectFrom('info_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What the applicant's status page needs of a request, by its number. */
export async function findRequestByNumber(k: K, number: string) {
  return k
    .selectFrom('info_requests')
    .select([
      'id',
      'number',
      'query_code_hash',
      'jurisdiction_id',
      'unit_id',
      'status',
      'received_on',
      'submitted_at',
      'channel',
      'replied_on',
    ])
    .where('number', '=', number)
    .executeTakeFirst();
}

/** The highest request number with a prefix (county code and year), if any. */
export async function lastNumberWith(k: K, prefix: string): Promise<string | undefined> {
  const last = await k
    .selectFrom('info_requests')
    .select('number')
    .where('number', 'like', `${prefix}%`)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last?.number;
}

/** A request with the same dedupe key created since a time (a resubmission). */
export async function findDuplicate(k: K, dedupeKey: string, since: string) {
  return k
    .selectFrom('info_requests')
    .select(['id', 'number', 'status', 'received_on', 'intake_missing'])
    .where('dedupe_key', '=', dedupeKey)
    .where('created_at', '>=', since)
    .executeTakeFirst();
}

export async function insertRequest(k: K, row: Insertable<InfoRequestTable>): Promise<number> {
  const r = await k.insertInto('info_requests').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Change a request, but only from the status it was checked against: false when another step got
 * there first (the caller turns that into a conflict).
 */
export async function updateRequestFrom(k: K, id: number, fromStatus: string, patch: RequestPatch): Promise<boolean> {
  const u = await k
    .updateTable('info_requests')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', fromStatus)
    .executeTakeFirst();
  return Number(u.numUpdatedRows) === 1;
}

/** The newest requests (of some units, or all), for the work queue. */
export async function latestRequests(k: K, unitIds: readonly number[] | 'all', limit: number) {
  if (unitIds !== 'all' && unitIds.length === 0) return [];
  let q = k
    .selectFrom('info_requests')
    .select([
      'id',
      'number',
      'unit_id',
      'name',
      'channel',
      'status',
      'received_on',
      'jurisdiction_id',
      'intake_missing',
      'correction_count',
    ]);
  if (unitIds !== 'all') q = q.where('unit_id', 'in', [...unitIds]);
  return q.orderBy('id', 'desc').limit(limit).execute();
}

/** Who counts as the same applicant (109号第四条): the identity number, else the name with the same contacts. */
export interface SameApplicant {
  id_number: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** How many requests of the same applicant were received from `from` up to (not including) `before`. */
export async function countReceivedBetween(k: K, a: SameApplicant, from: string, before: string): Promise<number> {
  const r = await k
    .selectFrom('info_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) =>
      a.id_number
        ? eb('id_number', '=', a.id_number)
        : eb.and([
            eb('name', '=', a.name),
            ...(['phone', 'email', 'address'] as const).map((c) => eb(eb.fn.coalesce(c, eb.val('')), '=', a[c] ?? '')),
          ]),
    )
    .where('received_on', '>=', from)
    .where('received_on', '<', before)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
