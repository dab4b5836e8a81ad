import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import * as cat from './service.js';
import { type ValidationError, ForbiddenError, ConflictError } from '../platform/errors.js';
import { itemForm } from './testing.js';
import { STANDARD_CHANNELS } from './model.js';

describeEachDb('catalog workflow', (db) => {
  let catalogId: number;

  it('seeds', async () => {
    await seedDemoDb(db());
  });

  it('lets a township editor adopt 社会救助 rows, edit two and add a local item', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    catalogId = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    expect(await cat.adoptRows(db(), editor, catalogId, 'shehui-jiuzhu', [1, 2, 3, 4, 11, 12])).toBe(6);
    const view = await cat.getCatalog(db(), editor, catalogId);
    expect(view.items.map((i) => `${i.level1}/${i.level2}`)).toEqual([
      '综合业务/政策法规文件',
      '综合业务/监督检查',
      '最低生活保障/政策法规文件',
      '最低生活保障/办事指南',
      '临时救助/政策法规文件',
      '临时救助/办事指南',
    ]);
    const [, , low1, low2] = view.items;
    await cat.updateItem(
      db(),
      editor,
      low1.id,
      itemForm({
        level1: '最低生活保障',
        level2: '政策法规文件',
        elements: `${low1.elements}●本县低保标准文件`,
        time_limit: low1.timeLimit,
        subject: low1.subject,
      }),
    );
    await cat.updateItem(
      db(),
      editor,
      low2.id,
      itemForm({
        level1: '最低生活保障',
        level2: '办事指南',
        elements: low2.elements,
        subject: '城关镇人民政府社会事务办',
      }),
    );
    await cat.addItem(db(), editor, catalogId, itemForm());
    const after = await cat.getCatalog(db(), editor, catalogId);
    expect(after.items).toHaveLength(7);
    expect(after.items.find((i) => i.id === low2.id)!.subject).toBe('城关镇人民政府社会事务办');
    const audit = await db()
      .k.selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'catalog.%')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'catalog.adopt',
      'catalog.item_update',
      'catalog.item_update',
      'catalog.item_add',
    ]);
  });

  it('validates the item form and writes nothing on error', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    const e = await cat
      .addItem(
        db(),
        editor,
        catalogId,
        itemForm({
          level1: '',
          elements: '',
          channel_0: '',
          [`channel_${STANDARD_CHANNELS.indexOf('社区/企事业单位/村公示栏（电子屏）')}`]: '',
          audience_public: '',
          audience_specific: '1',
          tier_township: '',
        }),
      )
      .catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors).toEqual({
      level1: '请填写一级事项',
      elements: '请填写公开内容（要素）',
      channel_0: '请至少选择一个公开渠道和载体',
      tier_county: '请选择公开层级',
    });
    const e2 = await cat
      .addItem(db(), editor, catalogId, itemForm({ audience_specific: '1' }))
      .catch((x: unknown) => x);
    expect((e2 as ValidationError).fieldErrors).toEqual({ specific_group: '选择“特定群体”时请写明群体，如“低保对象”' });
    expect((await cat.getCatalog(db(), editor, catalogId)).items).toHaveLength(7);
  });

  it('records the responsible unit and contact of an item, within the county', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    const mz = await unitIdByName(db(), '示范县民政局');
    const id = await cat.addItem(
      db(),
      editor,
      catalogId,
      itemForm({ level2: '责任测试', responsible_unit_id: String(mz), contact: '社会事务办 0000-1234567' }),
    );
    const item = (await cat.getCatalog(db(), editor, catalogId)).items.find((i) => i.id === id)!;
    expect(item).toMatchObject({ responsibleUnitId: mz, contact: '社会事务办 0000-1234567' });
    const e = await cat
      .updateItem(db(), editor, id, itemForm({ level1: '', responsible_unit_id: '999999' }))
      .catch((x: unknown) => x);
    expect((e as ValidationError).fieldErrors).toEqual({
      level1: '请填写一级事项',
      responsible_unit_id: '责任单位须是本县（区）启用的单位',
    });
    await cat.deleteItem(db(), editor, id);
  });

  it('keeps other units and roles out', async () => {
    const other = await actorFor(db(), 'shq.bianji');
    await expect(cat.getCatalog(db(), other, catalogId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(cat.addItem(db(), other, catalogId, itemForm())).rejects.toBeInstanceOf(ForbiddenError);
    const reviewer = await actorFor(db(), 'cgz.shenhe');
    await expect(cat.addItem(db(), reviewer, catalogId, itemForm())).rejects.toBeInstanceOf(ForbiddenError);
    const gkb = await actorFor(db(), 'gkb');
    await expect(cat.review(db(), gkb, catalogId, { decision: 'approve' })).rejects.toBeInstanceOf(ConflictError); // not submitted yet
  });

  it('submits; the county office returns one item with a comment; the editor fixes it; the county approves and it is published', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    await cat.submit(db(), editor, catalogId, {});
    await expect(cat.addItem(db(), editor, catalogId, itemForm())).rejects.toBeInstanceOf(ConflictError);
    const gkb = await actorFor(db(), 'gkb');
    expect((await cat.reviewQueue(db(), gkb)).map((r) => r.unit.name)).toEqual(['城关镇人民政府']);
    const view = await cat.getCatalog(db(), gkb, catalogId);
    const local = view.items.find((i) => i.source === 'local')!;
    const noComment = await cat.review(db(), gkb, catalogId, { decision: 'return' }).catch((x: unknown) => x);
    expect((noComment as ValidationError).fieldErrors).toEqual({
      comment: '退回时请至少填写一条意见（总体意见或对具体事项的意见）',
    });
    expect(
      await cat.review(db(), gkb, catalogId, { decision: 'return', [`item_${local.id}`]: '请写明公开依据的具体条款' }),
    ).toBe('returned');
    const returned = await cat.getCatalog(db(), editor, catalogId);
    expect(returned.catalog.status).toBe('returned');
    expect(returned.items.find((i) => i.id === local.id)!.reviewComment).toBe('请写明公开依据的具体条款');
    const early = await cat.submit(db(), editor, catalogId, {}).catch((x: unknown) => x);
    expect((early as ValidationError).message).toBe(
      '以下退回意见尚未处理：“临时救助 / 本镇临时救助资金发放”。修改该事项后再提交。',
    );
    await cat.updateItem(db(), editor, local.id, itemForm({ basis: '《社会救助暂行办法》第四十七条' }));
    await cat.submit(db(), editor, catalogId, {});
    expect(await cat.review(db(), gkb, catalogId, { decision: 'approve', comment: '同意发布' })).toBe('published');
    const published = await cat.getCatalog(db(), editor, catalogId);
    expect(published.catalog).toMatchObject({ status: 'published', current_version: 1 });
    expect(published.versions).toMatchObject([
      { version: 1, approved_by: '公开办 王明（gkb）', submitted_by: '城关镇 张编（cgz.bianji）' },
    ]);
  });

  it('shows only published versions to the public, and a later change makes version 2 with a diff', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    const county = '990121';
    expect((await cat.publishedCatalogs(db(), county)).map((c) => c.unit_name)).toEqual(['城关镇人民政府']);
    const v1 = await cat.publishedVersion(db(), county, catalogId);
    expect(v1.snapshot.items).toHaveLength(7);
    const view = await cat.getCatalog(db(), editor, catalogId);
    const first = view.items[0];
    await cat.updateItem(
      db(),
      editor,
      first.id,
      itemForm({
        level1: first.level1,
        level2: first.level2!,
        elements: first.elements,
        basis: first.basis,
        time_limit: '制定或获取信息之日起5个工作日内',
        subject: first.subject,
        tier_county: '1',
      }),
    );
    await cat.deleteItem(db(), editor, view.items[1].id);
    // the working copy changed, the portal still shows version 1
    expect((await cat.publishedVersion(db(), county, catalogId)).snapshot.items).toHaveLength(7);
    const noReason = await cat.submit(db(), editor, catalogId, {}).catch((x: unknown) => x);
    expect((noReason as ValidationError).fieldErrors).toEqual({ reason: '请说明本次修改的内容和原因' });
    await cat.submit(db(), editor, catalogId, { reason: '缩短公开时限，删除重复事项' });
    const gkb = await actorFor(db(), 'gkb');
    await cat.review(db(), gkb, catalogId, { decision: 'approve' });
    const v2 = await cat.publishedVersion(db(), county, catalogId);
    expect(v2.version).toBe(2);
    expect(v2.reason).toBe('缩短公开时限，删除重复事项');
    const diff = cat.diffSnapshots(v1.snapshot, v2.snapshot);
    expect(diff.map((d) => d.kind)).toEqual(['changed', 'removed']);
    expect(diff[0].fields).toEqual(
      expect.arrayContaining([
        { field: '公开时限', before: '制定或获取信息之日起10个工作日内', after: '制定或获取信息之日起5个工作日内' },
      ]),
    );
    expect(diff[1].label).toBe('社会救助：综合业务 / 监督检查');
    expect((await cat.publishedVersion(db(), county, catalogId, 1)).snapshot.items).toHaveLength(7);
  });

  it('declares a domain that does not apply, with a reason', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    await cat.setDomainNote(
      db(),
      editor,
      catalogId,
      'shuishou-guanli',
      '税收管理由国家税务总局示范县税务局负责，本镇不涉及',
    );
    const clash = await cat.setDomainNote(db(), editor, catalogId, 'shehui-jiuzhu', '不涉及').catch((x: unknown) => x);
    expect((clash as ValidationError).fieldErrors).toEqual({
      reason: '本目录已有社会救助领域的事项，不能同时声明未涉及',
    });
    expect((await cat.getCatalog(db(), editor, catalogId)).notes).toEqual([
      { domain: '税收管理', reason: '税收管理由国家税务总局示范县税务局负责，本镇不涉及' },
    ]);
  });

  it('sends approved catalogs to the city when the county requires it', async () => {
    await db()
      .k.insertInto('settings')
      .values({ scope: '990121', key: cat.CITY_REVIEW_KEY, value: 'true', updated_at: 'x' })
      .execute();
    const editor = await actorFor(db(), 'mzj.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '示范县民政局'));
    await cat.addItem(db(), editor, id, itemForm({ subject: '示范县民政局', tier_county: '1' }));
    await cat.submit(db(), editor, id, {});
    expect(await cat.review(db(), await actorFor(db(), 'gkb'), id, { decision: 'approve' })).toBe('city_review');
    await expect(cat.cityReview(db(), await actorFor(db(), 'gkb'), id, { decision: 'approve' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const city = await actorFor(db(), 'shiji');
    expect((await cat.reviewQueue(db(), city)).map((r) => r.unit.name)).toEqual(['示范县民政局']);
    expect(await cat.cityReview(db(), city, id, { decision: 'approve' })).toBe('published');
  });
});
