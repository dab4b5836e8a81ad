import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../testing.js';
import { guidelinesFor, importGuidelines, GuidelineImportFailed } from './guidelines.js';
import { catalogToXlsx } from './exchange/xlsx.js';
import * as cat from './service.js';
import { ForbiddenError } from '../platform/errors.js';
import type { CatalogItemData } from './model.js';

const row = (n: number, domain = '社会救助'): CatalogItemData => ({
  domain,
  level1: n <= 5 ? '最低生活保障' : '特困人员救助供养',
  level2: `第${n}项`,
  level3: null,
  elements: `●要素${n}`,
  basis: '《社会救助暂行办法》',
  timeLimit: '制定或获取信息之日起10个工作日内',
  subject: '县级人民政府民政部门、乡镇人民政府（街道办事处）',
  channels: ['政府网站', '公开查阅点'],
  extraChannels: [],
  audiencePublic: true,
  audienceSpecific: false,
  specificGroup: null,
  modeProactive: true,
  modeOnRequest: false,
  tiers: ['county', 'township'],
});

describeEachDb('importing full guideline tables', (db) => {
  const scope = { code: '990121', jurisdictionId: 0, name: '示范县' };

  it('replaces a domain’s shipped partial rows for the county, and units adopt from the full table', async () => {
    await seedDemoDb(db());
    scope.jurisdictionId = (
      await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
    ).id;
    const file = await catalogToXlsx(
      { title: '社会救助领域基层政务公开标准指引', unitName: '民政部' },
      Array.from({ length: 15 }, (_, i) => row(i + 1)),
    );
    const gkb = await actorFor(db(), 'gkb');
    expect(await importGuidelines(db(), gkb, scope, '社会救助指引.xlsx', file)).toEqual({
      domains: ['社会救助'],
      items: 15,
    });
    const list = await guidelinesFor(db(), '990121');
    const sj = list.find((d) => d.name === '社会救助')!;
    expect(sj).toMatchObject({ partial: false });
    expect(sj.rows).toHaveLength(15);
    expect(list.find((d) => d.name === '义务教育')!.partial).toBe(true);
    // another county still sees the shipped rows
    expect((await guidelinesFor(db(), '880101')).find((d) => d.name === '社会救助')!.rows).toHaveLength(13);
    const editor = await actorFor(db(), 'cgz.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    await cat.adoptRows(db(), editor, id, 'shehui-jiuzhu', [14, 15]);
    expect((await cat.getCatalog(db(), editor, id)).items.map((i) => i.level2)).toEqual(['第14项', '第15项']);
  });

  it('refuses sheets that are not one of the 26 domains and files with bad rows, importing nothing', async () => {
    const gkb = await actorFor(db(), 'gkb');
    const file = await catalogToXlsx({ title: 't', unitName: 'u' }, [row(1, '社会救助'), row(2, '殡葬管理')]);
    const e = await importGuidelines(db(), gkb, scope, 'x.xlsx', file).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GuidelineImportFailed);
    expect((e as GuidelineImportFailed).errors).toEqual([
      { sheet: '殡葬管理', row: 0, column: '', message: '“殡葬管理”不是 26 个试点领域之一，请将工作表命名为领域名称' },
    ]);
    expect((await guidelinesFor(db(), '990121')).find((d) => d.name === '社会救助')!.rows).toHaveLength(15);
  });

  it('lets only the county office and the system administrator import', async () => {
    const file = await catalogToXlsx({ title: 't', unitName: 'u' }, [row(1)]);
    for (const who of ['cgz.bianji', 'shiji', 'cgz.banli']) {
      await expect(importGuidelines(db(), await actorFor(db(), who), scope, 'x.xlsx', file)).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    }
  });
});
