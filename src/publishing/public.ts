/**
 * What the portal reads of government information: published, publicly disclosed records of a
 * county (主动公开 and 删减后公开), by column, catalog item, unit and the directory filters; the
 * detail page; attachments (downloads counted); search; feeds and the sitemap. 条例第二十四条: the
 * platform offers 检索、查阅、下载.
 */
import type { Db } from '../platform/db.js';
import { NotFoundError } from '../platform/errors.js';
import { getFile } from '../platform/files.js';
import { search, type SearchResult } from '../platform/search/index.js';
import { ARTICLE_20_ITEMS, ARTICLE_21_COUNTY, ARTICLE_21_TOWNSHIP, CHINESE_NUMERALS } from '../catalog/vocabulary.js';
import { unitsUnder } from '../org/api.js';
import { SEARCH_TYPE } from './search.js';
import { attachmentsOf, countDownload, publicChannelsOf } from './store/files.js';
import { versionsOf } from './store/history.js';
import { itemLabel, publicItemsOf } from './store/items.js';
import * as store from './store/portal.js';
import type { PublicFilter, PublicRow } from './store/portal.js';

export type { PublicFilter, PublicRow };

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

/** A page of published records, newest first (keyset-friendly order: published_at, id). */
export async function listPublic(
  db: Db,
  county: string,
  f: PublicFilter = {},
): Promise<{ rows: PublicRow[]; page: number; hasNext: boolean }> {
  const size = Math.min(Math.max(f.pageSize ?? 20, 1), 100);
  const page = Math.min(Math.max(f.page ?? 1, 1), 5000);
  const rows = await store.publicRows(db.k, county, f, (page - 1) * size, size + 1);
  return { rows: rows.slice(0, size), page, hasNext: rows.length > size };
}

/** Exact number of records matching the directory filters. */
export const countPublic = (db: Db, county: string, f: PublicFilter = {}): Promise<number> =>
  store.countPublicRows(db.k, county, f);

/** Latest records of several sub-columns in one query (home and column pages; no N+1). */
export async function latestByColumnItem(
  db: Db,
  county: string,
  keys: string[],
  perItem: number,
): Promise<Map<string, PublicRow[]>> {
  const out = new Map<string, PublicRow[]>(keys.map((k) => [k, []]));
  if (!keys.length) return out;
  const rows = await store.latestByColumnItemRows(db.k, county, keys, perItem);
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
  const rows = await store.recordsByItemsRows(db.k, county, itemIds, perItem);
  for (const r of rows) {
    const e = out.get(r.catalog_item_id) ?? { rows: [], total: Number(r.total) };
    e.rows.push(r as unknown as PublicRow);
    out.set(r.catalog_item_id, e);
  }
  return out;
}

/** Published records of a county by genre (e.g. 通知公告 on the home page). */
export const latestByGenres = (db: Db, county: string, genres: string[], limit: number): Promise<PublicRow[]> =>
  store.latestByGenresRows(db.k, county, genres, limit);

/** The public detail of a record: published, or withdrawn with its public reason. */
export async function getPublic(db: Db, county: string, id: number) {
  const record = await store.publicRecord(db.k, county, id);
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
    publicItemsOf(db.k, id),
    attachmentsOf(db.k, id),
    publicChannelsOf(db.k, id),
    store.publishedInterpretationsOf(db.k, id),
    versionsOf(db.k, id),
  ]);
  const policy = record.policy_id ? await store.publishedTitle(db.k, record.policy_id) : undefined;
  return { record, withdrawn: false as const, items, files, channels, interpretations, policy, versions };
}
export type PublicDetail = Awaited<ReturnType<typeof getPublic>>;

/** An attachment of a published record; the download is counted. */
export async function downloadPublic(db: Db, county: string, recordId: number, attachmentId: number) {
  const a = await store.publicAttachment(db.k, county, recordId, attachmentId);
  const f = a ? await getFile(db.k, 'info_record', recordId, a.file_id) : undefined;
  if (!a || !f) throw new NotFoundError('该附件不存在。');
  await countDownload(db.k, a.id);
  return { name: a.name, mime: a.mime, data: Buffer.from(f.data) };
}

/** A 公示栏 photo of a published record's channel. */
export async function channelPhoto(db: Db, county: string, recordId: number, channelId: number) {
  const ch = await store.publicChannel(db.k, county, recordId, channelId);
  const f = ch?.file_id != null ? await getFile(db.k, 'info_record_channel', recordId, ch.file_id) : undefined;
  if (!f) throw new NotFoundError('该照片不存在。');
  return { name: f.name, mime: f.mime, data: Buffer.from(f.data) };
}

/** Rows for the search results page: the records of the hits, in one query. */
export async function recordsByIds(db: Db, county: string, ids: number[]) {
  if (!ids.length) return new Map<number, PublicRow & { body_text: string }>();
  const rows = await store.publishedByIds(db.k, county, ids);
  return new Map(rows.map((r) => [r.id, r]));
}

/** Units that have published records (directory filter). */
export async function publishingUnits(db: Db, county: string): Promise<{ id: number; name: string }[]> {
  const units = await unitsUnder(db.k, county, { activeOnly: true });
  return units.filter((u) => u.kind !== 'village_committee').map((u) => ({ id: u.id, name: u.name }));
}

/** The 政府信息公开目录: a page of the filtered records, their number and the units to filter by. */
export async function directory(db: Db, county: string, f: PublicFilter) {
  const [list, total, units] = await Promise.all([
    listPublic(db, county, f),
    countPublic(db, county, f),
    publishingUnits(db, county),
  ]);
  return { list, total, units };
}

/** The records published under one catalog item, with the item's domain and label. */
export async function itemRecords(db: Db, county: string, itemId: number, page: number | undefined) {
  const list = await listPublic(db, county, { itemId, page });
  const label = await itemLabel(db.k, itemId);
  if (!label) throw new NotFoundError('该目录事项下暂无公开信息。');
  return { list, label };
}

export interface PublicSearch {
  text: string;
  filter: PublicFilter;
  sort: 'date' | 'relevance';
  pageSize: number;
  totalLimit?: number;
}

/** Full-text search of a county's published records, with the rows of the hits (no search without text). */
export async function searchPublic(db: Db, county: string, s: PublicSearch) {
  const units = await publishingUnits(db, county);
  let result: SearchResult | null = null;
  let rows = new Map<number, PublicRow & { body_text: string }>();
  if (s.text) {
    const f = s.filter;
    result = await search(
      db.k,
      {
        q: s.text,
        jurisdictionPrefix: county,
        objectType: SEARCH_TYPE,
        unitId: f.unitId,
        year: f.year,
        subject: f.subject,
        genre: f.genre,
        attribute: f.attribute,
        sort: s.sort,
        page: f.page,
        pageSize: s.pageSize,
      },
      { totalLimit: s.totalLimit },
    );
    rows = await recordsByIds(
      db,
      county,
      result.hits.map((h) => h.objectId),
    );
  }
  return { units, result, rows };
}

/** Sitemap rows of an id range [from, to). */
export const sitemapRows = (db: Db, county: string, from: number, to: number) =>
  store.sitemapRows(db.k, county, from, to);

/** The highest record id of a county (sitemap files cover fixed id ranges). */
export const maxRecordId = (db: Db, county: string): Promise<number> => store.maxRecordId(db.k, county);
