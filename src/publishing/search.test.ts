import { it, expect, beforeAll } from 'vitest';
import { describeEachDb, seedDemoDb, unitIdByName, actorFor } from '../testing.js';
import { indexDoc, removeDoc, search } from '../platform/search/index.js';
import { createRecord, submitRecord, reviewRecord, publishRecord, withdrawRecord } from './service.js';
import { publishCatalog, recordForm } from './testing.js';
import { reindexRecords, SEARCH_TYPE } from './search.js';

const approve = { decision: 'approve', attribute_confirmed: '1', secrecy_checked: '1' };

describeEachDb('search-reindex: rebuilding the records index', (db) => {
  const ids: { published: number[]; withdrawn: number; draft: number } = { published: [], withdrawn: 0, draft: 0 };
  const found = async (q: string) =>
    (await search(db().k, { q, jurisdictionPrefix: '', objectType: SEARCH_TYPE, pageSize: 50 })).hits
      .map((h) => h.objectId)
      .sort((a, b) => a - b);

  beforeAll(async () => {
    await seedDemoDb(db());
    const unit = await unitIdByName(db(), '城关镇人民政府');
    const editor = await actorFor(db(), 'cgz.bianji');
    const reviewer = await actorFor(db(), 'cgz.shenhe');
    const [item] = await publishCatalog(db(), editor, await actorFor(db(), 'gkb'), unit, [
      { level1: '最低生活保障', level2: '低保对象公示', time_limit: '信息形成之日起10个工作日内' },
    ]);
    const publish = async (title: string) => {
      const r = await createRecord(db(), editor, unit, recordForm({ item_ids: [String(item)], title }));
      await submitRecord(db(), editor, r.id);
      await reviewRecord(db(), reviewer, r.id, approve);
      await publishRecord(db(), editor, r.id, {});
      return r.id;
    };
    ids.published = [
      await publish('麒麟村低保对象公示（第一批）'),
      await publish('麒麟村低保对象公示（第二批）'),
      await publish('麒麟村低保资金发放情况'),
    ];
    ids.withdrawn = await publish('麒麟村低保对象公示（有误）');
    await withdrawRecord(db(), reviewer, ids.withdrawn, { reason: '名单有误，已重新发布' });
    ids.draft = (await createRecord(db(), editor, unit, recordForm({ title: '麒麟村低保草稿' }))).id;
  });

  it('puts back what is missing and takes out what the portal does not show; a second run changes nothing', async () => {
    const before = await found('麒麟村');
    expect(before).toEqual(ids.published);
    // Drift: a published record lost from the index, a withdrawn one and a vanished one in it.
    await removeDoc(db().k, SEARCH_TYPE, ids.published[1]);
    const stale = {
      objectType: SEARCH_TYPE,
      jurisdictionCode: '',
      unitId: 1,
      title: '麒麟村低保对象公示（有误）',
      body: '',
      publishedOn: '2025-01-02',
    };
    await indexDoc(db().k, { ...stale, objectId: ids.withdrawn });
    await indexDoc(db().k, { ...stale, objectId: 987654, title: '麒麟村已不存在的记录' });
    expect(await found('麒麟村')).toEqual(
      [ids.published[0], ids.published[2], ids.withdrawn, 987654].sort((a, b) => a - b),
    );

    const published = await db()
      .k.selectFrom('info_records')
      .select('id')
      .where('status', '=', 'published')
      .where('attribute', 'in', ['proactive', 'redacted'])
      .execute();
    const r = await reindexRecords(db(), { batch: 2 });
    expect(r).toEqual({ indexed: published.length, removed: 2 });
    expect(await found('麒麟村')).toEqual(ids.published);
    expect(await found('草稿')).not.toContain(ids.draft);
    expect(await reindexRecords(db())).toEqual({ indexed: published.length, removed: 0 });
    expect(await found('麒麟村')).toEqual(ids.published);
  });
});
