/** What the search index is built from: the records' searchable fields, by id or in id batches. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

const FIELDS = [
  'id',
  'unit_id',
  'title',
  'body_text',
  'summary',
  'keywords',
  'doc_number',
  'index_no',
  'status',
  'attribute',
  'published_on',
  'subject',
  'genre',
  'column_slug',
] as const;

const rows = (k: K) => k.selectFrom('info_records').select(FIELDS);
export type SearchSource = Awaited<ReturnType<ReturnType<typeof rows>['executeTakeFirstOrThrow']>>;

export async function searchSource(k: K, id: number): Promise<SearchSource | undefined> {
  return rows(k).where('id', '=', id).executeTakeFirst();
}

/** Up to `limit` records with ids above `after`, in id order. */
export async function searchSources(k: K, after: number, limit: number): Promise<SearchSource[]> {
  return rows(k).where('id', '>', after).orderBy('id').limit(limit).execute();
}

/** Which of these ids are records (the others no longer exist). */
export async function existingRecordIds(k: K, ids: readonly number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const found = await k
    .selectFrom('info_records')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(found.map((r) => r.id));
}

/** How many records there are (published or not). */
export async function countRecords(k: K): Promise<number> {
  const r = await k
    .selectFrom('info_records')
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
