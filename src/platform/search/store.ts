/** Index maintenance and queries; one code path for both databases except the text condition. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { dialectOf, nowIso } from '../dialect.js';
import { queryTerms } from './tokenize.js';
import { ftsColumns, ftsRowid, idOfRowid, metaToken, metaTokens, tsvParts } from './indextext.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type SearchDoc, type SearchQuery, type SearchResult } from './types.js';

type K = Kysely<Database>;
// biome-ignore lint/suspicious/noExplicitAny: the search tables are created by raw SQL and not in the typed schema
type AnyK = Kysely<any>;

/** Rows per multi-row statement (15 bound values each, far below both databases' limits). */
const BATCH = 250;

const FIELDS = [
  'jurisdiction_code',
  'unit_id',
  'title',
  'published_on',
  'year',
  'subject',
  'genre',
  'attribute',
  'column_slug',
  'updated_at',
] as const;

function row(doc: SearchDoc, now: string) {
  if (!/^[1-9]\d{3}-\d{2}-\d{2}$/.test(doc.publishedOn))
    throw new Error(`search: publishedOn must be YYYY-MM-DD, got ${doc.publishedOn}`);
  return {
    object_type: doc.objectType,
    object_id: doc.objectId,
    jurisdiction_code: doc.jurisdictionCode,
    unit_id: doc.unitId,
    title: doc.title,
    published_on: doc.publishedOn,
    year: Number(doc.publishedOn.slice(0, 4)),
    subject: doc.subject ?? null,
    genre: doc.genre ?? null,
    attribute: doc.attribute ?? null,
    column_slug: doc.columnSlug ?? null,
    updated_at: now,
  };
}

const keyOf = (objectType: string, objectId: number) => `${objectType}\u0000${objectId}`;

async function inTransaction(k: K, fn: (t: K) => Promise<void>): Promise<void> {
  if (k.isTransaction) return fn(k);
  return k.transaction().execute(fn);
}

/** Split rows into statements of at most BATCH rows and about 8 M characters of text. */
function bySize<T>(rows: { size: number; row: T }[], maxChars = 8_000_000): T[][] {
  const out: T[][] = [];
  let cur: T[] = [];
  let chars = 0;
  for (const r of rows) {
    if (cur.length > 0 && (cur.length >= BATCH || chars + r.size > maxChars)) {
      out.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(r.row);
    chars += r.size;
  }
  if (cur.length) out.push(cur);
  return out;
}

async function indexBatch(t: K, docs: SearchDoc[]): Promise<void> {
  const pg = dialectOf(t) === 'postgres';
  const now = nowIso();
  if (!pg) {
    // The FTS rowid depends on the previous publication date: delete the old rows first.
    const byType = new Map<string, number[]>();
    for (const d of docs) {
      const list = byType.get(d.objectType);
      if (list) list.push(d.objectId);
      else byType.set(d.objectType, [d.objectId]);
    }
    for (const [type, objectIds] of byType) {
      const old = await t
        .selectFrom('search_docs')
        .select(['id', 'published_on'])
        .where('object_type', '=', type)
        .where('object_id', 'in', objectIds)
        .execute();
      if (old.length) {
        const rowids = sql.join(old.map((r) => ftsRowid(r.published_on, r.id)));
        await sql`delete from search_fts where rowid in (${rowids})`.execute(t);
        await sql`delete from search_title_fts where rowid in (${rowids})`.execute(t);
      }
    }
  }
  const parts = pg ? docs.map((d) => tsvParts(d.title, d.body, d.attachmentText)) : [];
  const values = docs.map((d, i) => (pg ? { ...row(d, now), tsv: sql`${parts[i][0]}::tsvector` } : row(d, now)));
  const updated = pg ? [...FIELDS, 'tsv'] : [...FIELDS];
  const ids = await (t as AnyK)
    .insertInto('search_docs')
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(['object_type', 'object_id'])
        .doUpdateSet(Object.fromEntries(updated.map((f) => [f, sql.ref(`excluded.${f}`)]))),
    )
    .returning(['id', 'object_type', 'object_id'])
    .execute();
  const idByKey = new Map<string, number>(
    ids.map((r: { id: number; object_type: string; object_id: number }) => [keyOf(r.object_type, r.object_id), r.id]),
  );
  const idOf = (d: SearchDoc) => idByKey.get(keyOf(d.objectType, d.objectId))!;
  if (pg) {
    await sql`delete from search_overflow where doc_id = any(${ids.map((r: { id: number }) => r.id)}::int[])`.execute(
      t,
    );
    const overflow = docs.flatMap((d, i) =>
      parts[i].slice(1).map((lit, p) => ({ size: lit.length, row: sql`(${idOf(d)}, ${p + 1}, ${lit}::tsvector)` })),
    );
    for (const chunk of bySize(overflow))
      await sql`insert into search_overflow (doc_id, part, tsv) values ${sql.join(chunk)}`.execute(t);
  } else {
    const titles: RawBuilder<unknown>[] = [];
    const rows = docs.map((d) => {
      const c = ftsColumns(d.title, d.body, d.attachmentText);
      const rowid = ftsRowid(d.publishedOn, idOf(d));
      const meta = metaTokens(d);
      titles.push(sql`(${rowid}, ${c.title}, ${meta})`);
      return { size: c.title.length + c.body.length, row: sql`(${rowid}, ${c.title}, ${c.body}, ${meta})` };
    });
    for (const chunk of bySize(rows))
      await sql`insert into search_fts (rowid, title, body, meta) values ${sql.join(chunk)}`.execute(t);
    // The titles again, alone (see migration 0011): "title hits first" reads short doclists.
    await sql`insert into search_title_fts (rowid, title, meta) values ${sql.join(titles)}`.execute(t);
  }
}

/**
 * Index many documents with a few multi-row statements per batch (replacing earlier versions).
 * Runs inside the caller's transaction if `k` is one, otherwise in its own.
 */
export async function indexMany(k: K, docs: SearchDoc[]): Promise<void> {
  if (docs.length === 0) return;
  // The same object twice in one statement is an error on PostgreSQL; the last version wins.
  const unique = [...new Map(docs.map((d) => [keyOf(d.objectType, d.objectId), d])).values()];
  await inTransaction(k, async (t) => {
    for (let i = 0; i < unique.length; i += BATCH) await indexBatch(t, unique.slice(i, i + BATCH));
  });
}

/** Index one document, replacing its previous text and fields. */
export async function indexDoc(k: K, doc: SearchDoc): Promise<void> {
  await inTransaction(k, (t) => indexBatch(t, [doc]));
}

/** Remove a document from the index (no-op when it is not indexed). */
export async function removeDoc(k: K, objectType: string, objectId: number): Promise<void> {
  await inTransaction(k, async (t) => {
    const found = await t
      .selectFrom('search_docs')
      .select(['id', 'published_on'])
      .where('object_type', '=', objectType)
      .where('object_id', '=', objectId)
      .executeTakeFirst();
    if (!found) return;
    if (dialectOf(t) === 'sqlite') {
      const rowid = ftsRowid(found.published_on, found.id);
      await sql`delete from search_fts where rowid = ${rowid}`.execute(t);
      await sql`delete from search_title_fts where rowid = ${rowid}`.execute(t);
    } else await sql`delete from search_overflow where doc_id = ${found.id}`.execute(t);
    await t.deleteFrom('search_docs').where('id', '=', found.id).execute();
  });
}

/** Strings s with prefix ≤ s < prefix + U+FFFF: exact for code-point ordering (SQLite binary, PG collate "C"). */
const startsWith = (column: RawBuilder<unknown>, prefix: string) =>
  sql`(${column} >= ${prefix} and ${column} < ${prefix + '\uffff'})`;

function filters(query: SearchQuery): RawBuilder<unknown> {
  const conds: RawBuilder<unknown>[] = [];
  if (query.jurisdictionPrefix) conds.push(startsWith(sql.ref('d.jurisdiction_code'), query.jurisdictionPrefix));
  if (query.unitId != null) conds.push(sql`d.unit_id = ${query.unitId}`);
  if (query.year != null) conds.push(sql`d.year = ${query.year}`);
  if (query.subject) {
    const s = query.subject.replace(/\\+$/, '');
    conds.push(sql`(d.subject = ${s} or ${startsWith(sql.ref('d.subject'), `${s}\\`)})`);
  }
  if (query.genre) conds.push(sql`d.genre = ${query.genre}`);
  if (query.attribute) conds.push(sql`d.attribute = ${query.attribute}`);
  if (query.columnSlug) conds.push(sql`d.column_slug = ${query.columnSlug}`);
  if (query.objectType) conds.push(sql`d.object_type = ${query.objectType}`);
  return conds.length ? sql.join(conds, sql` and `) : sql`1 = 1`;
}

const ftsPhrase = (phrase: string[]) => `"${phrase.join(' ').replace(/"/g, '""')}"`;
const tsLexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const tsPhrase = (phrase: string[]) => phrase.map(tsLexeme).join(' <-> ');

interface HitRow {
  id: number;
  object_type: string;
  object_id: number;
  title: string;
  published_on: string;
  unit_id: number;
}

/**
 * Above this many hits, "relevance" does not rank every hit (bm25 / ts_rank cost grows with the
 * hit count: bm25 over the 3,110 hits of 财政预算 took 16 ms at 1,000,000 records): hits in the
 * title come first, then the others, each newest first. On SQLite the title hits come from
 * search_title_fts (migration 0011).
 */
export const RANK_LIMIT = 1000;

const toHit = (r: HitRow) => ({
  objectType: r.object_type,
  objectId: Number(r.object_id),
  title: r.title,
  publishedOn: r.published_on,
  unitId: Number(r.unit_id),
});

/**
 * Whether some indexed document lies outside the jurisdiction prefix (two index probes). When none
 * does — one county on the embedded database — the prefix filter is left out of the FTS query,
 * where AND-ing a posting list as long as the index costs as much as the text itself.
 */
async function prefixExcludesSome(k: K, prefix: string): Promise<boolean> {
  const r = await sql<{ below: number | null; above: number | null }>`select
    (select 1 from search_docs where jurisdiction_code < ${prefix} limit 1) as below,
    (select 1 from search_docs where jurisdiction_code >= ${prefix + '\uffff'} limit 1) as above`.execute(k);
  return r.rows[0].below != null || r.rows[0].above != null;
}

/** FTS5 filter tokens for the query's filters (see metaTokens). */
function metaMatch(query: SearchQuery, withPrefix: boolean): string[] {
  const out: string[] = [];
  if (query.jurisdictionPrefix && withPrefix) out.push(metaToken('j', query.jurisdictionPrefix));
  if (query.unitId != null) out.push(metaToken('u', query.unitId));
  if (query.year != null) out.push(metaToken('y', query.year));
  if (query.subject) out.push(metaToken('s', query.subject.replace(/\\+$/, '')));
  if (query.genre) out.push(metaToken('g', query.genre));
  if (query.attribute) out.push(metaToken('a', query.attribute));
  if (query.columnSlug) out.push(metaToken('c', query.columnSlug));
  if (query.objectType) out.push(metaToken('o', query.objectType));
  return out.map((t) => `meta : "${t}"`);
}

/** How many rows to read for one page: one more than the page when the total is not known exactly (to learn whether another page follows). */
const pageRows = (limit: number, totalExact: boolean) => (totalExact ? limit : limit + 1);

/** The page's rows and whether more follow, from a read of pageRows(limit) rows. */
function finish<T>(
  got: T[],
  offset: number,
  limit: number,
  total: number,
  totalExact: boolean,
): { rows: T[]; hasMore: boolean } {
  return {
    rows: got.slice(0, limit),
    hasMore: totalExact ? offset + Math.min(got.length, limit) < total : got.length > limit,
  };
}

/** SQLite: count, filter and order inside the FTS5 index; then read one page of rows. */
async function searchSqlite(
  k: K,
  phrases: string[][],
  query: SearchQuery,
  offset: number,
  limit: number,
  opts: Limits,
): Promise<SearchResult> {
  const text = phrases.map(ftsPhrase).join(' AND ');
  const meta = metaMatch(query, !!query.jurisdictionPrefix && (await prefixExcludesSome(k, query.jurisdictionPrefix)));
  const match = [`(${text})`, ...meta].join(' AND ');
  const count = async (m: string) =>
    Number(
      (await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${m}`.execute(k)).rows[0].n,
    );
  // Counting stops one past the limit: its cost grows with the hits counted, not with the hits there are.
  const countUpTo = async (m: string, cap: number) =>
    Number.isFinite(cap)
      ? Number(
          (
            await sql<{
              n: number;
            }>`select count(*) as n from (select 1 from search_fts where search_fts match ${m} limit ${cap + 1})`.execute(
              k,
            )
          ).rows[0].n,
        )
      : count(m);
  const rowids = async (m: string, order: RawBuilder<unknown>, off: number, lim: number) =>
    lim <= 0
      ? []
      : (
          await sql<{
            r: number;
          }>`select rowid as r from search_fts where search_fts match ${m} order by ${order} limit ${lim} offset ${off}`.execute(
            k,
          )
        ).rows.map((x) => x.r);
  // Title hits from the titles' own index (short doclists; a {title} filter on search_fts would walk every body posting).
  const titleRowids = async (m: string, off: number, lim: number) =>
    lim <= 0
      ? []
      : (
          await sql<{
            r: number;
          }>`select rowid as r from search_title_fts where search_title_fts match ${m} order by rowid desc limit ${lim} offset ${off}`.execute(
            k,
          )
        ).rows.map((x) => x.r);
  const titleCount = async (m: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*) as n from search_title_fts where search_title_fts match ${m}`.execute(
          k,
        )
      ).rows[0].n,
    );
  const counted = await countUpTo(match, opts.totalLimit);
  const totalExact = counted <= opts.totalLimit;
  const total = totalExact ? counted : opts.totalLimit;
  const want = pageRows(limit, totalExact);
  let got: number[] = [];
  if (offset < total || !totalExact) {
    if (query.sort === 'date') got = await rowids(match, sql`rowid desc`, offset, want);
    else if (totalExact && total <= opts.rankLimit)
      got = await rowids(match, sql`bm25(search_fts, 4.0, 1.0, 0.0), rowid desc`, offset, want);
    else {
      // The same expression on the title table, which holds only title and filter tokens: the text can only match a title there.
      const titleMatch = match;
      got = await titleRowids(titleMatch, offset, want);
      if (got.length < want) {
        // The title hits end on this page (or before it): only then is their number needed, and it is at most offset + want.
        const titleTotal = got.length > 0 ? offset + got.length : await titleCount(titleMatch);
        const lim = want - got.length;
        const off = Math.max(0, offset - titleTotal);
        const rest = await sql<{ r: number }>`select rowid as r from search_fts where search_fts match ${match}
          and rowid not in (select rowid from search_title_fts where search_title_fts match ${titleMatch})
          order by rowid desc limit ${lim} offset ${off}`.execute(k);
        got.push(...rest.rows.map((x) => x.r));
      }
    }
  }
  const { rows: page, hasMore } = finish(got, offset, limit, total, totalExact);
  if (page.length === 0) return { total, totalExact, hasMore, hits: [] };
  const ids = page.map(idOfRowid);
  const rows = await k
    .selectFrom('search_docs')
    .select(['id', 'object_type', 'object_id', 'title', 'published_on', 'unit_id'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    total,
    totalExact,
    hasMore,
    hits: ids
      .map((id) => byId.get(id))
      .filter((r): r is HitRow => !!r)
      .map(toHit),
  };
}

/** PostgreSQL: the filters in SQL, the text as tsquery phrases over the head tsvector and the overflow parts. */
async function searchPostgres(
  k: K,
  phrases: string[][],
  query: SearchQuery,
  offset: number,
  limit: number,
  opts: Limits,
): Promise<SearchResult> {
  const where = filters(query);
  // Per run: the head tsvector, or one of the overflow parts (looked up once, by primary key).
  const text = sql.join(
    phrases.map((p) => {
      const tq = tsPhrase(p);
      return sql`(d.tsv @@ ${tq}::tsquery or d.id = any(array(select o.doc_id from search_overflow o where o.tsv @@ ${tq}::tsquery)))`;
    }),
    sql` and `,
  );
  const capped = Number.isFinite(opts.totalLimit);
  const counted = Number(
    (capped
      ? await sql<{
          n: number;
        }>`select count(*)::int as n from (select 1 from search_docs d where ${text} and ${where} limit ${opts.totalLimit + 1}) x`.execute(
          k,
        )
      : await sql<{ n: number }>`select count(*)::int as n from search_docs d where ${text} and ${where}`.execute(k)
    ).rows[0].n,
  );
  const totalExact = counted <= opts.totalLimit;
  const total = totalExact ? counted : opts.totalLimit;
  if (totalExact && offset >= total) return { total, totalExact, hasMore: false, hits: [] };
  const byDate = sql`d.published_on desc, d.id desc`;
  let order = byDate;
  if (query.sort !== 'date') {
    const all = phrases.map((p) => `(${tsPhrase(p)})`).join(' & ');
    // The title is always in the head tsvector, weighted A.
    const inTitle = phrases.map((p) => `(${p.map((t) => `${tsLexeme(t)}:A`).join(' <-> ')})`).join(' & ');
    order =
      totalExact && total <= opts.rankLimit
        ? sql`ts_rank(d.tsv, ${all}::tsquery) desc, ${byDate}`
        : sql`(d.tsv @@ ${inTitle}::tsquery) desc, ${byDate}`;
  }
  const rows =
    await sql<HitRow>`select d.id, d.object_type, d.object_id, d.title, d.published_on, d.unit_id from search_docs d
    where ${text} and ${where} order by ${order} limit ${pageRows(limit, totalExact)} offset ${offset}`.execute(k);
  const { rows: page, hasMore } = finish(rows.rows, offset, limit, total, totalExact);
  return { total, totalExact, hasMore, hits: page.map(toHit) };
}

interface Limits {
  rankLimit: number;
  totalLimit: number;
}

/**
 * Above this many hits the total is not counted exactly: the result says "more than TOTAL_LIMIT"
 * (`totalExact: false`) and `hasMore` drives paging. Counting costs time in proportion to the hits
 * counted (about 80 ns a hit for one bigram, several times that for a phrase), so an exact total of
 * a word found in 800,000 of 1,000,000 records would cost 60–90 ms on every search; the hits
 * themselves stay exact — every matching document is on some page, in order — as in search
 * engines that count "10,000+" (Elasticsearch's track_total_hits).
 */
export const TOTAL_LIMIT = 10_000;

/**
 * Documents that contain every query run (two or more characters) as an exact substring of their
 * title or body, filtered, one page at a time. The total is exact up to `totalLimit` hits (default
 * TOTAL_LIMIT; Infinity counts every hit). Order: 'date' newest first; 'relevance' by bm25 /
 * ts_rank up to `rankLimit` hits, beyond that title hits first, then date.
 */
export async function search(
  k: K,
  query: SearchQuery,
  options: { rankLimit?: number; totalLimit?: number } = {},
): Promise<SearchResult> {
  const limits: Limits = {
    rankLimit: options.rankLimit ?? RANK_LIMIT,
    totalLimit: Math.max(0, options.totalLimit ?? TOTAL_LIMIT),
  };
  const terms = queryTerms(query.q);
  if (terms.phrases.length === 0)
    return { total: 0, totalExact: true, hasMore: false, hits: [], ...(terms.singleChar ? { singleChar: true } : {}) };
  const pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
  const page = Math.max(1, Math.floor(query.page ?? 1));
  const offset = (page - 1) * pageSize;
  return dialectOf(k) === 'sqlite'
    ? searchSqlite(k, terms.phrases, query, offset, pageSize, limits)
    : searchPostgres(k, terms.phrases, query, offset, pageSize, limits);
}

/**
 * After a bulk load: merge the FTS5 segments (SQLite) or refresh planner statistics (PostgreSQL).
 * Not needed for correctness.
 */
export async function optimizeIndex(k: K): Promise<void> {
  if (dialectOf(k) === 'sqlite') {
    await sql`insert into search_fts(search_fts) values('optimize')`.execute(k);
    await sql`insert into search_title_fts(search_title_fts) values('optimize')`.execute(k);
  } else await sql`analyze search_docs`.execute(k);
}

/**
 * The ids of the indexed documents of a type, ascending: a page of up to `limit` after `after`
 * (for walking the whole index in batches), or, with `among`, which of those ids are indexed.
 */
export async function indexedObjectIds(
  k: K,
  objectType: string,
  opts: { after?: number; limit?: number; among?: readonly number[] } = {},
): Promise<number[]> {
  if (opts.among && opts.among.length === 0) return [];
  let q = k
    .selectFrom('search_docs')
    .select('object_id')
    .where('object_type', '=', objectType)
    .where('object_id', '>', opts.after ?? 0);
  if (opts.among) q = q.where('object_id', 'in', [...opts.among]);
  const rows = await q
    .orderBy('object_id')
    .limit(opts.limit ?? 1000)
    .execute();
  return rows.map((r) => Number(r.object_id));
}
