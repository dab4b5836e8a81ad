/**
 * Fixtures of the Excel exchange tests (wording from the 社会救助, 公共资源交易 and 义务教育
 * guidelines; fictional 示范县) and the helpers that build files the way county offices make them.
 */
import ExcelJS from 'exceljs';
import { expect } from 'vitest';
import type { CatalogItemData } from '../model.js';
import { type ImportError, xlsxToCatalog } from './xlsx.js';

export const META = {
  title: '示范县城关镇人民政府政务公开事项标准目录（社会救助领域）',
  unitName: '示范县城关镇人民政府',
  version: '2025年第1版',
};

export function item(p: Partial<CatalogItemData>): CatalogItemData {
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

export const SHEHUI_JIUZHU: CatalogItemData[] = [
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

export const GONGGONG_ZIYUAN: CatalogItemData[] = [
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

export const YIWU_JIAOYU: CatalogItemData[] = [
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

export async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as unknown as Uint8Array);
}

export const text = (ws: ExcelJS.Worksheet, addr: string) => {
  const v = ws.getCell(addr).value;
  return v === null || v === undefined ? '' : String(v);
};

export type Cell = string | number | null;

export function addSheet(wb: ExcelJS.Workbook, name: string, rows: Cell[][], merges: string[] = []): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  for (const [i, r] of rows.entries()) {
    for (const [j, v] of r.entries()) if (v !== null && v !== '') ws.getCell(i + 1, j + 1).value = v;
  }
  for (const m of merges) ws.mergeCells(m);
  return ws;
}

export async function build(name: string, rows: Cell[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  addSheet(wb, name, rows, merges);
  return toBuffer(wb);
}

export const HEAD2 = [
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
export const HEAD3 = [
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
export const HEAD_MERGES = [
  'A1:N1',
  'A2:A3',
  'B2:C2',
  'D2:D3',
  'E2:E3',
  'F2:F3',
  'G2:G3',
  'H2:H3',
  'I2:J2',
  'K2:L2',
  'M2:N2',
];
export const STD_ROW: Cell[] = [
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
export const STD_ITEM = item({
  elements: '●《社会救助暂行办法》',
  basis: '信息公开规定',
  subject: '县民政局',
  channels: ['政府网站', '政务服务中心'],
});

export function standardFile(rows: Cell[][], merges: string[] = [], sheet = '社会救助'): Promise<Buffer> {
  return build(sheet, [[META.title], HEAD2, HEAD3, ...rows], [...HEAD_MERGES, ...merges]);
}

export async function expectErrors(buf: Buffer, errors: ImportError[]) {
  const r = await xlsxToCatalog(buf);
  expect(r.errors).toEqual(errors);
  expect(r.items).toEqual([]);
}
