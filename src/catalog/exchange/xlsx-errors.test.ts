import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { catalogToXlsx, xlsxToCatalog, MSG_NOT_XLSX } from './xlsx.js';
import { catalogToDocx } from './docx.js';
import {
  META,
  SHEHUI_JIUZHU,
  GONGGONG_ZIYUAN,
  load,
  toBuffer,
  type Cell,
  addSheet,
  build,
  HEAD2,
  HEAD3,
  HEAD_MERGES,
  STD_ROW,
  standardFile,
  expectErrors,
} from './xlsx-testing.js';

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

describe('xlsxToCatalog errors', () => {
  it('refuses files over the size limit before parsing', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1);
    big.write('PK\x03\x04', 'latin1');
    await expectErrors(big, [{ sheet: '', row: 0, column: '', message: '文件超过 5 MB，未导入。' }]);
    const small = await catalogToXlsx(META, SHEHUI_JIUZHU);
    const r = await xlsxToCatalog(small, { maxBytes: 1024 });
    expect(r).toEqual({
      items: [],
      errors: [{ sheet: '', row: 0, column: '', message: '文件超过 1 KB，未导入。' }],
      sheets: [],
    });
  });

  it('refuses files that are not .xlsx', async () => {
    const expected = [{ sheet: '', row: 0, column: '', message: MSG_NOT_XLSX }];
    expect(MSG_NOT_XLSX).toBe('文件不是 Excel（.xlsx）格式，未导入。');
    await expectErrors(Buffer.from('序号,一级事项\n1,综合业务\n'), expected);
    await expectErrors(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), expected); // old .xls
    await expectErrors(await catalogToDocx(META, SHEHUI_JIUZHU), expected); // a ZIP, but Word
    const xlsx = await catalogToXlsx(META, SHEHUI_JIUZHU);
    await expectErrors(xlsx.subarray(0, Math.floor(xlsx.length / 2)), expected); // truncated
    await expectErrors(Buffer.alloc(0), expected);
  });

  it('reports a missing required element by sheet, row and column', async () => {
    const rows = [
      STD_ROW,
      STD_ROW,
      STD_ROW,
      [4, '综合业务', '监督检查', null, null, '10个工作日内', '县民政局', '■政府网站', '√', null, '√', null, '√', null],
    ];
    await expectErrors(await standardFile(rows), [
      { sheet: '社会救助', row: 7, column: 'D', message: '缺少公开内容（要素）' },
    ]);
  });

  it('reports every missing required field of a row', async () => {
    const rows: Cell[][] = [
      [1, null, '监督检查', '●投诉电话', null, null, null, '□政府网站', null, null, null, null, null, null],
    ];
    await expectErrors(await standardFile(rows), [
      { sheet: '社会救助', row: 4, column: 'B', message: '缺少一级事项' },
      { sheet: '社会救助', row: 4, column: 'F', message: '缺少公开时限' },
      { sheet: '社会救助', row: 4, column: 'G', message: '缺少公开主体' },
      { sheet: '社会救助', row: 4, column: 'H', message: '缺少公开渠道和载体（至少勾选一项）' },
      { sheet: '社会救助', row: 4, column: 'I', message: '缺少公开对象（至少勾选一项）' },
      { sheet: '社会救助', row: 4, column: 'K', message: '缺少公开方式（至少勾选一项）' },
      { sheet: '社会救助', row: 4, column: 'M', message: '缺少公开层级（至少勾选一项）' },
    ]);
  });

  it('reports unknown channels, but keeps platform-like names as extra channels', async () => {
    const rows: Cell[][] = [
      STD_ROW,
      [2, ...STD_ROW.slice(1, 7), '■政府网占\n■公共资源交易平台\n■乡镇广播站', ...STD_ROW.slice(8)],
      [3, ...STD_ROW.slice(1, 7), '政府网站、村民大会', ...STD_ROW.slice(8)],
    ];
    await expectErrors(await standardFile(rows), [
      { sheet: '社会救助', row: 5, column: 'H', message: '未知的公开渠道“政府网占”' },
      { sheet: '社会救助', row: 5, column: 'H', message: '未知的公开渠道“乡镇广播站”' },
      { sheet: '社会救助', row: 6, column: 'H', message: '未知的公开渠道“村民大会”' },
    ]);
  });

  it('reports tick marks it cannot read', async () => {
    const rows: Cell[][] = [[1, ...STD_ROW.slice(1, 8), '√', null, '1', null, '有', '√']];
    await expectErrors(await standardFile(rows), [
      { sheet: '社会救助', row: 4, column: 'K', message: '无法识别的勾选标记“1”（应为“√”或空白）' },
      { sheet: '社会救助', row: 4, column: 'M', message: '无法识别的勾选标记“有”（应为“√”或空白）' },
    ]);
  });

  it('reports a horizontal merge in a data row', async () => {
    const head2 = [
      '序号',
      '公开事项',
      '公开事项',
      '公开事项',
      '公开内容（要素）',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '公开对象',
      '公开对象',
      '公开方式',
      '公开方式',
      '公开层级',
      '公开层级',
    ];
    const head3 = [
      '序号',
      '一级事项',
      '二级事项',
      '三级事项',
      '公开内容（要素）',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '全社会',
      '特定群体',
      '主动',
      '依申请',
      '县级',
      '乡级',
    ];
    const row: Cell[] = [
      1,
      '综合业务',
      '政策法规文件',
      null,
      '●政策文件',
      '信息公开规定',
      '10个工作日内',
      '县民政局',
      '■政府网站',
      '√',
      null,
      '√',
      null,
      '√',
      '√',
    ];
    const buf = await build(
      '社会救助',
      [[META.title], head2, head3, row, [2, ...row.slice(1)], [3, ...row.slice(1)]],
      [
        'A1:O1',
        'A2:A3',
        'B2:D2',
        'E2:E3',
        'F2:F3',
        'G2:G3',
        'H2:H3',
        'I2:I3',
        'J2:K2',
        'L2:M2',
        'N2:O2',
        'F5:G5',
        'J6:K6',
      ],
    );
    await expectErrors(buf, [
      { sheet: '社会救助', row: 5, column: 'F', message: '第5行的F:G为合并单元格，无法判断内容属于哪一列' },
      { sheet: '社会救助', row: 6, column: 'J', message: '第6行的J:K为合并单元格，无法判断内容属于哪一列' },
    ]);
  });

  it('names a header cell it cannot recognise, even in a reordered header', async () => {
    const buf = await build('社会救助', [
      [
        '序号',
        '一级事项',
        '二级事项',
        '公开依据',
        '公开内容及要求',
        '公开主体',
        '公开时限',
        '公开渠道和载体',
        '全社会',
        '特定群体',
        '主动',
        '依申请',
        '县级',
        '乡级',
      ],
      [
        1,
        '综合业务',
        '政策法规文件',
        '信息公开规定',
        '●政策文件',
        '县民政局',
        '10个工作日内',
        '■政府网站',
        '√',
        null,
        '√',
        null,
        '√',
        '√',
      ],
    ]);
    await expectErrors(buf, [
      { sheet: '社会救助', row: 1, column: 'E', message: '无法识别的表头“公开内容及要求”' },
      { sheet: '社会救助', row: 1, column: '公开内容（要素）', message: '缺少“公开内容（要素）”列' },
    ]);
  });

  it('names missing columns by their header label', async () => {
    const buf = await build('社会救助', [
      [
        '序号',
        '一级事项',
        '二级事项',
        '公开内容（要素）',
        '公开依据',
        '公开主体',
        '公开渠道和载体',
        '全社会',
        '特定群体',
        '县级',
        '乡级',
      ],
      [1, '综合业务', '政策法规文件', '●政策文件', '信息公开规定', '县民政局', '■政府网站', '√', null, '√', '√'],
    ]);
    await expectErrors(buf, [
      { sheet: '社会救助', row: 1, column: '公开时限', message: '缺少“公开时限”列' },
      { sheet: '社会救助', row: 1, column: '公开方式', message: '缺少“公开方式”列（主动、依申请）' },
    ]);
  });

  it('reports a sheet without a catalog header and a generic sheet name it cannot map to a domain', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, '填表说明', [['请按模板填写。']]);
    addSheet(
      wb,
      'Sheet2',
      [HEAD2, HEAD3, STD_ROW],
      HEAD_MERGES.slice(1).map((m) => m.replace(/\d/g, (d) => String(Number(d) - 1))),
    );
    const r = await xlsxToCatalog(await toBuffer(wb));
    expect(r.items).toEqual([]);
    expect(r.sheets).toEqual(['填表说明', 'Sheet2']);
    expect(r.errors).toEqual([
      { sheet: '填表说明', row: 0, column: '', message: '未找到表头（应有“序号”“公开事项”“公开内容（要素）”等列名）' },
      {
        sheet: 'Sheet2',
        row: 0,
        column: '',
        message: '无法确定工作表“Sheet2”的所属领域，请将工作表改名为领域名称（如“社会救助”）',
      },
    ]);
  });

  it('imports nothing when a single row of many is wrong', async () => {
    const exported = await load(await catalogToXlsx(META, [...SHEHUI_JIUZHU, ...GONGGONG_ZIYUAN]));
    exported.getWorksheet('公共资源交易')!.getCell('F5').value = null;
    const r = await xlsxToCatalog(await toBuffer(exported));
    expect(r.errors).toEqual([{ sheet: '公共资源交易', row: 5, column: 'F', message: '缺少公开时限' }]);
    expect(r.items).toEqual([]);
    expect(r.sheets).toEqual(['社会救助', '公共资源交易']);
  });
});
