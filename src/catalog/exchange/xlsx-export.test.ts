import { describe, it, expect } from 'vitest';
import { STANDARD_CHANNELS, type CatalogItemData } from '../model.js';
import { catalogToXlsx, xlsxToCatalog } from './xlsx.js';
import { META, item, SHEHUI_JIUZHU, GONGGONG_ZIYUAN, YIWU_JIAOYU, load, text } from './xlsx-testing.js';

// ---------------------------------------------------------------------------------------------
// Export layout
// ---------------------------------------------------------------------------------------------

describe('catalogToXlsx layout', () => {
  it('writes the title and the two-row merged header of the template', async () => {
    const wb = await load(await catalogToXlsx(META, SHEHUI_JIUZHU));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['社会救助']);
    const ws = wb.worksheets[0];
    expect(ws.columnCount).toBe(14);
    expect(text(ws, 'A1')).toBe(META.title);
    expect([...ws.model.merges].sort()).toEqual(
      ['A1:N1', 'A2:A3', 'B2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:J2', 'K2:L2', 'M2:N2'].sort(),
    );
    const row2 = [
      '序号',
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
    const row3 = [
      '序号',
      '一级事项',
      '二级事项',
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
    for (const [i, label] of row2.entries()) expect(text(ws, `${String.fromCharCode(65 + i)}2`)).toBe(label);
    for (const [i, label] of row3.entries()) expect(text(ws, `${String.fromCharCode(65 + i)}3`)).toBe(label);

    expect(ws.pageSetup.printTitlesRow).toBe('2:3');
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.getCell('A1').font?.name).toBe('宋体');
    expect(ws.getCell('D4').font?.name).toBe('宋体');
    expect(ws.getCell('D4').alignment?.wrapText).toBe(true);
    expect(ws.getCell('D4').border?.top?.style).toBe('thin');
    expect(ws.getColumn(4).width).toBeGreaterThan(ws.getColumn(1).width ?? 0);
  });

  it('writes sequence numbers, ■/□ channel lines, ticks and the named group', async () => {
    const wb = await load(await catalogToXlsx(META, SHEHUI_JIUZHU));
    const ws = wb.worksheets[0];
    expect([4, 5, 6, 7, 8].map((r) => ws.getCell(r, 1).value)).toEqual([1, 2, 3, 4, 5]);
    expect(text(ws, 'B4')).toBe('综合业务');
    expect(text(ws, 'D4')).toBe('●《社会救助暂行办法》（国务院令第649号）\n●各地配套政策法规文件');
    const lines = text(ws, 'H4').split('\n');
    expect(lines).toHaveLength(13);
    expect(lines[0]).toBe('■政府网站');
    expect(lines[1]).toBe('□政府公报');
    expect(lines.map((l) => l.slice(1))).toEqual([...STANDARD_CHANNELS]);
    expect(lines.filter((l) => l.startsWith('■'))).toEqual(['■政府网站', '■公开查阅点', '■政务服务中心']);
    expect(text(ws, 'I4')).toBe('√');
    expect(text(ws, 'J4')).toBe('');
    expect(text(ws, 'J7')).toBe('√（低保申请人）');
    expect(text(ws, 'J8')).toBe('√');
    expect(text(ws, 'L8')).toBe('√');
    expect(text(ws, 'M7')).toBe('');
    expect(text(ws, 'N7')).toBe('√');
  });

  it('adds 三级事项 and 村级 columns only when used, and one sheet per domain', async () => {
    const wb = await load(
      await catalogToXlsx({ ...META, title: '示范县政务公开事项标准目录' }, [
        ...SHEHUI_JIUZHU,
        ...GONGGONG_ZIYUAN,
        ...YIWU_JIAOYU,
      ]),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['社会救助', '公共资源交易', '义务教育']);
    const [a, b, c] = wb.worksheets;
    expect(a.columnCount).toBe(14);
    expect(c.columnCount).toBe(16);
    expect(text(c, 'A1')).toBe('示范县政务公开事项标准目录');
    expect([...c.model.merges].sort()).toEqual(
      ['A1:P1', 'A2:A3', 'B2:D2', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3', 'J2:K2', 'L2:M2', 'N2:P2'].sort(),
    );
    expect(['B3', 'C3', 'D3'].map((x) => text(c, x))).toEqual(['一级事项', '二级事项', '三级事项']);
    expect(['N3', 'O3', 'P3'].map((x) => text(c, x))).toEqual(['县级', '乡级', '村级']);
    expect(text(c, 'D4')).toBe('家庭经济困难学生生活补助');
    expect(text(c, 'P5')).toBe('√');
    // Extra channels follow the 13 standard lines; names that are no platform go under 其他.
    expect(text(b, 'H4').split('\n').slice(13)).toEqual(['■公共资源交易平台', '■信用中国网站', '■12345政务服务热线']);
    expect(text(b, 'H5').split('\n').slice(12)).toEqual(['■其他', '■中国政府采购网及其地方分网', '■其他：办税服务厅']);
    // Sequence numbers restart on each sheet.
    expect(b.getCell('A4').value).toBe(1);
    expect(c.getCell('A5').value).toBe(2);
  });

  it('keeps sheet names valid (31 chars, no []:*?/\\) and still round-trips the domain', async () => {
    const long = '城乡规划与建设项目审批及国有土地上房屋征收与补偿和农村危房改造等综合事项（试点）';
    const items = [
      item({ domain: '城乡规划/村庄规划' }),
      item({ domain: long }),
      item({ domain: long.slice(0, 31) + '二' }),
      item({ domain: '社会救助领域' }),
      item({ domain: 'Sheet1' }),
      item({ domain: "O'Neil 'test'" }),
    ];
    const buf = await catalogToXlsx(META, items);
    const wb = await load(buf);
    const visible = wb.worksheets.filter((w) => w.state === 'visible').map((w) => w.name);
    expect(visible).toHaveLength(6);
    for (const name of visible) {
      expect(Array.from(name).length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[[\]:*?/\\']/);
    }
    expect(visible[0]).toBe('城乡规划／村庄规划');
    expect(new Set(visible.map((n) => n.toLowerCase())).size).toBe(6);
    const back = await xlsxToCatalog(buf);
    expect(back.errors).toEqual([]);
    expect(back.items).toEqual(items);
    expect(back.sheets).toEqual(visible);
  });
});

// ---------------------------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------------------------

describe('round trip', () => {
  const cases: [string, CatalogItemData[]][] = [
    ['single domain', SHEHUI_JIUZHU],
    ['extra channels', GONGGONG_ZIYUAN],
    ['三级事项, 村级 and named groups', YIWU_JIAOYU],
    ['several domains', [...SHEHUI_JIUZHU, ...GONGGONG_ZIYUAN, ...YIWU_JIAOYU]],
    [
      'awkward text',
      [
        item({
          level1: '临时救助',
          level2: null,
          elements: '● 救助对象：“急难型”“支出型”困难群众；\n● 救助标准（按月计算）：≤3 倍低保标准 & 其他\n\n● 第三行',
          basis: '《国务院关于全面建立临时救助制度的通知》（国发〔2014〕47号）；<地方细则>',
          timeLimit: '实时公开',
          subject: '乡镇人民政府（街道办事处）',
          channels: [...STANDARD_CHANNELS],
          extraChannels: ['“救助通”App', '示范县民政微信公众号', '全国社会救助服务热线'],
          audienceSpecific: true,
          specificGroup: '困难群众（含低保边缘家庭）',
          modeOnRequest: true,
          tiers: ['county', 'township', 'village'],
        }),
      ],
    ],
    ['empty catalog', []],
  ];
  for (const [name, items] of cases) {
    it(name, async () => {
      const result = await xlsxToCatalog(await catalogToXlsx(META, items));
      expect(result.errors).toEqual([]);
      expect(result.items).toEqual(items);
    });
  }

  it('lists the sheets it read', async () => {
    const result = await xlsxToCatalog(await catalogToXlsx(META, [...SHEHUI_JIUZHU, ...YIWU_JIAOYU]));
    expect(result.sheets).toEqual(['社会救助', '义务教育']);
  });
});
