/** Keeps the search index in step with what the portal shows: published, publicly disclosed records only. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/schema.js';
import { indexDoc, removeDoc } from '../platform/search/index.js';
import { PUBLIC_ATTRIBUTES, type Attribute } from './model.js';

type K = Kysely<Database> | Transaction<Database>;

export const SEARCH_TYPE = 'info_record';

/** Index (or remove from the index) one record, inside the caller's transaction. */
export async function indexRecord(k: K, id: number): Promise<void> {
  const r = await k.selectFrom('info_records').innerJoin('units', 'units.id', 'info_records.unit_id').innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select(['info_records.id', 'info_records.unit_id', 'info_records.title', 'info_records.body_text', 'info_records.summary', 'info_records.keywords', 'info_records.doc_number', 'info_records.index_no', 'info_records.status', 'info_records.attribute', 'info_records.published_on', 'info_records.subject', 'info_records.genre', 'info_records.column_slug', 'jurisdictions.code as jurisdiction_code'])
    .where('info_records.id', '=', id).executeTakeFirst();
  if (!r || r.status !== 'published' || !PUBLIC_ATTRIBUTES.includes(r.attribute as Attribute) || !r.published_on) {
    await removeDoc(k, SEARCH_TYPE, id);
    return;
  }
  const files = await k.selectFrom('info_record_files').select('text').where('record_id', '=', id).orderBy('sort_order').execute();
  await indexDoc(k, {
    objectType: SEARCH_TYPE,
    objectId: r.id,
    jurisdictionCode: r.jurisdiction_code,
    unitId: r.unit_id,
    title: r.title,
    // The metadata people search by (文号, 索引号, 关键词, 内容概述) is searchable with the body.
    body: [r.doc_number, r.index_no, r.keywords, r.summary, r.body_text].filter(Boolean).join('\n'),
    attachmentText: files.map((f) => f.text).filter(Boolean).join('\n'),
    publishedOn: r.published_on,
    subject: r.subject,
    genre: r.genre,
    attribute: r.attribute,
    columnSlug: r.column_slug,
  });
}
