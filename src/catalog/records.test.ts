import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName, testApp, TestClient } from '../testing.js';
import { recordFields, toCsv, saveRecord, deleteRecord, itemRecords } from './records.js';
import * as cat from './service.js';
import { itemForm } from './testing.js';
import { type ValidationError, ForbiddenError } from '../platform/errors.js';

describe('record fields from 要素', () => {
  it.each([
    ['●学校名称●地址●办学层次●办学类型●办公电话', ['学校名称', '地址', '办学层次', '办学类型', '办公电话']],
    ['名称、地址、联系电话', ['名称', '地址', '联系电话']],
    ['1.项目名称；2.建设单位；3.投资额。', ['项目名称', '建设单位', '投资额']],
    ['', []],
  ])('%s', (elements, fields) => expect(recordFields(elements)).toEqual(fields));

  it('writes CSV with a BOM, quoting and no formula injection', () => {
    expect(toCsv(['名称', '电话'], [{ id: 1, data: { 名称: '城关"一"小', 电话: '=1+1' } }])).toBe(
      '\uFEFF名称,电话\r\n"城关""一""小","\'=1+1"\r\n',
    );
  });
});

describeEachDb('item records (梳理)', (db) => {
  let catalogId: number;
  let itemId: number;

  it('keeps one record per school under 义务教育学校名录, audited', async () => {
    await seedDemoDb(db());
    const editor = await actorFor(db(), 'cgz.bianji');
    catalogId = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    itemId = await cat.addItem(
      db(),
      editor,
      catalogId,
      itemForm({
        domain: '义务教育',
        level1: '学校名录',
        level2: '义务教育学校名录',
        elements: '●学校名称●地址●办学层次●办学类型●办公电话',
      }),
    );
    const x = await itemRecords(db(), editor, itemId);
    expect(x.fields).toEqual(['学校名称', '地址', '办学层次', '办学类型', '办公电话']);
    await saveRecord(db(), editor, itemId, null, {
      field_0: '城关镇第一小学',
      field_1: '人民路 8 号',
      field_2: '小学',
      field_3: '公办',
      field_4: '0000-6121001',
    });
    await saveRecord(db(), editor, itemId, null, {
      field_0: '城关镇中学',
      field_1: '学府路 2 号',
      field_2: '初中',
      field_3: '公办',
      field_4: '0000-6121002',
    });
    const empty = await saveRecord(db(), editor, itemId, null, {}).catch((e: unknown) => e);
    expect((empty as ValidationError).fieldErrors).toEqual({ field_0: '请至少填写一项内容' });
    await expect(
      saveRecord(db(), await actorFor(db(), 'shq.bianji'), itemId, null, { field_0: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const audit = await db()
      .k.selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'catalog.record_add')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual([
      '城关镇人民政府为“学校名录 / 义务教育学校名录”新增梳理记录',
      '城关镇人民政府为“学校名录 / 义务教育学校名录”新增梳理记录',
    ]);
  });

  it('shows the records on the portal once the item is published, with a filter and downloads', async () => {
    const app = testApp(db());
    const client = new TestClient(app);
    expect((await client.get(`/xxgk/ml/${catalogId}/items/${itemId}`)).status).toBe(404); // not published yet
    const editor = await actorFor(db(), 'cgz.bianji');
    await cat.submit(db(), editor, catalogId, {});
    await cat.review(db(), await actorFor(db(), 'gkb'), catalogId, { decision: 'approve' });
    const html = await (await client.get(`/xxgk/ml/${catalogId}/items/${itemId}`)).text();
    expect(html).toContain('城关镇第一小学');
    expect(html).toContain('城关镇中学');
    const filtered = await (
      await client.get(`/xxgk/ml/${catalogId}/items/${itemId}?q=${encodeURIComponent('初中')}`)
    ).text();
    expect(filtered).toContain('城关镇中学');
    expect(filtered).not.toContain('城关镇第一小学');
    const bytes = Buffer.from(
      await (await client.get(`/xxgk/ml/${catalogId}/items/${itemId}/records.csv`)).arrayBuffer(),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM, so that Excel reads UTF-8
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv).toBe(
      '学校名称,地址,办学层次,办学类型,办公电话\r\n城关镇第一小学,人民路 8 号,小学,公办,0000-6121001\r\n城关镇中学,学府路 2 号,初中,公办,0000-6121002\r\n',
    );
    const xlsx = await client.get(`/xxgk/ml/${catalogId}/items/${itemId}/records.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await xlsx.arrayBuffer());
    expect(wb.worksheets[0].getRow(3).getCell(1).value).toBe('城关镇中学');
    const versionPage = await (await client.get(`/xxgk/ml/${catalogId}`)).text();
    expect(versionPage).toContain(`href="/xxgk/ml/${catalogId}/items/${itemId}"`);
    const rec = (await itemRecords(db(), editor, itemId)).records[0];
    await deleteRecord(db(), editor, itemId, rec.id);
    expect(await (await client.get(`/xxgk/ml/${catalogId}/items/${itemId}/records.csv`)).text()).not.toContain(
      '第一小学',
    );
  });
});
