import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { xlsxToCatalog } from './xlsx.js';
import {
  META,
  item,
  toBuffer,
  type Cell,
  addSheet,
  build,
  HEAD2,
  HEAD3,
  HEAD_MERGES,
  STD_ROW,
  STD_ITEM,
  standardFile,
} from './xlsx-testing.js';

// ---------------------------------------------------------------------------------------------
// Import variants (files built the way county offices make them)
// ---------------------------------------------------------------------------------------------

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
