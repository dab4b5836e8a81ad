/**
 * Benchmark data: a SQLite database migrated with the project's migrations, the demo county
 * 示范县 (990121), N published information records with catalog item links, M 依申请公开 requests,
 * and the search index filled with indexMany. Built once per (N, M, generator version) under
 * BENCH_DIR and reused. Rows are generated and inserted in batches, never all held in memory.
 *
 *   tsx bench/generate.ts            # BENCH_RECORDS / BENCH_REQUESTS / BENCH_DIR from the environment
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateDatabase } from '../src/app.js';
import type { Db } from '../src/platform/db.js';
import { insertMany } from '../src/platform/dialect.js';
import type { Database } from '../src/platform/schema.js';
import { seedDemo } from '../src/org/seed.js';
import { auditActor, systemActor } from '../src/platform/access.js';
import { adoptRows, catalogForUnit } from '../src/catalog/service.js';
import { domainBySlug } from '../src/catalog/guidelines.js';
import { itemLabel } from '../src/catalog/api.js';
import { GENRES, SUBJECTS } from '../src/publishing/model.js';
import { reindexRecords } from '../src/publishing/search.js';
import {
  ACTOR,
  COUNTY,
  END,
  START,
  chinaDate,
  minusDays,
  multiInsert,
  PER_STATEMENT,
  PER_TRANSACTION,
} from './bulk.js';
import { insertRequests } from './generate-requests.js';
import { TEMPLATES, bodyOf, escapeHtml, int, pick, pickTemplate, rng, type Rand, type UnitInfo } from './text.js';

/** Bump when the generated data changes, so cached databases are rebuilt. */
export const GENERATOR_VERSION = 1;
export const BENCH_ROOT = fileURLToPath(new URL('.', import.meta.url));
export const DEFAULT_BENCH_DIR = path.join(BENCH_ROOT, '.data');
export { COUNTY };
/** Latest publication time: end of November 2026, or an hour ago on a machine whose clock is earlier. */

export interface GenerateOptions {
  records: number;
  requests: number;
  dir?: string;
  log?: (line: string) => void;
}

export interface BenchMeta {
  version: number;
  records: number;
  requests: number;
  builtAt: string;
  seconds: { setup: number; records: number; requests: number; search: number; total: number };
  insertMethod: string;
  /** Records in the search index (0 when indexing failed; see searchNote). */
  searchIndexed: number;
  searchNote?: string;
}

export interface Generated {
  dir: string;
  file: string;
  reused: boolean;
  meta: BenchMeta;
}

export interface BenchDb extends Db {
  raw: SqliteDatabase.Database;
}

/** Open the bench database with its own better-sqlite3 handle (for prepared bulk statements) and Kysely over it. */
export function openBenchDb(file: string, opts: { bulk?: boolean; readonly?: boolean } = {}): BenchDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const raw = new SqliteDatabase(file, { readonly: opts.readonly ?? false });
  if (!opts.readonly) raw.pragma('journal_mode = WAL');
  raw.pragma(`synchronous = ${opts.bulk ? 'OFF' : 'NORMAL'}`);
  raw.pragma(`foreign_keys = ${opts.bulk ? 'OFF' : 'ON'}`);
  raw.pragma('busy_timeout = 5000');
  raw.pragma('cache_size = -65536');
  const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { raw, k, dialect: 'sqlite', location: file, close: () => k.destroy() };
}

export function dataDirFor(opts: GenerateOptions): string {
  return path.join(opts.dir ?? DEFAULT_BENCH_DIR, `n${opts.records}-r${opts.requests}-v${GENERATOR_VERSION}`);
}

const metaFile = (dir: string) => path.join(dir, 'bench-meta.json');
const writeMeta = (dir: string, m: BenchMeta) => fs.writeFileSync(metaFile(dir), JSON.stringify(m, null, 2));

/** Create (or reuse) the database for N records and M requests, with the search index. */
export async function generate(opts: GenerateOptions): Promise<Generated> {
  const log = opts.log ?? ((s: string) => console.log(s));
  const dir = dataDirFor(opts);
  const file = path.join(dir, 'gongkai.sqlite');
  if (fs.existsSync(metaFile(dir)) && fs.existsSync(file)) {
    const meta = JSON.parse(fs.readFileSync(metaFile(dir), 'utf8')) as BenchMeta;
    if (meta.version === GENERATOR_VERSION && meta.records === opts.records && meta.requests === opts.requests) {
      log(
        `复用已生成的数据 / reusing ${file}（${meta.records.toLocaleString()} 条信息，${meta.requests.toLocaleString()} 件申请）`,
      );
      const db = openBenchDb(file, { bulk: true });
      try {
        await migrateDatabase(db); // picks up migrations added since (e.g. the search index)
        if (meta.searchIndexed < meta.records) {
          const t = Date.now();
          const r = await fillSearchIndex(db, log);
          meta.searchIndexed = r.indexed;
          meta.searchNote = r.note;
          if (r.indexed) meta.seconds.search = (Date.now() - t) / 1000;
          writeMeta(dir, meta);
        }
      } finally {
        await db.close();
      }
      return { dir, file, reused: true, meta };
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const meta = await build(file, opts, log);
  writeMeta(dir, meta);
  return { dir, file, reused: false, meta };
}

interface ItemRef {
  id: number;
  domain: string;
  label: string;
}

async function build(file: string, opts: GenerateOptions, log: (s: string) => void): Promise<BenchMeta> {
  const t0 = Date.now();
  for (const t of TEMPLATES) {
    if (!SUBJECTS.includes(t.subject)) throw new Error(`bench template ${t.key}: unknown subject ${t.subject}`);
    if (!(GENRES as readonly string[]).includes(t.genre))
      throw new Error(`bench template ${t.key}: unknown genre ${t.genre}`);
  }
  const db = openBenchDb(file, { bulk: true });
  const insertMethod =
    process.env.BENCH_INSERT === 'kysely'
      ? 'kysely insertMany（每条语句 100 行）'
      : 'better-sqlite3 预编译多行语句（每条 100 行）';
  try {
    await migrateDatabase(db);
    await seedDemo(db, auditActor(systemActor(ACTOR)), async () => undefined);
    const units = await loadUnits(db);
    const items = await adoptCatalogs(db, units);
    const tSetup = Date.now();
    log(`已迁移并载入示范县：${units.length} 个发布单位（${((tSetup - t0) / 1000).toFixed(1)} s）`);

    await insertRecords(db, units, items, opts.records, log);
    const tRecords = Date.now();
    log(`信息记录：${opts.records.toLocaleString()} 条，用时 ${((tRecords - tSetup) / 1000).toFixed(1)} s`);

    await insertRequests(db, units, opts.requests);
    const tRequests = Date.now();
    log(`依申请公开：${opts.requests.toLocaleString()} 件，用时 ${((tRequests - tRecords) / 1000).toFixed(1)} s`);

    const search = await fillSearchIndex(db, log);
    const tSearch = Date.now();
    db.raw.pragma('analysis_limit = 1000');
    db.raw.exec('analyze');
    db.raw.pragma('wal_checkpoint(TRUNCATE)');
    const total = (Date.now() - t0) / 1000;
    log(`数据生成完成，总用时 ${total.toFixed(1)} s`);
    return {
      version: GENERATOR_VERSION,
      records: opts.records,
      requests: opts.requests,
      builtAt: new Date().toISOString(),
      seconds: {
        setup: (tSetup - t0) / 1000,
        records: (tRecords - tSetup) / 1000,
        requests: (tRequests - tRecords) / 1000,
        search: search.indexed ? (tSearch - tRequests) / 1000 : 0,
        total,
      },
      insertMethod,
      searchIndexed: search.indexed,
      searchNote: search.note,
    };
  } finally {
    await db.close();
  }
}

async function loadUnits(db: BenchDb): Promise<UnitInfo[]> {
  const rows = await db.k
    .selectFrom('units')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
    .select([
      'units.id',
      'units.name',
      'units.kind',
      'units.jurisdiction_id',
      'jurisdictions.code',
      'jurisdictions.name as jname',
      'jurisdictions.level',
    ])
    .where('units.kind', '!=', 'village_committee')
    .orderBy('units.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    jurisdictionId: r.jurisdiction_id,
    jurisdictionCode: r.code,
    ...(r.level === 'township' ? { township: r.jname } : {}),
  }));
}

/** Each publishing unit adopts the guideline items of the domains the templates publish in. */
async function adoptCatalogs(db: BenchDb, units: UnitInfo[]): Promise<Map<string, ItemRef[]>> {
  const actor = systemActor(ACTOR);
  const slugs = [...new Set(TEMPLATES.map((t) => t.domain).filter((d): d is string => Boolean(d)))];
  const out = new Map<string, ItemRef[]>();
  for (const u of units) {
    const catalogId = await catalogForUnit(db, actor, u.id);
    for (const slug of slugs) {
      const d = domainBySlug(slug);
      if (!d) continue;
      await adoptRows(
        db,
        actor,
        catalogId,
        slug,
        d.rows.map((r) => r.seq),
      );
      const rows = await db.k
        .selectFrom('catalog_items')
        .select(['id', 'domain', 'level1', 'level2', 'level3'])
        .where('catalog_id', '=', catalogId)
        .where('domain', '=', d.name)
        .execute();
      out.set(
        `${u.id}:${slug}`,
        rows.map((r) => ({ id: r.id, domain: r.domain, label: itemLabel(r) })),
      );
    }
  }
  return out;
}

const REC_COLS = [
  'id',
  'county_code',
  'unit_id',
  'kind',
  'index_no',
  'title',
  'publisher',
  'doc_number',
  'written_on',
  'formed_on',
  'subject',
  'genre',
  'keywords',
  'summary',
  'attribute',
  'validity',
  'column_slug',
  'column_item',
  'body_html',
  'body_text',
  'needs_interpretation',
  'status',
  'version',
  'published_at',
  'published_on',
  'created_by',
  'created_at',
  'updated_at',
] as const;
type RecRow = Record<(typeof REC_COLS)[number], string | number | null>;
const ITEM_COLS = ['record_id', 'catalog_item_id', 'domain', 'label'] as const;
type ItemRow = Record<(typeof ITEM_COLS)[number], string | number>;
const unitsFor = (units: UnitInfo[], kind: string) =>
  kind === 'township'
    ? units.filter((u) => u.township)
    : kind === 'department'
      ? units.filter((u) => u.kind === 'county_department')
      : kind === 'government'
        ? units.filter((u) => ['county_government', 'county_office', 'county_department'].includes(u.kind))
        : units;

/** One published record (and its item links): pure function of the random source, index i and unit pools. */
function makeRecord(
  r: Rand,
  i: number,
  n: number,
  pools: Map<string, UnitInfo[]>,
  items: Map<string, ItemRef[]>,
  serials: Map<string, number>,
): { row: RecRow; links: ItemRow[] } {
  const t = pickTemplate(r);
  const u = pick(r, pools.get(t.units)!);
  const ms = START + Math.floor(((END - START) * (i + r())) / n);
  const publishedAt = new Date(ms).toISOString();
  const date = chinaDate(ms);
  const formed = minusDays(date, int(r, 0, 7));
  const built = t.build(r, u, date);
  const paragraphs = bodyOf(r, built.paragraphs);
  const bodyText = paragraphs.join('\n');
  const haystack = built.title + '\n' + bodyText;
  const keywords = built.keywords.filter((w) => haystack.includes(w)).join('，');
  const year = date.slice(0, 4);
  const serialKey = `${u.id}:${year}`;
  const serial = (serials.get(serialKey) ?? 0) + 1;
  serials.set(serialKey, serial);
  const id = i + 1;
  const row: RecRow = {
    id,
    county_code: COUNTY,
    unit_id: u.id,
    kind: 'info',
    index_no: `${u.jurisdictionCode}${String(u.id).padStart(4, '0')}/${year}-${String(serial).padStart(5, '0')}`,
    title: built.title,
    publisher: u.name,
    doc_number: built.docNumber ?? null,
    written_on: built.docNumber ? formed : null,
    formed_on: formed,
    subject: t.subject,
    genre: t.genre,
    keywords,
    summary: built.title,
    attribute: 'proactive',
    validity: 'valid',
    column_slug: 'fdzdgknr',
    column_item: t.columnItem,
    body_html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
    body_text: bodyText,
    needs_interpretation: 0,
    status: 'published',
    version: 1,
    published_at: publishedAt,
    published_on: date,
    created_by: ACTOR,
    created_at: publishedAt,
    updated_at: publishedAt,
  };
  const links: ItemRow[] = [];
  const pool = t.domain ? items.get(`${u.id}:${t.domain}`) : undefined;
  if (pool?.length) {
    const k = Math.min(pool.length, int(r, 1, 2));
    const first = int(r, 0, pool.length - 1);
    for (let j = 0; j < k; j++) {
      const it = pool[(first + j) % pool.length];
      links.push({ record_id: id, catalog_item_id: it.id, domain: it.domain, label: it.label });
    }
  }
  return { row, links };
}

async function insertRecords(
  db: BenchDb,
  units: UnitInfo[],
  items: Map<string, ItemRef[]>,
  n: number,
  log: (s: string) => void,
): Promise<void> {
  const r = rng(20260121);
  const pools = new Map(['township', 'department', 'government', 'any'].map((k) => [k, unitsFor(units, k)]));
  for (const [k, v] of pools) if (!v.length) throw new Error(`bench: no units for ${k}`);
  const serials = new Map<string, number>();
  const useKysely = process.env.BENCH_INSERT === 'kysely';
  const putRecords = multiInsert(db.raw, 'info_records', REC_COLS);
  const putItems = multiInsert(db.raw, 'info_record_items', ITEM_COLS);
  const started = Date.now();
  let lastLog = started;
  for (let start = 0; start < n; start += PER_TRANSACTION) {
    const end = Math.min(n, start + PER_TRANSACTION);
    const rows: RecRow[] = [];
    const links: ItemRow[] = [];
    for (let i = start; i < end; i++) {
      const x = makeRecord(r, i, n, pools, items, serials);
      rows.push(x.row);
      links.push(...x.links);
    }
    if (useKysely) {
      await db.k.transaction().execute(async (trx) => {
        await insertMany(trx, 'info_records', rows as never[], PER_STATEMENT);
        await insertMany(trx, 'info_record_items', links as never[], PER_STATEMENT);
      });
    } else {
      db.raw.transaction(() => {
        putRecords(rows);
        putItems(links);
      })();
    }
    if (Date.now() - lastLog > 5000 || end === n) {
      lastLog = Date.now();
      const s = (lastLog - started) / 1000;
      log(
        `  信息记录 ${end.toLocaleString()} / ${n.toLocaleString()}（${Math.round(end / s).toLocaleString()} 条/秒）`,
      );
    }
  }
  // Keep the 索引号 counters in step, so records created later through the app get fresh serials.
  const upsert = db.raw.prepare(
    'insert into index_serials (unit_id, year, last) values (?, ?, ?) on conflict (unit_id, year) do update set last = excluded.last',
  );
  db.raw.transaction(() => {
    for (const [key, last] of serials) {
      const [unitId, year] = key.split(':').map(Number);
      upsert.run(unitId, year, last);
    }
  })();
}

const INDEX_BATCH = 2_000;

/** Fill the search index from the records with the product's own reindexRecords (the same documents the portal indexes). */
export async function fillSearchIndex(
  db: BenchDb,
  log: (s: string) => void,
): Promise<{ indexed: number; note?: string }> {
  const total = (db.raw.prepare(`select count(*) as n from info_records`).get() as { n: number }).n;
  const started = Date.now();
  let lastLog = started;
  try {
    const r = await reindexRecords(db, {
      batch: INDEX_BATCH,
      progress: (done) => {
        if (Date.now() - lastLog > 5000 || done === total) {
          lastLog = Date.now();
          log(
            `  检索索引 ${done.toLocaleString()} / ${total.toLocaleString()}（${Math.round(done / ((lastLog - started) / 1000)).toLocaleString()} 条/秒）`,
          );
        }
      },
    });
    log(`检索索引：${r.indexed.toLocaleString()} 条，用时 ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return { indexed: r.indexed };
  } catch (e) {
    const note = `建立检索索引失败：${(e as Error).message}`;
    log(note);
    return { indexed: 0, note };
  }
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env, quick = false): GenerateOptions {
  const num = (v: string | undefined, d: number) =>
    v && /^\d+$/.test(v.replace(/_/g, '')) ? Number(v.replace(/_/g, '')) : d;
  return {
    records: num(env.BENCH_RECORDS, quick ? 20_000 : 1_000_000),
    requests: num(env.BENCH_REQUESTS, quick ? 20_000 : 200_000),
    dir: env.BENCH_DIR ? path.resolve(env.BENCH_DIR) : DEFAULT_BENCH_DIR,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const opts = optionsFromEnv(process.env, process.argv.includes('--quick'));
  const g = await generate(opts);
  console.log(JSON.stringify({ file: g.file, reused: g.reused, ...g.meta }, null, 2));
}
