import { describe, expect, it, beforeAll } from 'vitest';
import { describeEachDb } from '../../testing.js';
import {
  indexDoc,
  indexMany,
  optimizeIndex,
  removeDoc,
  search,
  normalize,
  queryTerms,
  type SearchDoc,
  type SearchQuery,
} from './index.js';
import { bodyText } from './indextext.js';

/** Deterministic pseudo-random numbers (mulberry32) so failures reproduce. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOWNS = ['城关镇', '石桥镇', '黄土岭乡', '河西街道', '桃源乡', '新民镇'];
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
];
const KINDS = ['公示', '公告', '通知', '名单', '结果公示', '招标公告'];
const QUARTERS = ['第一季度', '第二季度', '第三季度', '第四季度'];
const SENTENCES = [
  '根据《最低生活保障审核确认办法》（民发〔2021〕57号），现将{town}{topic}名单予以公示。',
  '公示期为5个工作日，自{y}年{m}月{d}日起至{y}年{m}月{d2}日止。',
  '如有异议，请于公示期内向{town}人民政府反映；联系电话：0731-8{n}。',
  '附件：{topic}花名册（PDF格式）、汇总表（Excel）。',
  '经村（居）民委员会入户调查、民主评议，乡镇人民政府审核，县民政局确认。',
  '本次共发放资金{n}元，其中：中央资金{n2}万元，县级配套{n3}万元！',
  '详情请登录“{town}政务公开”ＡＰＰ或扫描二维码查看。',
  '咨询邮箱：gongkai{n}@example.gov.cn；传真：0731—{n2}。',
  '第２０２５０{n3}号：关于做好{topic}工作的通知？',
  '申请人应当提交身份证、户口簿等材料；材料不全的，一次性告知补正。',
];
const SUBJECTS = [
  '社会保障\\最低生活保障',
  '社会保障\\社会救助',
  '教育\\义务教育',
  '城乡建设\\住房保障',
  '农业农村\\农业补贴',
  '民政',
];
const GENRES = ['公示', '通知', '公告'];
const ATTRS = ['主动公开', '依申请公开'];
const COLUMNS = ['shbz', 'jyxx', 'zfcg', null];

function corpus(count: number): SearchDoc[] {
  const r = rng(20251122);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const docs: SearchDoc[] = [];
  for (let i = 1; i <= count; i++) {
    const town = pick(TOWNS);
    const topic = pick(TOPICS);
    const y = 2023 + Math.floor(r() * 3);
    const fill = (s: string) =>
      s
        .replace(/\{town\}/g, town)
        .replace(/\{topic\}/g, topic)
        .replace(/\{y\}/g, String(y))
        .replace(/\{m\}/g, String(1 + Math.floor(r() * 12)))
        .replace(/\{d\}/g, String(1 + Math.floor(r() * 20)))
        .replace(/\{d2\}/g, String(21 + Math.floor(r() * 7)))
        .replace(/\{n\}/g, String(Math.floor(r() * 100000)))
        .replace(/\{n2\}/g, String(Math.floor(r() * 1000)))
        .replace(/\{n3\}/g, String(Math.floor(r() * 100)));
    const title = `${town}${y}年${pick(QUARTERS)}${topic}${pick(KINDS)}`;
    const body = Array.from({ length: 2 + Math.floor(r() * 4) }, () => fill(pick(SENTENCES))).join(
      r() < 0.3 ? '\n\n' : '',
    );
    const month = String(1 + Math.floor(r() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(r() * 28)).padStart(2, '0');
    docs.push({
      objectType: r() < 0.85 ? 'record' : 'interpretation',
      objectId: i,
      jurisdictionCode: r() < 0.1 ? '430200000000' : `4302210${Math.floor(r() * 3)}0000`,
      unitId: 1 + Math.floor(r() * 5),
      title,
      body,
      attachmentText:
        r() < 0.2 ? `${topic}花名册 序号 姓名 保障人数 ＰＤＦ 公⽰ 金额（元）${Math.floor(r() * 999)}` : undefined,
      publishedOn: `${y}-${month}-${day}`,
      subject: pick(SUBJECTS),
      genre: pick(GENRES),
      attribute: pick(ATTRS),
      columnSlug: pick(COLUMNS),
    });
  }
  // Long documents: beyond one tsvector's 16,383 positions and 256 positions per lexeme.
  docs.push({
    objectType: 'record',
    objectId: 100001,
    jurisdictionCode: '430221000000',
    unitId: 1,
    title: '长篇附件测试',
    body: '一般性说明。',
    attachmentText: `${'各项工作有序推进，'.repeat(4000)}末尾独有短语麒麟阁。`,
    publishedOn: '2025-06-01',
  });
  docs.push({
    objectType: 'record',
    objectId: 100002,
    jurisdictionCode: '430221000000',
    unitId: 1,
    title: '重复词测试',
    body: `${'公示 '.repeat(600)}公示期满无异议`,
    publishedOn: '2025-06-02',
  });
  docs.push({
    objectType: 'record',
    objectId: 100003,
    jurisdictionCode: '430221000000',
    unitId: 1,
    title: '超长无标点段落',
    body: `${'甲乙丙丁戊己庚辛壬癸'.repeat(1700)}凤凰台上凤凰游${'子丑寅卯'.repeat(3000)}`,
    publishedOn: '2025-06-03',
  });
  // Rare characters outside the BMP (CJK Extension B, G) in names.
  docs.push({
    objectType: 'record',
    objectId: 100004,
    jurisdictionCode: '430221000000',
    unitId: 1,
    title: '𠀀𠀁村𰀀𰀁组公示',
    body: '户主：王𠀀𠀁。',
    publishedOn: '2025-06-04',
  });
  return docs;
}

/** Ground truth: every query run is a substring of the normalised title or body. */
function expected(docs: SearchDoc[], q: string, filter: (d: SearchDoc) => boolean = () => true): string[] {
  const runs = queryTerms(q).runs;
  if (runs.length === 0) return [];
  return docs
    .filter((d) => {
      const t = normalize(d.title);
      const b = normalize(bodyText(d.body, d.attachmentText));
      return runs.every((r) => t.includes(r) || b.includes(r));
    })
    .filter(filter)
    .map((d) => `${d.objectType}:${d.objectId}`)
    .sort();
}

const QUERIES = [
  // 2 characters
  '低保',
  '公示',
  '救助',
  '城关',
  '季度',
  '补贴',
  '名单',
  '异议',
  '资金',
  '万元',
  '号文',
  '附件',
  '20',
  '25',
  'pd',
  '年第',
  '镇2',
  // 4 characters
  '义务教育',
  '征地补偿',
  '危房改造',
  '医疗救助',
  '公开招聘',
  '人民政府',
  '最低生活',
  '2025',
  '5年第三',
  '0731',
  '公示期为',
  '对象公示',
  // mixed, ASCII, full-width
  '2025年',
  'PDF',
  'pdf',
  'ＰＤＦ',
  'Excel',
  'APP',
  'example',
  '２０２５',
  'gov.cn',
  '民发〔2021〕57号',
  // spanning punctuation (every run must be present)
  '低保，公示',
  '办法》（民发',
  '公示。公示期',
  '姓名 金额',
  '城关镇 危房改造',
  // long documents
  '麒麟阁',
  '末尾独有短语麒麟阁',
  '公示期满',
  '凤凰台上凤凰游',
  '癸凤凰',
  '游子丑寅',
  // outside the BMP
  '𠀀𠀁',
  '王𠀀',
  '𰀀𰀁组',
  // no hits
  '火星',
  '量子计算',
  'zzz',
  '低保公开招聘',
  '城关镇镇',
];

async function allHits(
  k: Parameters<typeof search>[0],
  query: SearchQuery,
  rankLimit?: number,
  totalLimit?: number,
): Promise<{ keys: string[]; total: number; totalExact: boolean }> {
  const keys: string[] = [];
  let first: { total: number; totalExact: boolean } | null = null;
  for (let page = 1; ; page++) {
    const res = await search(k, { ...query, page, pageSize: 50 }, { rankLimit, totalLimit });
    first ??= { total: res.total, totalExact: res.totalExact };
    expect(res.total).toBe(first.total);
    expect(res.totalExact).toBe(first.totalExact);
    keys.push(...res.hits.map((h) => `${h.objectType}:${h.objectId}`));
    // hasMore is exact: a next page exists exactly when this page is full and hits remain
    if (!res.hasMore) break;
    expect(res.hits).toHaveLength(50);
  }
  return { keys: keys.sort(), ...first! };
}

describeEachDb('search', (db) => {
  const docs = corpus(400);

  beforeAll(async () => {
    await indexMany(db().k, docs);
    await optimizeIndex(db().k);
  });

  it('has at least 30 queries of 2 and 4 characters', () => {
    expect(QUERIES.filter((q) => [2, 4].includes(Array.from(q).length)).length).toBeGreaterThanOrEqual(30);
  });

  it.each(QUERIES)('recall and precision are exact for %s', async (q) => {
    const want = expected(docs, q);
    const got = await allHits(db().k, { q, jurisdictionPrefix: '' });
    expect(got.keys).toEqual(want);
    expect(got.total).toBe(want.length);
    // the same set in date order and in "title first" order (used above RANK_LIMIT hits)
    expect((await allHits(db().k, { q, jurisdictionPrefix: '', sort: 'date' })).keys).toEqual(want);
    expect((await allHits(db().k, { q, jurisdictionPrefix: '' }, 0)).keys).toEqual(want);
  });

  it.each(QUERIES)(
    'above the count limit the total is a lower bound and every hit is still on a page: %s',
    async (q) => {
      const want = expected(docs, q);
      for (const limit of [0, 7, 60]) {
        for (const [sort, rankLimit] of [
          ['relevance', undefined],
          ['relevance', 0],
          ['date', undefined],
        ] as const) {
          const got = await allHits(db().k, { q, jurisdictionPrefix: '', sort }, rankLimit, limit);
          expect(got.keys, `${q} limit ${limit} ${sort}/${rankLimit}`).toEqual(want);
          expect(got.totalExact).toBe(want.length <= limit);
          expect(got.total).toBe(Math.min(want.length, limit));
        }
      }
    },
  );

  it('finds several queries with hits and some without', () => {
    const counts = QUERIES.map((q) => expected(docs, q).length);
    expect(counts.filter((n) => n > 0).length).toBeGreaterThan(35);
    expect(counts.filter((n) => n === 0).length).toBeGreaterThanOrEqual(5);
  });

  it('applies every filter in SQL', async () => {
    const cases: [Partial<SearchQuery>, (d: SearchDoc) => boolean][] = [
      [{ jurisdictionPrefix: '4302' }, (d) => d.jurisdictionCode.startsWith('4302')], // covers every document
      [{ jurisdictionPrefix: '430221' }, (d) => d.jurisdictionCode.startsWith('430221')],
      [{ jurisdictionPrefix: '4302210' }, (d) => d.jurisdictionCode.startsWith('4302210')],
      [{ jurisdictionPrefix: '440' }, () => false],
      [{ jurisdictionPrefix: '43022101' }, (d) => d.jurisdictionCode.startsWith('43022101')],
      [{ unitId: 3 }, (d) => d.unitId === 3],
      [{ year: 2024 }, (d) => d.publishedOn.startsWith('2024')],
      [{ subject: '社会保障' }, (d) => !!d.subject?.startsWith('社会保障\\')],
      [{ subject: '社会保障\\社会救助' }, (d) => d.subject === '社会保障\\社会救助'],
      [{ subject: '民政' }, (d) => d.subject === '民政'],
      [{ subject: '社会' }, () => false],
      [{ genre: '通知' }, (d) => d.genre === '通知'],
      [{ attribute: '依申请公开' }, (d) => d.attribute === '依申请公开'],
      [{ columnSlug: 'zfcg' }, (d) => d.columnSlug === 'zfcg'],
      [{ objectType: 'interpretation' }, (d) => d.objectType === 'interpretation'],
      [
        { jurisdictionPrefix: '430221', unitId: 2, year: 2025, genre: '公示' },
        (d) =>
          d.jurisdictionCode.startsWith('430221') &&
          d.unitId === 2 &&
          d.publishedOn.startsWith('2025') &&
          d.genre === '公示',
      ],
    ];
    for (const [f, pred] of cases) {
      for (const q of ['公示', '低保', '人民政府']) {
        for (const sort of ['relevance', 'date'] as const) {
          const got = await allHits(db().k, { q, jurisdictionPrefix: '', ...f, sort }, sort === 'date' ? undefined : 0);
          expect(got.keys, `${q} ${JSON.stringify(f)}`).toEqual(expected(docs, q, pred));
        }
      }
    }
  });

  it('pages: exact total, no overlap, date order newest first', async () => {
    const q = { q: '公示', jurisdictionPrefix: '', sort: 'date' as const, pageSize: 7 };
    const first = await search(db().k, { ...q, page: 1 });
    const second = await search(db().k, { ...q, page: 2 });
    expect(first.total).toBe(expected(docs, '公示').length);
    expect(first.hits).toHaveLength(7);
    expect(second.total).toBe(first.total);
    const keys = new Set([...first.hits, ...second.hits].map((h) => h.objectId));
    expect(keys.size).toBe(14);
    const dates = [...first.hits, ...second.hits].map((h) => h.publishedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(first.totalExact).toBe(true);
    expect(first.hasMore).toBe(true);
    const lastFull = await search(db().k, { ...q, page: Math.ceil(first.total / 7) });
    expect(lastFull.hasMore).toBe(false);
    expect(lastFull.hits.length).toBe(first.total - (Math.ceil(first.total / 7) - 1) * 7);
    const last = await search(db().k, { ...q, page: Math.ceil(first.total / 7) + 1 });
    expect(last.hits).toEqual([]);
    expect(last.total).toBe(first.total);
    const capped = await search(db().k, { q: '公示', jurisdictionPrefix: '', pageSize: 500 });
    expect(capped.hits).toHaveLength(50);
  });

  it('above the rank limit, relevance puts title hits first, then the rest, newest first', async () => {
    for (const pageSize of [7, 50]) {
      const hits = [];
      for (let page = 1; ; page++) {
        const res = await search(db().k, { q: '公示', jurisdictionPrefix: '', page, pageSize }, { rankLimit: 0 });
        hits.push(...res.hits);
        if (res.hits.length < pageSize) break;
      }
      const inTitle = hits.map((h) => normalize(h.title).includes('公示'));
      const firstOther = inTitle.indexOf(false);
      expect(firstOther).toBeGreaterThan(0);
      expect(inTitle.slice(firstOther).every((x) => !x)).toBe(true);
      for (const part of [hits.slice(0, firstOther), hits.slice(firstOther)]) {
        const dates = part.map((h) => h.publishedOn);
        expect(dates).toEqual([...dates].sort().reverse());
      }
      expect(hits.length).toBe(expected(docs, '公示').length);
    }
  });

  it('ranks title hits first by relevance', async () => {
    const res = await search(db().k, { q: '危房改造', jurisdictionPrefix: '', pageSize: 5 });
    expect(res.hits.length).toBeGreaterThan(0);
    for (const h of res.hits) expect(h.title).toContain('危房改造');
  });

  it('indexes long attachments in one batch (split into statements by size)', async () => {
    const k = db().k;
    const long = (i: number): SearchDoc => ({
      objectType: 'attachment-test',
      objectId: i,
      jurisdictionCode: '430221000000',
      unitId: 1,
      title: `长附件${i}`,
      body: '',
      attachmentText: `${'依法依规做好政府信息公开工作，'.repeat(20_000)}结尾标记${'甲乙丙'[i]}号`,
      publishedOn: '2025-05-05',
    });
    await indexMany(k, [long(0), long(1), long(2)]);
    for (const i of [0, 1, 2])
      expect(
        (await search(k, { q: `结尾标记${'甲乙丙'[i]}号`, jurisdictionPrefix: '' })).hits.map((h) => h.objectId),
      ).toEqual([i]);
    for (const i of [0, 1, 2]) await removeDoc(k, 'attachment-test', i);
    expect((await search(k, { q: '结尾标记', jurisdictionPrefix: '' })).total).toBe(0);
  });

  it('never matches a phrase across a run boundary', async () => {
    const k = db().k;
    await indexDoc(k, {
      objectType: 'record',
      objectId: 900010,
      jurisdictionCode: '430221000000',
      unitId: 1,
      title: '边界',
      body: '蓝鲸 鲸鱼座。座头',
      publishedOn: '2025-01-01',
    });
    expect((await search(k, { q: '蓝鲸鱼', jurisdictionPrefix: '' })).total).toBe(0);
    expect((await search(k, { q: '鲸鱼座头', jurisdictionPrefix: '' })).total).toBe(0);
    expect((await search(k, { q: '鲸鱼座', jurisdictionPrefix: '' })).total).toBe(1);
    await removeDoc(k, 'record', 900010);
  });

  it('flags a single character and searches nothing', async () => {
    expect(await search(db().k, { q: '镇', jurisdictionPrefix: '' })).toEqual({
      total: 0,
      totalExact: true,
      hasMore: false,
      hits: [],
      singleChar: true,
    });
    expect(await search(db().k, { q: '，', jurisdictionPrefix: '' })).toEqual({
      total: 0,
      totalExact: true,
      hasMore: false,
      hits: [],
    });
    const mixed = await search(db().k, { q: '镇 低保', jurisdictionPrefix: '' });
    expect(mixed.singleChar).toBeUndefined();
    expect(mixed.total).toBe(expected(docs, '低保').length);
  });

  it('re-indexing replaces the text and fields; removing deletes', async () => {
    const k = db().k;
    const doc: SearchDoc = {
      objectType: 'record',
      objectId: 900001,
      jurisdictionCode: '430221000000',
      unitId: 9,
      title: '独角兽养殖补贴公示',
      body: '旧正文：饕餮纹样。',
      publishedOn: '2025-01-01',
    };
    await indexDoc(k, doc);
    expect((await search(k, { q: '饕餮', jurisdictionPrefix: '' })).total).toBe(1);
    await indexDoc(k, {
      ...doc,
      title: '独角兽养殖补贴结果',
      body: '新正文：貔貅纹样。',
      unitId: 8,
      publishedOn: '2025-02-02',
    });
    expect((await search(k, { q: '饕餮', jurisdictionPrefix: '' })).total).toBe(0);
    expect((await search(k, { q: '独角兽 公示', jurisdictionPrefix: '' })).total).toBe(0);
    const now = await search(k, { q: '貔貅', jurisdictionPrefix: '' });
    expect(now.hits).toEqual([
      { objectType: 'record', objectId: 900001, title: '独角兽养殖补贴结果', publishedOn: '2025-02-02', unitId: 8 },
    ]);
    // "title hits first" (the SQLite titles table) follows the new title and date, with no stale row left
    const titled = await search(k, { q: '独角兽', jurisdictionPrefix: '' }, { rankLimit: 0 });
    expect(titled.hits.map((h) => [h.objectId, h.title])).toEqual([[900001, '独角兽养殖补贴结果']]);
    expect((await allHits(k, { q: '公示', jurisdictionPrefix: '' }, 0)).keys).not.toContain('record:900001');
    // a long document shrinking back to one part drops its overflow text
    await indexDoc(k, { ...doc, body: `${'各项工作有序推进，'.repeat(3000)}尾部词鸳鸯锅` });
    expect((await search(k, { q: '鸳鸯锅', jurisdictionPrefix: '' })).total).toBe(1);
    await indexDoc(k, { ...doc, body: '短正文' });
    expect((await search(k, { q: '鸳鸯锅', jurisdictionPrefix: '' })).total).toBe(0);
    await removeDoc(k, 'record', 900001);
    expect((await search(k, { q: '独角兽', jurisdictionPrefix: '' })).total).toBe(0);
    expect((await search(k, { q: '独角兽', jurisdictionPrefix: '' }, { rankLimit: 0 })).hits).toEqual([]);
    await removeDoc(k, 'record', 900001); // idempotent
    expect(await k.selectFrom('search_docs').select('id').where('object_id', '=', 900001).execute()).toEqual([]);
  });

  it('indexes inside the caller’s transaction (rolled back with it)', async () => {
    const k = db().k;
    await k.transaction().execute(async (t) => {
      await indexDoc(t, {
        objectType: 'record',
        objectId: 900002,
        jurisdictionCode: '430221000000',
        unitId: 1,
        title: '事务内索引',
        body: '麒麟阁',
        publishedOn: '2025-01-01',
      });
      expect((await search(t, { q: '事务内', jurisdictionPrefix: '' })).total).toBe(1);
    });
    await expect(
      k.transaction().execute(async (t) => {
        await indexDoc(t, {
          objectType: 'record',
          objectId: 900003,
          jurisdictionCode: '430221000000',
          unitId: 1,
          title: '回滚索引',
          body: '',
          publishedOn: '2025-01-01',
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect((await search(k, { q: '回滚索引', jurisdictionPrefix: '' })).total).toBe(0);
    await removeDoc(k, 'record', 900002);
  });
});

describe('search corpus', () => {
  it('is realistic enough: mixed scripts and full-width punctuation', () => {
    const text = corpus(50)
      .map((d) => d.title + d.body)
      .join('');
    for (const s of ['，', '。', '《', '〔', '（', '：', '；', 'PDF', 'ＡＰＰ', '2025']) expect(text).toContain(s);
  });
});

describe('migration 0011 (SQLite titles index)', () => {
  it('fills search_title_fts from search_docs, so "title hits first" is exact on an index built before it', async () => {
    const { createTestDb } = await import('../../testing.js');
    const { up } = await import('../migrations/0011_search_titles.js');
    const { sql } = await import('kysely');
    const db = await createTestDb('sqlite');
    try {
      const docs = corpus(150);
      await indexMany(db.k, docs);
      // As before the migration: the main index only.
      await sql`drop table search_title_fts`.execute(db.k);
      await up(db.k);
      for (const q of ['公示', '低保', '城关镇 危房改造', '人民政府']) {
        for (const f of [{}, { unitId: 3 }, { year: 2024 }]) {
          const got = await allHits(db.k, { q, jurisdictionPrefix: '', ...f }, 0);
          const pred = (d: SearchDoc) =>
            ('unitId' in f ? d.unitId === f.unitId : true) &&
            ('year' in f ? d.publishedOn.startsWith(String(f.year)) : true);
          expect(got.keys, `${q} ${JSON.stringify(f)}`).toEqual(expected(docs, q, pred));
          // the first page of "title first": title hits newest first, then the others newest first (ties in index order)
          const first = await search(db.k, { q, jurisdictionPrefix: '', ...f, pageSize: 5 }, { rankLimit: 0 });
          const hit = new Set(expected(docs, q, pred));
          const inTitle = (d: SearchDoc) => queryTerms(q).runs.every((r) => normalize(d.title).includes(r));
          const order = docs
            .map((d, i) => ({ d, i }))
            .filter(({ d }) => hit.has(`${d.objectType}:${d.objectId}`))
            .sort(
              (a, b) =>
                Number(inTitle(b.d)) - Number(inTitle(a.d)) ||
                (a.d.publishedOn < b.d.publishedOn ? 1 : a.d.publishedOn > b.d.publishedOn ? -1 : b.i - a.i),
            );
          expect(
            first.hits.map((h) => h.objectId),
            `${q} ${JSON.stringify(f)}`,
          ).toEqual(order.slice(0, 5).map(({ d }) => d.objectId));
        }
      }
    } finally {
      await db.close();
    }
  });
});
