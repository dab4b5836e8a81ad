import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, openBenchDb, COUNTY, type BenchDb, type Generated } from '../bench/generate.js';
import { search } from '../src/platform/search/index.js';
import { SUBJECTS, GENRES } from '../src/publishing/model.js';
import { OUTCOMES } from '../src/requests/model.js';

describe('bench data generator', () => {
  let dir: string;
  let g: Generated;
  let db: BenchDb;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-bench-test-'));
    g = await generate({ records: 500, requests: 300, dir, log: () => undefined });
    db = openBenchDb(g.file);
  });

  afterAll(async () => {
    await db?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes N published, valid records with unique 索引号', () => {
    const rows = db.raw.prepare('select * from info_records').all() as Record<string, string | number | null>[];
    expect(rows).toHaveLength(500);
    expect(new Set(rows.map((r) => r.index_no)).size).toBe(500);
    const units = new Set(
      (db.raw.prepare("select id from units where kind != 'village_committee'").all() as { id: number }[]).map(
        (u) => u.id,
      ),
    );
    for (const r of rows) {
      expect(r).toMatchObject({
        status: 'published',
        attribute: 'proactive',
        county_code: COUNTY,
        column_slug: 'fdzdgknr',
        kind: 'info',
        validity: 'valid',
      });
      expect(units.has(r.unit_id as number)).toBe(true);
      expect(SUBJECTS).toContain(r.subject);
      expect(GENRES as readonly string[]).toContain(r.genre);
      expect(String(r.column_item)).toMatch(/^(a20-\d+|a21-社会救助)$/);
      expect(String(r.published_on)).toMatch(/^20(19|2[0-6])-\d{2}-\d{2}$/);
      expect(String(r.published_at) <= new Date().toISOString()).toBe(true);
      expect(String(r.formed_on) <= String(r.published_on)).toBe(true);
      const len = String(r.body_text).length;
      expect(len).toBeGreaterThanOrEqual(300);
      expect(len).toBeLessThanOrEqual(1600);
      if (r.doc_number) expect(String(r.doc_number)).toMatch(/^[\u4e00-\u9fa5]+〔20\d{2}〕[1-9]\d*号$/);
      // The metadata indexed with the body is text of the record itself, so a substring scan of title/body is the ground truth.
      for (const w of String(r.keywords).split('，').filter(Boolean)) expect(`${r.title}\n${r.body_text}`).toContain(w);
    }
  });

  it('links records to catalog items of their unit and fills the requests table', () => {
    const bad = db.raw
      .prepare(`select count(*) as n from info_record_items l join info_records r on r.id = l.record_id
      left join catalog_items i on i.id = l.catalog_item_id left join catalogs c on c.id = i.catalog_id where c.unit_id is null or c.unit_id != r.unit_id`)
      .get() as { n: number };
    expect(bad.n).toBe(0);
    expect((db.raw.prepare('select count(*) as n from info_record_items').get() as { n: number }).n).toBeGreaterThan(
      100,
    );
    const req = db.raw.prepare('select count(*) as n, count(distinct number) as u from info_requests').get() as {
      n: number;
      u: number;
    };
    expect(req).toEqual({ n: 300, u: 300 });
    const outcomes = (
      db.raw.prepare('select distinct outcome from info_requests where outcome is not null').all() as {
        outcome: string;
      }[]
    ).map((o) => o.outcome);
    for (const o of outcomes) expect(Object.keys(OUTCOMES)).toContain(o);
  });

  it('reuses the database for the same N', async () => {
    const again = await generate({ records: 500, requests: 300, dir, log: () => undefined });
    expect(again.reused).toBe(true);
    expect(again.file).toBe(g.file);
  });

  it('indexes every record: search finds a substring of a generated title', async () => {
    expect(g.meta.searchIndexed).toBe(500);
    const r = db.raw
      .prepare("select id, title from info_records where title like '%公示' order by id limit 1")
      .get() as { id: number; title: string };
    const q = r.title.slice(0, 4);
    const res = await search(db.k, { q, jurisdictionPrefix: COUNTY, pageSize: 50 });
    const scan = (
      db.raw
        .prepare('select count(*) as n from info_records where title like ? or body_text like ?')
        .get(`%${q}%`, `%${q}%`) as { n: number }
    ).n;
    expect(res.total).toBe(scan);
    // the record whose whole title is searched is among the hits (every page read)
    const ids: number[] = [];
    for (let page = 1; ; page++) {
      const res = await search(db.k, { q: r.title, jurisdictionPrefix: COUNTY, pageSize: 50, sort: 'date', page });
      ids.push(...res.hits.map((h) => h.objectId));
      if (!res.hasMore) break;
    }
    expect(ids).toContain(r.id);
  });
});
