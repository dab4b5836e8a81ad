/** Keeps the search index in step with what the portal shows: published, publicly disclosed records only. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/schema.js';
import { indexDoc, indexMany, optimizeIndex, removeDoc, type SearchDoc } from '../platform/search/index.js';
import type { Db } from '../platform/db.js';
import { PUBLIC_ATTRIBUTES, type Attribute } from './model.js';

type K = Kysely<Database> | Transaction<Database>;

export const SEARCH_TYPE = 'info_record';

const FIELDS = [
  'info_records.id',
  'info_records.unit_id',
  'info_records.title',
  'info_records.body_text',
  'info_records.summary',
  'info_records.keywords',
  'info_records.doc_number',
  'info_records.index_no',
  'info_records.status',
  'info_records.attribute',
  'info_records.published_on',
  'info_records.subject',
  'info_records.genre',
  'info_records.column_slug',
  'jurisdictions.code as jurisdiction_code',
] as const;

const recordRows = (k: K) =>
  k
    .selectFrom('info_records')
    .innerJoin('units', 'units.id', 'info_records.unit_id')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select(FIELDS);

type RecordRow = Awaited<ReturnType<ReturnType<typeof recordRows>['executeTakeFirstOrThrow']>>;

/** The search document of a record the portal shows, or null when the portal does not show it. */
function docOf(r: RecordRow, fileTexts: (string | null)[]): SearchDoc | null {
  if (r.status !== 'published' || !PUBLIC_ATTRIBUTES.includes(r.attribute as Attribute) || !r.published_on) return null;
  return {
    objectType: SEARCH_TYPE,
    objectId: r.id,
    jurisdictionCode: r.jurisdiction_code,
    unitId: r.unit_id,
    title: r.title,
    // The metadata people search by (文号, 索引号, 关键词, 内容概述) is searchable with the body.
    body: [r.doc_number, r.index_no, r.keywords, r.summary, r.body_text].filter(Boolean).join('\n'),
    attachmentText: fileTexts.filter(Boolean).join('\n'),
    publishedOn: r.published_on,
    subject: r.subject,
    genre: r.genre,
    attribute: r.attribute,
    columnSlug: r.column_slug,
  };
}

/** Index (or remove from the index) one record, inside the caller's transaction. */
export async function indexRecord(k: K, id: number): Promise<void> {
  const r = await recordRows(k).where('info_records.id', '=', id).executeTakeFirst();
  const files = r
    ? await k.selectFrom('info_record_files').select('text').where('record_id', '=', id).orderBy('sort_order').execute()
    : [];
  const doc = r
    ? docOf(
        r,
        files.map((f) => f.text),
      )
    : null;
  if (doc) await indexDoc(k, doc);
  else await removeDoc(k, SEARCH_TYPE, id);
}

export interface ReindexResult {
  /** Records in the index afterwards (published, publicly disclosed). */
  indexed: number;
  /** Index entries removed: records the portal does not show, or that no longer exist. */
  removed: number;
}

/**
 * Rebuild the records' part of the search index from the records themselves: after restoring a
 * backup, or when an index is suspected of having drifted. Batches of `batch` records, each in
 * its own transaction (the index is consistent after every batch); searches keep working meanwhile.
 */
export async function reindexRecords(
  db: Db,
  opts: { batch?: number; progress?: (done: number) => void } = {},
): Promise<ReindexResult> {
  const batch = opts.batch ?? 1000;
  let indexed = 0;
  let removed = 0;
  let done = 0;
  for (let after = 0; ; ) {
    const rows = await recordRows(db.k)
      .where('info_records.id', '>', after)
      .orderBy('info_records.id')
      .limit(batch)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    await db.k.transaction().execute(async (t) => {
      const ids = rows.map((r) => r.id);
      const files = await t
        .selectFrom('info_record_files')
        .select(['record_id', 'text'])
        .where('record_id', 'in', ids)
        .orderBy('record_id')
        .orderBy('sort_order')
        .execute();
      const textsOf = new Map<number, (string | null)[]>();
      for (const f of files) textsOf.set(f.record_id, [...(textsOf.get(f.record_id) ?? []), f.text]);
      const docs: SearchDoc[] = [];
      const hidden: number[] = [];
      for (const r of rows) {
        const doc = docOf(r, textsOf.get(r.id) ?? []);
        if (doc) docs.push(doc);
        else hidden.push(r.id);
      }
      await indexMany(t, docs);
      indexed += docs.length;
      const stale = hidden.length
        ? await t
            .selectFrom('search_docs')
            .select('object_id')
            .where('object_type', '=', SEARCH_TYPE)
            .where('object_id', 'in', hidden)
            .execute()
        : [];
      for (const s of stale) await removeDoc(t, SEARCH_TYPE, s.object_id);
      removed += stale.length;
    });
    done += rows.length;
    opts.progress?.(done);
  }
  // Entries whose record no longer exists (records are never deleted, but an index can outlive a restore).
  const orphans = await db.k
    .selectFrom('search_docs')
    .select('object_id')
    .where('object_type', '=', SEARCH_TYPE)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('info_records')
            .select('info_records.id')
            .whereRef('info_records.id', '=', 'search_docs.object_id'),
        ),
      ),
    )
    .execute();
  if (orphans.length) {
    await db.k.transaction().execute(async (t) => {
      for (const o of orphans) await removeDoc(t, SEARCH_TYPE, o.object_id);
    });
  }
  removed += orphans.length;
  await optimizeIndex(db.k);
  return { indexed, removed };
}

/** How many records there are (published or not), for the reindex progress. */
export async function countRecords(k: K): Promise<number> {
  const r = await k
    .selectFrom('info_records')
    .select((e) => e.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
