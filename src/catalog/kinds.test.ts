import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName, testApp, TestClient } from '../testing.js';
import * as cat from './service.js';
import { categoriesFor } from './kinds.js';
import { itemForm } from './testing.js';
import { ValidationError } from '../platform/errors.js';

it('gives each catalog kind its categories (条例第二十条、第二十一条 for the supplementary catalog)', () => {
  expect(categoriesFor('standard', 'county')).toHaveLength(26);
  const county = categoriesFor('supplementary', 'county');
  expect(county[0]).toBe('第二十条（一）行政法规、规章和规范性文件');
  expect(county).toContain('第二十一条：治安管理');
  const township = categoriesFor('supplementary', 'township');
  expect(township).toContain('第二十一条：宅基地使用情况审核');
  expect(township).not.toContain('第二十一条：治安管理');
  expect(categoriesFor('village', 'township')).toEqual([
    '脱贫攻坚',
    '乡村振兴',
    '村级财务',
    '惠农政策',
    '养老服务',
    '社会救助',
    '其他',
  ]);
});

describeEachDb('the three catalogs of a unit', (db) => {
  it('keeps a supplementary catalog of the statutory items and a village-facing catalog picked from the others', async () => {
    await seedDemoDb(db());
    const editor = await actorFor(db(), 'cgz.bianji');
    const unit = await unitIdByName(db(), '城关镇人民政府');
    const standard = await cat.catalogForUnit(db(), editor, unit, 'standard');
    const supp = await cat.catalogForUnit(db(), editor, unit, 'supplementary');
    const village = await cat.catalogForUnit(db(), editor, unit, 'village');
    expect(new Set([standard, supp, village]).size).toBe(3);
    await cat.adoptRows(db(), editor, standard, 'shehui-jiuzhu', [11, 12]);
    const wrong = await cat.addItem(db(), editor, supp, itemForm()).catch((x: unknown) => x);
    expect((wrong as ValidationError).fieldErrors).toEqual({ domain: '请选择所属领域（类别）' });
    await cat.addItem(
      db(),
      editor,
      supp,
      itemForm({ domain: '第二十一条：宅基地使用情况审核', level1: '宅基地审批', level2: '农村宅基地审批结果' }),
    );
    await expect(cat.adoptRows(db(), editor, supp, 'shehui-jiuzhu', [1])).rejects.toBeInstanceOf(ValidationError);
    const picks = await cat.pickableItems(db(), editor, village);
    expect(picks.map((p) => p.level2)).toEqual(['政策法规文件', '办事指南', '农村宅基地审批结果']);
    expect(await cat.copyItems(db(), editor, village, [picks[1].id, picks[2].id], '社会救助')).toBe(2);
    const v = await cat.getCatalog(db(), editor, village);
    expect(v.items.map((i) => [i.domain, i.level2])).toEqual([
      ['社会救助', '办事指南'],
      ['社会救助', '农村宅基地审批结果'],
    ]);
    const bad = await cat.copyItems(db(), editor, village, [picks[0].id], '不存在').catch((x: unknown) => x);
    expect((bad as ValidationError).fieldErrors).toEqual({ category: '请选择类别' });
    await cat.submit(db(), editor, village, {});
    await cat.review(db(), await actorFor(db(), 'gkb'), village, { decision: 'approve' });
    const client = new TestClient(testApp(db()));
    const list = await (await client.get('/xxgk/ml')).text();
    expect(list).toContain('面向村（居）政务公开事项目录');
    expect(await (await client.get(`/xxgk/ml/${village}`)).text()).toContain(
      '<h1>城关镇人民政府面向村（居）政务公开事项目录</h1>',
    );
  });
});
