/**
 * The portal's queries: published, publicly disclosed records of a county (主动公开 and 删减后公开)
 * by column, catalog item, unit and the directory filters; the detail; attachments and channel
 * photos of published records; the sitemap's id ranges.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';
import { PUBLIC_ATTRIBUTES } from '../model.js';

type K = Kysely<Database> | Transaction<Database>;

const PUBLIC = [...PUBLIC_ATTRIBUTES];

export interface PublicFilter {
  columnSlug?: string;
  columnItem?: string;
  unitId?: number;
  /** 主题分类: a first level matches everything under it. */
  subject?: string;
  genre?: string;
  year?: number;
  attribute?: string;
  itemId?: number;
  page?: number;
  pageSize?: number;
}

export interface PublicRow {
  id: number;
  title: string;
  index_no: string;
  publisher: string;
  doc_number: string | null;
  published_on: string | null;
  published_at: string | null;
  subject: string;
  genre: string;
  summary: string;
  validity: string;
}

const LIST_COLUMNS = [
  'info_records.id',
  'info_records.title',
  'info_records.index_no',
  'info_records.publisher',
  'info_records.doc_number',
  'info_records.published_on',
  'info_records.published_at',
  'info_records.subject',
  'info_records.genre',
  'info_records.summary',
  'info_records.validity',
] as const;

function filtered(k: K, county: string, f: PublicFilter) {
  let q = k
    .selectFrom('info_records')
    .where('info_records.county_code', '=', county)
    .where('info_records.status', '=', 'published');
  if (f.attribute && PUBLIC.includes(f.attribute as never)) q = q.where('info_records.attribute', '=', f.attribute);
  else q = q.where('info_records.attribute', 'in', PUBLIC);
  if (f.columnSlug) q = q.where('info_records.column_slug', '=', f.columnSlug);
  if (f.columnItem) q = q.where('info_records.column_item', '=', f.columnItem);
  if (f.unitId) q = q.where('info_records.unit_id', '=', f.unitId);
  // A first level covers its second levels ('一级\\二级'): a range instead of LIKE, whose escaping differs between the databases.
  if (f.subject)
    q = q.where((eb) =>
      eb.or([
        eb('info_records.subject', '=', f.subject!),
        eb.and([
          eb('info_records.subject', '>=', `${f.subject!}\\`),
          eb('info_records.subject', '<', `${f.subject!}]`),
        ]),
      ]),
    );
  if (f.genre) q = q.where('info_records.genre', '=', f.genre);
  if (f.year)
    q = q
      .where('info_records.published_on', '>=', `${f.year}-01-01`)
      .where('info_records.published_on', '<=', `${f.year}-12-31`);
  if (f.itemId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('info_record_items')
          .select('info_record_items.id')
          .whereRef('info_record_items.record_id', '=', 'info_records.id')
          .where('info_record_items.catalog_item_id', '=', f.itemId!),
      ),
    );
  return q;
}

/** Rows of the filtered list, newest first (keyset-friendly order: published_at, id). */
export async function publicRows(k: K, county: string, f: PublicFilter, offset: number, limit: number) {
  return filtered(k, county, f)
    .select([...LIST_COLUMNS])
    .orderBy('info_records.published_at', 'desc')
    .orderBy('info_records.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
}

/** Exact number of records matching the filters. */
export async function countPublicRows(k: K, county: string, f: PublicFilter): Promise<number> {
  const r = await filtered(k, county, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Latest records of several sub-columns of 法定主动公开内容 in one query. */
export async function latestByColumnItemRows(k: K, county: string, keys: string[], perItem: number) {
  return k
    .with('ranked', (qb) =>
      qb
        .selectFrom('info_records')
        .select([
          ...LIST_COLUMNS,
          'info_records.column_item',
          sql<number>`row_number() over (partition by info_records.column_item order by info_records.published_at desc, info_records.id desc)`.as(
            'rn',
          ),
        ])
        .where('info_records.county_code', '=', county)
        .where('info_records.status', '=', 'published')
        .where('info_records.attribute', 'in', PUBLIC)
        .where('info_records.column_slug', '=', 'fdzdgknr')
        .where('info_records.column_item', 'in', keys),
    )
    .selectFrom('ranked')
    .selectAll()
    .where('rn', '<=', perItem)
    .orderBy('column_item')
    .orderBy('rn')
    .execute();
}

/** Published records under catalog items, the newest `perItem` of each with the item's total. */
export async function recordsByItemsRows(k: K, county: string, itemIds: number[], perItem: number) {
  return k
    .with('ranked', (qb) =>
      qb
        .selectFrom('info_record_items')
        .innerJoin('info_records', 'info_records.id', 'info_record_items.record_id')
        .select([
          ...LIST_COLUMNS,
          'info_record_items.catalog_item_id',
          sql<number>`row_number() over (partition by info_record_items.catalog_item_id order by info_records.published_at desc, info_records.id desc)`.as(
            'rn',
          ),
          sql<number>`count(*) over (partition by info_record_items.catalog_item_id)`.as('total'),
        ])
        .where('info_record_items.catalog_item_id', 'in', itemIds)
        .where('info_records.county_code', '=', county)
        .where('info_records.status', '=', 'published')
        .where('info_records.attribute', 'in', PUBLIC),
    )
    .selectFrom('ranked')
    .selectAll()
    .where('rn', '<=', perItem)
    .orderBy('catalog_item_id')
    .orderBy('rn')
    .execute();
}

/** Published records of a county by genre. */
export async function latestByGenresRows(k: K, county: string, genres: string[], limit: number): Promise<PublicRow[]> {
  return k
    .selectFrom('info_records')
    .select([...LIST_COLUMNS])
    .where('county_code', '=', county)
    .where('status', '=', 'published')
    .where('attribute', 'in', PUBLIC)
    .where('genre', 'in', genres)
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** A record the portal may show: published, or withdrawn after publication. */
export async function publicRecord(k: K, county: string, id: number) {
  return k
    .selectFrom('info_records')
    .selectAll()
    .where('id', '=', id)
    .where('county_code', '=', county)
    .where('status', 'in', ['published', 'withdrawn'])
    .where('attribute', 'in', PUBLIC)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
}

/** The published interpretations of a policy. */
export async function publishedInterpretationsOf(k: K, policyId: number) {
  return k
    .selectFrom('info_records')
    .select(['id', 'title', 'interp_form'])
    .where('policy_id', '=', policyId)
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
}

/** A published record by id (an interpretation's policy). */
export async function publishedTitle(k: K, id: number) {
  return k
    .selectFrom('info_records')
    .select(['id', 'title'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
}

/** An attachment of a published, publicly disclosed record of the county. */
export async function publicAttachment(k: K, county: string, recordId: number, attachmentId: number) {
  return k
    .selectFrom('info_record_files')
    .innerJoin('info_records', 'info_records.id', 'info_record_files.record_id')
    .select(['info_record_files.id', 'info_record_files.name', 'info_record_files.mime', 'info_record_files.file_id'])
    .where('info_record_files.id', '=', attachmentId)
    .where('info_record_files.record_id', '=', recordId)
    .where('info_records.county_code', '=', county)
    .where('info_records.status', '=', 'published')
    .where('info_records.attribute', 'in', PUBLIC)
    .executeTakeFirst();
}

/** A channel of a published, publicly disclosed record of the county. */
export async function publicChannel(k: K, county: string, recordId: number, channelId: number) {
  return k
    .selectFrom('info_record_channels')
    .innerJoin('info_records', 'info_records.id', 'info_record_channels.record_id')
    .select(['info_record_channels.id', 'info_record_channels.file_id'])
    .where('info_record_channels.id', '=', channelId)
    .where('info_record_channels.record_id', '=', recordId)
    .where('info_records.county_code', '=', county)
    .where('info_records.status', '=', 'published')
    .where('info_records.attribute', 'in', PUBLIC)
    .executeTakeFirst();
}

/** Published records of a county by id, with their text (search results). */
export async function publishedByIds(k: K, county: string, ids: number[]) {
  return k
    .selectFrom('info_records')
    .select([...LIST_COLUMNS, 'info_records.body_text'])
    .where('id', 'in', ids)
    .where('county_code', '=', county)
    .where('status', '=', 'published')
    .execute();
}

/** Sitemap rows of an id range [from, to). */
export async function sitemapRows(k: K, county: string, from: number, to: number) {
  return k
    .selectFrom('info_records')
    .select(['id', 'published_at'])
    .where('id', '>=', from)
    .where('id', '<', to)
    .where('county_code', '=', county)
    .where('status', '=', 'published')
    .where('attribute', 'in', PUBLIC)
    .orderBy('id')
    .execute();
}

/** The highest record id of a county. */
export async function maxRecordId(k: K, county: string): Promise<number> {
  const r = await k
    .selectFrom('info_records')
    .select((eb) => eb.fn.max('id').as('m'))
    .where('county_code', '=', county)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}
