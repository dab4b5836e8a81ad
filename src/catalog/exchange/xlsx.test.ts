import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { STANDARD_CHANNELS, type CatalogItemData } from '../model.js';
import { catalogToXlsx, xlsxToCatalog, MSG_NOT_XLSX, type ImportError } from './xlsx.js';
import { catalogToDocx } from './docx.js';

// ---------------------------------------------------------------------------------------------
// Fixtures (wording from the 社会救助, 公共资源交易 and 义务教育 guidelines; fictional 示范县)
// ---------------------------------------------------------------------------------------------

const META = {
  title: '示范县城关镇人民政府政务公开事项标准目录（社会救助领域）',
  unitName: '示范县城关镇人民政府',
  version: '2025年第1版',
};

function item(p: Partial<CatalogItemData>): CatalogItemData {
  return {
    domain: '社会救助',
    level1: '综合业务',
    level2: '政策法规文件',
    level3: null,
    elements: '●《社会救助暂行办法》（国务院令第649号）\n●各地配套政策法规文件',
    basis: '《中华人民共和国政府信息公开条例》',
    timeLimit: '制定或获取信息之日起10个工作日内',
    subject: '县级人民政府民政部门、乡镇人民政府（街道办事处）',
    channels: ['政府网站', '公开查阅点', '政务服务中心'],
    extraChannels: [],
    audiencePublic: true,
    audienceSpecific: false,
    specificGroup: null,
    modeProactive: true,
    modeOnRequest: false,
    tiers: ['county', 'township'],
    ...p,
  };
}

const SHEHUI_JIUZHU: CatalogItemData[] = [
  item({}),
  item({
    level2: '监督检查',
    elements: '●社会救助信访通讯地址●社会救助投诉举报电话',
    basis: '相关政策规定',
  }),
  item({
    level1: '最低生活保障',
    level2: '办事指南',
    elements: '●办理事项\n●办理条件\n●最低生活保障标准\n●申请材料\n●办理流程\n●办理时间、地点\n●联系方式',
    basis: '《国务院关于进一步加强和改进最低生活保障工作的意见》（国发〔2012〕45号）、各地相关政策法规文件',
    channels: [
      '政府网站',
      '两微一端',
      '公开查阅点',
      '政务服务中心',
      '便民服务站',
      '社区/企事业单位/村公示栏（电子屏）',
    ],
  }),
  item({
    level1: '最低生活保障',
    level2: '审核信息',
    elements: '●初审对象名单及相关信息',
    basis: '《最低生活保障审核审批办法（试行）》（民发〔2012〕220号）',
    timeLimit: '制定或获取信息之日起10个工作日内，公示7个工作日',
    subject: '乡镇人民政府（街道办事处）',
    channels: ['社区/企事业单位/村公示栏（电子屏）'],
    audiencePublic: false,
    audienceSpecific: true,
    specificGroup: '低保申请人',
    tiers: ['township'],
  }),
  item({
    level1: '最低生活保障',
    level2: '审批信息',
    elements: '●低保对象名单及相关信息',
    basis: '',
    subject: '县级人民政府民政部门',
    channels: ['政府网站', '精准推送', '其他'],
    audienceSpecific: true,
    modeOnRequest: true,
    tiers: ['county'],
  }),
];

const GONGGONG_ZIYUAN: CatalogItemData[] = [
  item({
    domain: '公共资源交易',
    level1: '工程建设项目招标投标',
    level2: '招标公告',
    elements: '招标条件、项目概况与招标范围、投标人资格要求、招标文件的获取、投标文件的递交、联系方式',
    basis: '《招标公告和公示信息发布管理办法》（国家发展改革委令第10号）',
    timeLimit: '信息形成（变更）之日起20个工作日内',
    subject: '县公共资源交易中心',
    channels: ['政府网站'],
    extraChannels: ['公共资源交易平台', '信用中国网站', '12345政务服务热线'],
    tiers: ['county'],
  }),
  item({
    domain: '公共资源交易',
    level1: '政府采购',
    level2: '中标（成交）结果',
    elements: '中标（成交）供应商名称、地址和中标（成交）金额',
    basis: '《中华人民共和国政府采购法实施条例》第四十三条',
    timeLimit: '中标、成交供应商确定之日起2个工作日内',
    subject: '县财政局',
    channels: ['政府网站', '其他'],
    extraChannels: ['中国政府采购网及其地方分网', '办税服务厅'],
    modeOnRequest: true,
    tiers: ['county'],
  }),
];

const YIWU_JIAOYU: CatalogItemData[] = [
  item({
    domain: '义务教育',
    level1: '学生资助',
    level2: '资助政策',
    level3: '家庭经济困难学生生活补助',
    elements: '1. 资助对象；\n2. 资助标准；\n3. 申请程序。',
    basis: '《城乡义务教育补助经费管理办法》（财教〔2019〕121号）',
    timeLimit: '信息形成（变更）之日起20个工作日内',
    subject: '县教育局、各中小学校',
    channels: ['政府网站', '入户/现场', '社区/企事业单位/村公示栏（电子屏）'],
    audienceSpecific: true,
    specificGroup: '家庭经济困难学生及家长',
    tiers: ['county', 'township', 'village'],
  }),
  item({
    domain: '义务教育',
    level1: '学生资助',
    level2: '资助结果',
    level3: null,
    elements: '受助学生名单（隐去身份证号等个人信息）',
    basis: '',
    timeLimit: '公示5个工作日',
    subject: '各中小学校',
    channels: ['社区/企事业单位/村公示栏（电子屏）', '其他'],
    audiencePublic: false,
    audienceSpecific: true,
    specificGroup: null,
    modeProactive: false,
    modeOnRequest: true,
    tiers: ['village'],
  }),
];

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

const text = (ws: ExcelJS.Worksheet, addr: string) => {
  const v = ws.getCell(addr).value;
  return v === null || v === undefined ? '' : String(v);
};

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

// ---------------------------------------------------------------------------------------------
// Import variants (files built the way county offices make them)
// ---------------------------------------------------------------------------------------------

type Cell = string | number | null;

function addSheet(wb: ExcelJS.Workbook, name: string, rows: Cell[][], merges: string[] = []): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  for (const [i, r] of rows.entries()) {
    for (const [j, v] of r.entries()) if (v !== null && v !== '') ws.getCell(i + 1, j + 1).value = v;
  }
  for (const m of merges) ws.mergeCells(m);
  return ws;
}

async function build(name: string, rows: Cell[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, name, rows, merges);
  return toBuffer(wb);
}

const HEAD2 = [
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
const HEAD3 = [
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
const HEAD_MERGES = ['A1:N1', 'A2:A3', 'B2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:J2', 'K2:L2', 'M2:N2'];
const STD_ROW: Cell[] = [
  1,
  '综合业务',
  '政策法规文件',
  '●《社会救助暂行办法》',
  '信息公开规定',
  '制定或获取信息之日起10个工作日内',
  '县民政局',
  '■政府网站\n□政府公报\n■政务服务中心',
  '√',
  null,
  '√',
  null,
  '√',
  '√',
];
const STD_ITEM = item({
  elements: '●《社会救助暂行办法》',
  basis: '信息公开规定',
  subject: '县民政局',
  channels: ['政府网站', '政务服务中心'],
});

function standardFile(rows: Cell[][], merges: string[] = [], sheet = '社会救助'): Promise<Buffer> {
  return build(sheet, [[META.title], HEAD2, HEAD3, ...rows], [...HEAD_MERGES, ...merges]);
}

describe('xlsxToCatalog variants', () => {
  it('reads a file with 三级事项, separate 乡级/村级 columns and no title row', async () => {
    const buf = await build(
      '义务教育领域',
      [
        [
          '序号',
          '公开事项',
          null,
          null,
          '公开内容（要素）',
          '公开依据',
          '公开时限',
          '公开主体',
          '公开渠道和载体',
          '公开对象',
          null,
          '公开方式',
          null,
          '公开层级',
          null,
          null,
        ],
        [
          null,
          '一级事项',
          '二级事项',
          '三级事项',
          null,
          null,
          null,
          null,
          null,
          '全社会',
          '特定群体',
          '主动',
          '依申请',
          '县级',
          '乡级',
          '村级',
        ],
        [
          1,
          '学生资助',
          '资助政策',
          '生活补助',
          '资助对象、标准',
          '《城乡义务教育补助经费管理办法》',
          '信息形成（变更）之日起20个工作日内',
          '县教育局',
          '■政府网站\n■入户/现场',
          '√',
          null,
          '√',
          null,
          '√',
          '√',
          '√',
        ],
        [
          2,
          '学生资助',
          '资助结果',
          null,
          '受助学生名单',
          null,
          '公示5个工作日',
          '各中小学校',
          '■社区/企事业单位/村公示栏（电子屏）',
          null,
          '√',
          '√',
          null,
          null,
          null,
          '√',
        ],
      ],
      ['A1:A2', 'B1:D1', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:I2', 'J1:K1', 'L1:M1', 'N1:P1'],
    );
    const r = await xlsxToCatalog(buf);
    expect(r.errors).toEqual([]);
    expect(r.sheets).toEqual(['义务教育领域']);
    expect(r.items).toEqual([
      item({
        domain: '义务教育',
        level1: '学生资助',
        level2: '资助政策',
        level3: '生活补助',
        elements: '资助对象、标准',
        basis: '《城乡义务教育补助经费管理办法》',
        timeLimit: '信息形成（变更）之日起20个工作日内',
        subject: '县教育局',
        channels: ['政府网站', '入户/现场'],
        tiers: ['county', 'township', 'village'],
      }),
      item({
        domain: '义务教育',
        level1: '学生资助',
        level2: '资助结果',
        elements: '受助学生名单',
        basis: '',
        timeLimit: '公示5个工作日',
        subject: '各中小学校',
        channels: ['社区/企事业单位/村公示栏（电子屏）'],
        audiencePublic: false,
        audienceSpecific: true,
        tiers: ['village'],
      }),
    ]);
  });

  it('reads 乡、村级, 特定群体（请写明）, 特定群众 and 依申请公开 headers', async () => {
    const head2 = [...HEAD2.slice(0, 13), '公开层级'];
    const head3 = [...HEAD3.slice(0, 9), '特定群体（请写明）', '主动', '依申请公开', '县级', '乡、村级'];
    const rows: Cell[][] = [
      [
        1,
        '最低生活保障',
        '审核信息',
        '●初审对象名单及相关信息',
        null,
        '公示7个工作日',
        '乡镇人民政府',
        '■社区/企事业单位/村公示栏（电子屏）',
        null,
        '低保申请人',
        '√',
        null,
        null,
        '√',
      ],
      [
        2,
        '最低生活保障',
        '审批信息',
        '●低保对象名单',
        null,
        '10个工作日内',
        '县民政局',
        '■政府网站',
        '√',
        '√（低保对象）',
        '√',
        '√',
        '√',
        null,
      ],
      [
        3,
        '最低生活保障',
        '救助结果',
        '●救助金额',
        null,
        '10个工作日内',
        '县民政局',
        '■政府网站',
        null,
        '√',
        null,
        '√',
        '√',
        null,
      ],
    ];
    const r = await xlsxToCatalog(await build('社会救助', [[META.title], head2, head3, ...rows], HEAD_MERGES));
    expect(r.errors).toEqual([]);
    expect(
      r.items.map((i) => [
        i.audiencePublic,
        i.audienceSpecific,
        i.specificGroup,
        i.modeProactive,
        i.modeOnRequest,
        i.tiers,
      ]),
    ).toEqual([
      [false, true, '低保申请人', true, false, ['township', 'village']],
      [true, true, '低保对象', true, true, ['county']],
      [false, true, null, false, true, ['county']],
    ]);

    // 特定群众 is the same column.
    const head3b = [...HEAD3.slice(0, 9), '特定群众', ...HEAD3.slice(10)];
    const r2 = await xlsxToCatalog(
      await build(
        '社会救助',
        [[META.title], HEAD2, head3b, [...STD_ROW.slice(0, 9), '√', ...STD_ROW.slice(10)]],
        HEAD_MERGES,
      ),
    );
    expect(r2.errors).toEqual([]);
    expect(r2.items[0].audienceSpecific).toBe(true);
  });

  it('reads channels given as a list of names (、 or new lines) and tolerates spelling variants', async () => {
    const rows: Cell[][] = [
      [1, ...STD_ROW.slice(1, 7), '政府网站、政务服务中心\n公共资源交易平台', ...STD_ROW.slice(8)],
      [2, ...STD_ROW.slice(1, 7), '纸质载体、社区、企事业单位、村公示栏(电子屏)、发布会／听证会', ...STD_ROW.slice(8)],
      [3, ...STD_ROW.slice(1, 7), '■政府网站 □政府公报 ■两微一端 ■其他:办税服务厅', ...STD_ROW.slice(8)],
      [
        4,
        ...STD_ROW.slice(1, 7),
        '□政府网站\n■其他\n□投资项目在线审批监管平台\n■12345政务服务热线',
        ...STD_ROW.slice(8),
      ],
    ];
    const r = await xlsxToCatalog(await standardFile(rows));
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => [i.channels, i.extraChannels])).toEqual([
      [['政府网站', '政务服务中心'], ['公共资源交易平台']],
      [['发布会/听证会', '纸质媒体', '社区/企事业单位/村公示栏（电子屏）'], []],
      [['政府网站', '两微一端', '其他'], ['办税服务厅']],
      [['其他'], ['12345政务服务热线']],
    ]);
  });

  it('accepts the tick marks √ ✓ ● 是 ■ and the blanks × 否', async () => {
    const rows: Cell[][] = [
      [1, ...STD_ROW.slice(1, 8), '✓', '×', '●', '否', '是', '■'],
      [2, ...STD_ROW.slice(1, 8), '√', null, '√', '√', null, '√'],
    ];
    const r = await xlsxToCatalog(await standardFile(rows));
    expect(r.errors).toEqual([]);
    expect(
      r.items.map((i) => [i.audiencePublic, i.audienceSpecific, i.modeProactive, i.modeOnRequest, i.tiers]),
    ).toEqual([
      [true, false, true, false, ['county', 'township']],
      [true, false, true, true, ['township']],
    ]);
  });

  it('recognises columns by header text when the order differs (one-row header)', async () => {
    const buf = await build('公共资源交易', [
      [
        '依申请公开',
        '主动公开',
        '乡级',
        '县级',
        '特定群体',
        '全社会',
        '公开渠道和载体',
        '公开主体',
        '公开时限',
        '公开内容（要素）',
        '公开依据',
        '二级事项',
        '一级事项',
        '序号',
        '备注',
      ],
      [
        null,
        '√',
        null,
        '√',
        null,
        '√',
        '■政府网站\n■公共资源交易平台',
        '县公共资源交易中心',
        '20个工作日内',
        '招标公告',
        '《招标投标法》',
        '招标公告',
        '工程建设项目',
        1,
        '示例',
      ],
    ]);
    const r = await xlsxToCatalog(buf);
    expect(r.errors).toEqual([]);
    expect(r.items).toEqual([
      item({
        domain: '公共资源交易',
        level1: '工程建设项目',
        level2: '招标公告',
        elements: '招标公告',
        basis: '《招标投标法》',
        timeLimit: '20个工作日内',
        subject: '县公共资源交易中心',
        channels: ['政府网站'],
        extraChannels: ['公共资源交易平台'],
        tiers: ['county'],
      }),
    ]);
  });

  it('fills down a 一级事项 (and 公开主体) merged over several rows', async () => {
    const rows: Cell[][] = [
      [
        1,
        '最低生活保障',
        '政策法规文件',
        '●政策文件',
        null,
        '10个工作日内',
        '县民政局',
        '■政府网站',
        '√',
        null,
        '√',
        null,
        '√',
        null,
      ],
      [2, null, '办事指南', '●办理条件', null, '10个工作日内', null, '■政务服务中心', '√', null, '√', null, '√', null],
      [
        3,
        null,
        '审核信息',
        '●初审名单',
        null,
        '公示7个工作日',
        null,
        '■社区/企事业单位/村公示栏（电子屏）',
        null,
        '√',
        '√',
        null,
        null,
        '√',
      ],
      [
        4,
        '特困人员救助供养',
        '办事指南',
        '●办理流程',
        null,
        '10个工作日内',
        '乡镇人民政府',
        '■政府网站',
        '√',
        null,
        '√',
        null,
        null,
        '√',
      ],
    ];
    const r = await xlsxToCatalog(await standardFile(rows, ['B4:B6', 'G4:G6']));
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => [i.level1, i.level2, i.subject])).toEqual([
      ['最低生活保障', '政策法规文件', '县民政局'],
      ['最低生活保障', '办事指南', '县民政局'],
      ['最低生活保障', '审核信息', '县民政局'],
      ['特困人员救助供养', '办事指南', '乡镇人民政府'],
    ]);
  });

  it('takes the domain from the title when the sheet has a generic name, and skips empty sheets', async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, 'Sheet1', [[META.title], HEAD2, HEAD3, STD_ROW], HEAD_MERGES);
    addSheet(wb, 'Sheet2', []);
    const r = await xlsxToCatalog(await toBuffer(wb));
    expect(r.errors).toEqual([]);
    expect(r.sheets).toEqual(['Sheet1']);
    expect(r.items).toEqual([STD_ITEM]);
  });

  it('reads a 所属领域 column (merged down) instead of the sheet name', async () => {
    const buf = await build(
      'Sheet1',
      [
        [
          '序号',
          '所属领域',
          '一级事项',
          '二级事项',
          '公开内容（要素）',
          '公开时限',
          '公开主体',
          '公开渠道和载体',
          '全社会',
          '主动',
          '县级',
          '镇级/村级',
        ],
        [
          1,
          '社会救助领域',
          '综合业务',
          '监督检查',
          '●投诉电话',
          '10个工作日内',
          '县民政局',
          '■政府网站',
          '√',
          '√',
          '√',
          null,
        ],
        [
          2,
          null,
          '临时救助',
          '办事指南',
          '●办理流程',
          '10个工作日内',
          '乡镇人民政府',
          '■便民服务站',
          '√',
          '√',
          null,
          '√',
        ],
        [3, '义务教育', '招生入学', '招生计划', '●招生范围', '招生前', '县教育局', '■政府网站', '√', '√', '√', null],
      ],
      ['B2:B3'],
    );
    const r = await xlsxToCatalog(buf);
    expect(r.errors).toEqual([]);
    expect(r.items.map((i) => [i.domain, i.level1, i.basis, i.tiers])).toEqual([
      ['社会救助', '综合业务', '', ['county']],
      ['社会救助', '临时救助', '', ['township', 'village']],
      ['义务教育', '招生入学', '', ['county']],
    ]);
  });

  it('skips blank rows, rows holding only a 序号 and repeated formatting', async () => {
    const r = await xlsxToCatalog(
      await standardFile([STD_ROW, [2], [], [3, null, null, null, null, null, null, null, '', null]]),
    );
    expect(r.errors).toEqual([]);
    expect(r.items).toEqual([STD_ITEM]);
  });
});

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

async function expectErrors(buf: Buffer, errors: ImportError[]) {
  const r = await xlsxToCatalog(buf);
  expect(r.errors).toEqual(errors);
  expect(r.items).toEqual([]);
}

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
