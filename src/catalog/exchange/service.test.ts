import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, actorFor, unitIdByName } from '../../testing.js';
import * as cat from '../service.js';
import { exportCatalog, previewImport, commitImport, exportPublished, ImportFailed } from './service.js';
import { xlsxToCatalog } from './xlsx.js';
import { itemForm } from '../testing.js';
import { ConflictError } from '../../platform/errors.js';

const data = (items: cat.CatalogItem[]) =>
  items.map(
    ({
      id: _id,
      sortOrder: _s,
      source: _src,
      reviewComment: _r,
      responsibleUnitId: _u,
      contact: _c,
      manualRule: _m,
      ...rest
    }) => rest,
  );

describeEachDb('catalog exchange with office files', (db) => {
  it('exports a catalog to xlsx and imports it back into another unit identically', async () => {
    await seedDemoDb(db());
    const editor = await actorFor(db(), 'cgz.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    await cat.adoptRows(db(), editor, id, 'shehui-jiuzhu', [1, 2, 3, 4, 11, 12]);
    await cat.adoptRows(db(), editor, id, 'zhengdi-buchang', [1, 2]); // complete rows with sector platforms as extra channels
    await cat.addItem(
      db(),
      editor,
      id,
      itemForm({
        level3: '资金发放名单',
        audience_specific: '1',
        specific_group: '临时救助对象',
        tier_village: '1',
        extra_channels: '民政业务专栏\n城关镇微信公众号',
      }),
    );
    const original = (await cat.getCatalog(db(), editor, id)).items;
    const file = await exportCatalog(db(), editor, id, 'xlsx');
    expect(file.filename).toBe('城关镇人民政府政务公开事项标准目录.xlsx');
    const parsed = await xlsxToCatalog(file.body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.items).toEqual(data(original));

    const other = await actorFor(db(), 'shq.bianji');
    const target = await cat.catalogForUnit(db(), other, await unitIdByName(db(), '石桥镇人民政府'));
    const p = await previewImport(db(), other, target, file.filename, file.body);
    expect(p.items).toHaveLength(original.length);
    expect((await cat.getCatalog(db(), other, target)).items).toHaveLength(0); // nothing written before confirmation
    expect(await commitImport(db(), other, p.token, 'replace')).toBe(original.length);
    expect(data((await cat.getCatalog(db(), other, target)).items)).toEqual(data(original));
    const audit = await db()
      .k.selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'catalog.import')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual([
      `石桥镇人民政府目录从 城关镇人民政府政务公开事项标准目录.xlsx 导入 ${original.length} 项（替换原有事项）`,
    ]);
    const docx = await exportCatalog(db(), editor, id, 'docx');
    expect(docx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a bad file with row/column errors and writes nothing', async () => {
    const other = await actorFor(db(), 'shq.bianji');
    const target = await cat.catalogForUnit(db(), other, await unitIdByName(db(), '石桥镇人民政府'));
    const before = (await cat.getCatalog(db(), other, target)).items.length;
    const e = await previewImport(db(), other, target, 'x.xlsx', Buffer.from('not a spreadsheet')).catch(
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(ImportFailed);
    expect((e as ImportFailed).errors).toEqual([
      { sheet: '', row: 0, column: '', message: '文件不是 Excel（.xlsx）格式，未导入。' },
    ]);
    const wrongType = await previewImport(db(), other, target, 'x.xls', Buffer.from('x')).catch((x: unknown) => x);
    expect((wrongType as ImportFailed).errors[0].message).toBe('只能导入 .xlsx 格式的 Excel 文件，未导入。');
    expect((await cat.getCatalog(db(), other, target)).items.length).toBe(before);
  });

  it('does not import into a catalog under review, nor for someone without the right', async () => {
    const editor = await actorFor(db(), 'cgz.bianji');
    const id = await cat.catalogForUnit(db(), editor, await unitIdByName(db(), '城关镇人民政府'));
    const file = await exportCatalog(db(), editor, id, 'xlsx');
    await cat.submit(db(), editor, id, {});
    await expect(previewImport(db(), editor, id, file.filename, file.body)).rejects.toBeInstanceOf(ConflictError);
    await cat.review(db(), await actorFor(db(), 'gkb'), id, { decision: 'approve' });
    const pub = await exportPublished(db(), '990121', id, undefined, 'xlsx');
    expect((await xlsxToCatalog(pub.body)).items).toHaveLength(9);
  });
});
