/**
 * Keeps the search index in step with what the portal shows: published, publicly disclosed records
 * only. `indexRecord` runs inline on the records' domain events (index.ts), in the transaction that
 * published or withdrew the record; `reindexRecords` rebuilds the index from the records.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../platform/db.js';
import type { Database } from '../platform/schema.js';
import {
  indexDoc,
  indexedObjectIds,
  indexMany,
  optimizeIndex,
  removeDoc,
  type SearchDoc,
} from '../platform/search/index.js';
import { unitsByIds } from '../org/api.js';
import { type Attribute, PUBLIC_ATTRIBUTES } from './model.js';
import { attachmentTexts } from './store/files.js';
import * as store from './store/search.js';

type K = Kysely<Database> | Transaction<Database>;

export const SEARCH_TYPE = 'info_record';

/** The search document of a record the portal shows, or null when the portal does not show it. */
function docOf(r: store.SearchSource, jurisdictionCode: string, fileTexts: (string | null)[]): SearchDoc | null {
  if (r.status !== 'published' || !PUBLIC_ATTRIBUTES.includes(r.attribute as Attribute) || !r.published_on) return null;
  return {
    objectType: SEARCH_TYPE,
    objectId: r.id,
    jurisdictionCode,
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
  const r = await store.searchSource(k, id);
  const unit = r ? (await unitsByIds(k, [r.unit_id])).get(r.unit_id) : undefined;
  const doc = r && unit ? docOf(r, unit.jurisdiction_code, (await attachmentTexts(k, [id])).get(id) ?? []) : null;
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
    const rows = await store.searchSources(db.k, after, batch);
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    await db.k.transaction().execute(async (t) => {
      const ids = rows.map((r) => r.id);
      const textsOf = await attachmentTexts(t, ids);
      const units = await unitsByIds(
        t,
        rows.map((r) => r.unit_id),
      );
      const docs: SearchDoc[] = [];
      const hidden: number[] = [];
      for (const r of rows) {
        const unit = units.get(r.unit_id);
        const doc = unit ? docOf(r, unit.jurisdiction_code, textsOf.get(r.id) ?? []) : null;
        if (doc) docs.push(doc);
        else hidden.push(r.id);
      }
      await indexMany(t, docs);
      indexed += docs.length;
      const stale = await indexedObjectIds(t, SEARCH_TYPE, { among: hidden, limit: hidden.length });
      for (const s of stale) await removeDoc(t, SEARCH_TYPE, s);
      removed += stale.length;
    });
    done += rows.length;
    opts.progress?.(done);
  }
  // Entries whose record no longer exists (records are never deleted, but an index can outlive a restore).
  const orphans: number[] = [];
  for (let after = 0; ; ) {
    const ids = await indexedObjectIds(db.k, SEARCH_TYPE, { after, limit: batch });
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    const existing = await store.existingRecordIds(db.k, ids);
    orphans.push(...ids.filter((id) => !existing.has(id)));
  }
  if (orphans.length) {
    await db.k.transaction().execute(async (t) => {
      for (const o of orphans) await removeDoc(t, SEARCH_TYPE, o);
    });
  }
  removed += orphans.length;
  await optimizeIndex(db.k);
  return { indexed, removed };
}

/** How many records there are (published or not), for the reindex progress. */
export const countRecords = (k: K): Promise<number> => store.countRecords(k);
