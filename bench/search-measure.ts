/**
 * Rough timing of the search index on a generated corpus (not a test; the bench harness owns the
 * budgets). Usage: npx tsx bench/search-measure.ts [N=200000] [sqlite|postgres] [file]
 * (N=0 with sqlite and a file: query an existing index only)
 * postgres uses GONGKAI_MEASURE_PG_URL (default postgres://postgres@127.0.0.1:55432/postgres)
 * and (re)creates the database gk_search_measure.
 */
import { migrateDatabase } from '../src/app.js';
import { openSqlite, openPostgres, type Db } from '../src/platform/db.js';
import { indexMany, search, type SearchDoc } from '../src/platform/search/index.js';
import { sql } from 'kysely';
import pg from 'pg';

function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const TOWNS = [
  '城关镇',
  '石桥镇',
  '黄土岭乡',
  '河西街道',
  '桃源乡',
  '新民镇',
  '白沙镇',
  '龙潭乡',
  '青山镇',
  '东湖街道',
];
const TOPICS = [
  '城乡低保对象',
  '特困人员供养',
  '临时救助',
  '义务教育经费',
  '征地补偿',
  '危房改造',
  '医疗救助',
  '公开招聘',
  '殡葬改革',
  '农业补贴',
  '高标准农田建设',
  '乡村振兴衔接资金',
  '道路养护',
  '河长制工作',
  '森林防火',
];
const KINDS = ['公示', '公告', '通知', '名单', '结果公示', '招标公告', '工作方案', '实施意见'];
const SENT = [
  '根据《{topic}管理办法》，现将{town}{topic}有关情况予以公示。',
  '公示期为5个工作日，自{y}年{m}月{d}日起。',
  '如有异议，请向{town}人民政府反映；联系电话：0731-8{n}。',
  '附件：{topic}花名册（PDF格式）。',
  '经村（居）民委员会入户调查、民主评议，乡镇人民政府审核，县民政局确认。',
  '本次共发放资金{n}元，其中中央资金{n2}万元。',
  '为进一步做好{topic}工作，结合我县实际，制定本方案。',
  '各乡镇人民政府、县直有关单位要高度重视，压实责任。',
  '申请人应当提交身份证、户口簿等材料。',
  '{town}{topic}项目已完成验收，现将结果公布如下。',
];
function* docs(n: number): Generator<SearchDoc> {
  const r = rng(7);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  for (let i = 1; i <= n; i++) {
    const town = pick(TOWNS),
      topic = pick(TOPICS),
      y = 2016 + Math.floor(r() * 10);
    const fill = (s: string) =>
      s
        .replace(/\{town\}/g, town)
        .replace(/\{topic\}/g, topic)
        .replace(/\{y\}/g, String(y))
        .replace(/\{m\}/g, String(1 + Math.floor(r() * 12)))
        .replace(/\{d\}/g, String(1 + Math.floor(r() * 28)))
        .replace(/\{n\}/g, String(Math.floor(r() * 100000)))
        .replace(/\{n2\}/g, String(Math.floor(r() * 1000)));
    yield {
      objectType: 'record',
      objectId: i,
      jurisdictionCode: `4302210${Math.floor(r() * 10)}0000`,
      unitId: 1 + Math.floor(r() * 60),
      title: `${town}${y}年${topic}${pick(KINDS)}`,
      body: Array.from({ length: 2 + Math.floor(r() * 4) }, () => fill(pick(SENT))).join(''),
      publishedOn: `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
      genre: pick(['公示', '通知', '公告']),
      attribute: '主动公开',
      subject: pick(['社会保障\\社会救助', '教育\\义务教育', '农业农村\\农业补贴']),
      columnSlug: null,
    };
  }
}
const N = Number(process.argv[2] ?? 200000);
const which = process.argv[3] ?? 'sqlite';
const pgUrl = process.env.GONGKAI_MEASURE_PG_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
let db: Db;
if (which === 'sqlite') {
  db = openSqlite(process.argv[4] ?? '/tmp/search-measure.sqlite');
} else {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query('drop database if exists gk_search_measure with (force)');
  await admin.query(`create database gk_search_measure template template0 encoding 'UTF8'`);
  await admin.end();
  const u = new URL(pgUrl);
  u.pathname = '/gk_search_measure';
  db = await openPostgres(u.toString(), { max: 2 });
}
await migrateDatabase(db);
if (N > 0) {
  let t0 = performance.now();
  let batch: SearchDoc[] = [];
  for (const d of docs(N)) {
    batch.push(d);
    if (batch.length === 5000) {
      await indexMany(db.k, batch);
      batch = [];
    }
  }
  if (batch.length) await indexMany(db.k, batch);
  console.log(`${which}: indexMany ${N} docs: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (which === 'sqlite') {
    t0 = performance.now();
    await sql`insert into search_fts(search_fts) values('optimize')`.execute(db.k);
    console.log(`optimize ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  } else {
    t0 = performance.now();
    await sql`vacuum analyze search_docs`.execute(db.k);
    console.log(`vacuum analyze ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}
const Q2 = ['低保', '招标', '殡葬', '补贴', '公示', '火星'],
  Q4 = ['义务教育', '征地补偿', '危房改造', '医疗救助', '公开招聘', '农田建设'];
for (const sort of ['relevance', 'date'] as const)
  for (const [name, qs] of [
    ['2-char', Q2],
    ['4-char', Q4],
  ] as const) {
    const times: number[] = [];
    const totals: number[] = [];
    for (let rep = 0; rep < 12; rep++)
      for (const q of qs) {
        const s = performance.now();
        const r = await search(db.k, { q, jurisdictionPrefix: '430221', sort });
        const e = performance.now() - s;
        if (rep >= 2) times.push(e);
        if (rep === 0) totals.push(r.total);
      }
    times.sort((a, b) => a - b);
    console.log(
      `${which} ${sort} ${name}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms; totals ${totals.join(',')}`,
    );
  }
{
  const times: number[] = [];
  for (let rep = 0; rep < 10; rep++)
    for (const q of ['低保 城关镇', '义务教育 经费']) {
      const s = performance.now();
      await search(db.k, { q, jurisdictionPrefix: '430221', unitId: 7 });
      times.push(performance.now() - s);
    }
  times.sort((a, b) => a - b);
  console.log(`${which} multi+unit filter: median ${times[10].toFixed(1)} p95 ${times[18].toFixed(1)}`);
}
await db.close();
