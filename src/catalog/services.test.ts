import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName, testApp, TestClient } from '../testing.js';
import {
  parseCsv,
  readServiceList,
  serviceNameOf,
  similarity,
  alignItems,
  importServiceItems,
  serviceItemsOf,
  ServiceImportFailed,
} from './services.js';
import * as cat from './service.js';
import { ForbiddenError } from '../platform/errors.js';

describe('service-item alignment (pure)', () => {
  it('reads CSV with quotes and a BOM', () => {
    expect(
      parseCsv('\uFEFF事项名称,实施主体\r\n"最低生活保障审核确认","示范县民政局"\r\n"临时救助给付, 一般",x\n'),
    ).toEqual([
      ['事项名称', '实施主体'],
      ['最低生活保障审核确认', '示范县民政局'],
      ['临时救助给付, 一般', 'x'],
    ]);
  });
  it.each([
    [{ level1: '最低生活保障', level2: '办事指南', level3: null }, '最低生活保障'],
    [{ level1: '临时救助', level2: '临时救助金给付', level3: null }, '临时救助金给付'],
    [{ level1: '综合业务', level2: '政策法规文件', level3: null }, null],
  ])('service name of %o is %s', (item, name) => expect(serviceNameOf(item)).toBe(name));
  it('suggests the closest names', () => {
    expect(similarity('最低生活保障', '最低生活保障审核确认')).toBeGreaterThan(0.6);
    const m = alignItems(
      [
        { id: 1, level1: '最低生活保障', level2: '办事指南', level3: null },
        { id: 2, level1: '临时救助', level2: '临时救助给付', level3: null },
      ],
      [
        { name: '最低生活保障审核确认', code: null, unitName: null, category: null },
        { name: '临时救助给付', code: null, unitName: null, category: null },
        { name: '特困人员认定', code: null, unitName: null, category: null },
      ],
    );
    expect(m).toEqual([
      { itemId: 1, name: '最低生活保障', suggestions: [{ name: '最低生活保障审核确认', score: 0.71 }] },
    ]);
  });
  it('reports bad rows by row and column and imports nothing', async () => {
    const r = await readServiceList(
      'x.csv',
      Buffer.from('序号,事项名称,实施主体\n1,最低生活保障审核确认,民政局\n2,,民政局\n3,最低生活保障审核确认,民政局\n'),
    );
    expect(r).toEqual({
      items: [],
      errors: [
        { sheet: 'x.csv', row: 3, column: 'B', message: '缺少事项名称' },
        { sheet: 'x.csv', row: 4, column: 'B', message: '与第 2 行重复' },
      ],
    });
    expect((await readServiceList('x.txt', Buffer.from('a'))).errors[0].message).toBe(
      '只能导入 .xlsx 或 .csv 文件，未导入。',
    );
    expect((await readServiceList('x.xlsx', Buffer.from('a'))).errors[0].message).toBe(
      '文件不是 Excel（.xlsx）格式，未导入。',
    );
    expect((await readServiceList('x.csv', Buffer.from('名字\n张三'))).errors[0].message).toBe('未找到“事项名称”列');
  });
});

describeEachDb('service list import and alignment', (db) => {
  it('imports the county list from Excel and flags catalog items whose names differ', async () => {
    await seedDemoDb(db());
    const scope = {
      code: '990121',
      jurisdictionId: (
        await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
      ).id,
      name: '示范县',
    };
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('政务服务事项');
    ws.addRow(['示范县政务服务事项清单']);
    ws.addRow(['序号', '事项名称', '事项编码', '实施主体', '事项类型']);
    ws.addRow([1, '最低生活保障审核确认', '000000000001', '示范县民政局', '行政确认']);
    ws.addRow([2, '临时救助给付', '000000000002', '示范县民政局', '行政给付']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(
      importServiceItems(db(), await actorFor(db(), 'cgz.bianji'), scope, 'list.xlsx', buf),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await importServiceItems(db(), await actorFor(db(), 'gkb'), scope, 'list.xlsx', buf)).toBe(2);
    expect(await serviceItemsOf(db(), '990121001')).toEqual([
      { name: '最低生活保障审核确认', code: '000000000001', unitName: '示范县民政局', category: '行政确认' },
      { name: '临时救助给付', code: '000000000002', unitName: '示范县民政局', category: '行政给付' },
    ]);
    const bad = await importServiceItems(
      db(),
      await actorFor(db(), 'gkb'),
      scope,
      'bad.csv',
      Buffer.from('事项名称\n\n,\n'),
    ).catch((x: unknown) => x);
    expect(bad).toBeInstanceOf(ServiceImportFailed);
    expect(await serviceItemsOf(db(), '990121')).toHaveLength(2);

    const editor = await actorFor(db(), 'cgz.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    await cat.adoptRows(db(), editor, id, 'shehui-jiuzhu', [4, 12]); // 最低生活保障 / 办事指南, 临时救助 / 办事指南
    const c = new TestClient(testApp(db()), '10.30.0.1');
    await c.login('cgz.bianji', 'Shifan2026');
    const html = await (await c.get(`/admin/catalogs/${id}`)).text();
    expect(html).toContain('与政务服务事项名称不一致的事项（2）');
    expect(html).toContain('最接近的名称：最低生活保障审核确认');
    const g = new TestClient(testApp(db()), '10.30.0.2');
    await g.login('gkb', 'Shifan2026');
    const report = await (await g.get('/admin/catalogs/services')).text();
    expect(report).toContain('当前清单：2 项');
    expect(report).toContain('临时救助给付');
  });
});
