/**
 * What the portal reads of government information: published, publicly disclosed records of a
 * county (主动公开 and 删减后公开), by column, catalog item, unit and the directory filters; the
 * detail page; attachments (downloads counted); feeds and the sitemap. 条例第二十四条: the platform
 * offers 检索、查阅、下载.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { Db } from '../platform/db.js';
import { NotFoundError } from '../platform/errors.js';
import { PUBLIC_ATTRIBUTES } from './model.js';
import { ARTICLE_20_ITEMS, ARTICLE_21_COUNTY, ARTICLE_21_TOWNSHIP, CHINESE_NUMERALS } from '../catalog/vocabulary.js';

const PUBLIC = [...PUBLIC_ATTRIBUTES];

/** Sub-columns of 法定主动公开内容 (条例第二十条 items and the 第二十一条 content). */
export const COLUMN_ITEMS: { key: string; label: string; short: string }[] = [
  ...ARTICLE_20_ITEMS.map((t, i) => ({
    key: `a20-${i + 1}`,
    label: `第二十条（${CHINESE_NUMERALS[i]}）${t}`,
    short: t,
  })),
  ...[...new Set([...ARTICLE_21_COUNTY, ...ARTICLE_21_TOWNSHIP])].map((t) => ({
    key: `a21-${t}`,
    label: `第二十一条：${t}`,
    short: t,
  })),
];
export const columnItemLabel = (key: string | null | undefined): string | null =>
  COLUMN_ITEMS.find((c) => c.key === key)?.label ?? null;

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

function filtered(k: Kysely<Database>, county: string, f: PublicFilter) {
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

/** A page of published records, newest first (keyset-friendly order: published_at, id). */
export async function listPublic(
  db: Db,
  county: string,
  f: PublicFilter = {},
): Promise<{ rows: PublicRow[]; page: number; hasNext: boolean }> {
  const size = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
  const page = Math.min(Math.max(f.page ?? 1, 1), 5000);
  const rows = await filtered(db.k, county, f)
    .select([...LIST_COLUMNS])
    .orderBy('info_records.published_at', 'desc')
    .orderBy('info_records.id', 'desc')
    .limit(size + 1)
    .offset((page - 1) * size)
    .execute();
  return { rows: rows.slice(0, size), page, hasNext: rows.length > size };
}

/** Exact number of records matching the directory filters. */
export async function countPublic(db: Db, county: string, f: PublicFilter = {}): Promise<number> {
  const r = await filtered(db.k, county, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Latest records of several sub-columns in one query (home and column pages; no N+1). */
export async function latestByColumnItem(
  db: Db,
  county: string,
  keys: string[],
  perItem: number,
): Promise<Map<string, PublicRow[]>> {
  const out = new Map<string, PublicRow[]>(keys.map((k) => [k, []]));
  if (!keys.length) return out;
  const rows = await db.k
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
  for (const r of rows) out.get(r.column_item as string)?.push(r as unknown as PublicRow);
  return out;
}

/** Published records under catalog items, grouped by item id (domain pages). */
export async function recordsByItems(
  db: Db,
  county: string,
  itemIds: number[],
  perItem = 5,
): Promise<Map<number, { rows: PublicRow[]; total: number }>> {
  const out = new Map<number, { rows: PublicRow[]; total: number }>();
  if (!itemIds.length) return out;
  const rows = await db.k
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
  for (const r of rows) {
    const e = out.get(r.catalog_item_id) ?? { rows: [], total: Number(r.total) };
    e.rows.push(r as unknown as PublicRow);
    out.set(r.catalog_item_id, e);
  }
  return out;
}

/** Published records of a county by genre (e.g. 通知公告 on the home page). */
export async function latestByGenres(db: Db, county: string, genres: string[], limit: number): Promise<PublicRow[]> {
  return db.k
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

/** The public detail of a record: published, or withdrawn with its public reason. */
export async function getPublic(db: Db, county: string, id: number) {
  const record = await db.k
    .selectFrom('info_records')
    .selectAll()
    .where('id', '=', id)
    .where('county_code', '=', county)
    .where('status', 'in', ['published', 'withdrawn'])
    .where('attribute', 'in', PUBLIC)
    .where('published_at', 'is not', null)
    .executeTakeFirst();
  if (!record) throw new NotFoundError('该信息不存在或尚未公开。');
  if (record.status === 'withdrawn')
    return {
      record,
      withdrawn: true as const,
      items: [],
      files: [],
      channels: [],
      interpretations: [],
      policy: undefined,
      versions: [],
    };
  const [items, files, channels, interpretations, versions] = await Promise.all([
    db.k
      .selectFrom('info_record_items')
      .select(['catalog_item_id', 'domain', 'label'])
      .where('record_id', '=', id)
      .orderBy('id')
      .execute(),
    db.k
      .selectFrom('info_record_files')
      .select(['id', 'name', 'mime', 'size', 'downloads'])
      .where('record_id', '=', id)
      .orderBy('sort_order')
      .execute(),
    db.k
      .selectFrom('info_record_channels')
      .select(['id', 'channel', 'used_on', 'link', 'file_id'])
      .where('record_id', '=', id)
      .orderBy('used_on')
      .execute(),
    db.k
      .selectFrom('info_records')
      .select(['id', 'title', 'interp_form'])
      .where('policy_id', '=', id)
      .where('status', '=', 'published')
      .orderBy('id')
      .execute(),
    db.k
      .selectFrom('info_record_versions')
      .select(['version', 'published_at', 'replaced_at', 'reason'])
      .where('record_id', '=', id)
      .orderBy('version', 'desc')
      .execute(),
  ]);
  const policy = record.policy_id
    ? await db.k
        .selectFrom('info_records')
        .select(['id', 'title'])
        .where('id', '=', record.policy_id)
        .where('status', '=', 'published')
        .executeTakeFirst()
    : undefined;
  return { record, withdrawn: false as const, items, files, channels, interpretations, policy, versions };
}

/** An attachment of a published record; the download is counted. */
export async function downloadPublic(db: Db, county: string, recordId: number, attachmentId: number) {
  const a = await db.k
    .selectFrom('info_record_files')
    .innerJoin('info_records', 'info_records.id', 'info_record_files.record_id')
    .innerJoin('files', 'files.id', 'info_record_files.file_id')
    .select(['info_record_files.id', 'info_record_files.name', 'info_record_files.mime', 'files.data'])
    .where('info_record_files.id', '=', attachmentId)
    .where('info_record_files.record_id', '=', recordId)
    .where('info_records.county_code', '=', county)
    .where('info_records.status', '=', 'published')
    .where('info_records.attribute', 'in', PUBLIC)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('该附件不存在。');
  await db.k.updateTable('info_record_files').set({ downloads: sql`downloads + 1` }).where('id', '=', a.id).execute();
  return { name: a.name, mime: a.mime, data: Buffer.from(a.data) };
}

/** A 公示栏 photo of a published record's channel. */
export async function channelPhoto(db: Db, county: string, recordId: number, channelId: number) {
  const a = await db.k
    .selectFrom('info_record_channels')
    .innerJoin('info_records', 'info_records.id', 'info_record_channels.record_id')
    .innerJoin('files', 'files.id', 'info_record_channels.file_id')
    .select(['files.name', 'files.mime', 'files.data'])
    .where('info_record_channels.id', '=', channelId)
    .where('info_record_channels.record_id', '=', recordId)
    .where('info_records.county_code', '=', county)
    .where('info_records.status', '=', 'published')
    .where('info_records.attribute', 'in', PUBLIC)
    .executeTakeFirst();
  if (!a) throw new NotFoundError('该照片不存在。');
  return { name: a.name, mime: a.mime, data: Buffer.from(a.data) };
}

/** Rows for the search results page: the records of the hits, in one query. */
export async function recordsByIds(db: Db, county: string, ids: number[]) {
  if (!ids.length) return new Map<number, PublicRow & { body_text: string }>();
  const rows = await db.k
    .selectFrom('info_records')
    .select([...LIST_COLUMNS, 'info_records.body_text'])
    .where('id', 'in', ids)
    .where('county_code', '=', county)
    .where('status', '=', 'published')
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Units that have published records (directory filter). */
export async function publishingUnits(db: Db, county: string) {
  return db.k
    .selectFrom('units')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select(['units.id', 'units.name'])
    .where('jurisdictions.code', 'like', `${county}%`)
    .where('units.active', '=', 1)
    .where('units.kind', '!=', 'village_committee')
    .orderBy('jurisdictions.code')
    .orderBy('units.sort_order')
    .execute();
}

/** Sitemap rows of an id range [from, to). */
export async function sitemapRows(db: Db, county: string, from: number, to: number) {
  return db.k
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

/** The highest record id of a county (sitemap files cover fixed id ranges). */
export async function maxRecordId(db: Db, county: string): Promise<number> {
  const r = await db.k
    .selectFrom('info_records')
    .select((eb) => eb.fn.max('id').as('m'))
    .where('county_code', '=', county)
    .executeTakeFirst();
  return Number(r?.m ?? 0);
}
