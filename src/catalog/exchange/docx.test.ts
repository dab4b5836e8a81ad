import { describe, it, expect } from 'vitest';
import JSZip from 'jszip';
import type { CatalogItemData } from '../model.js';
import { catalogToDocx } from './docx.js';

const META = {
  title: '示范县城关镇人民政府政务公开事项标准目录（社会救助领域）',
  unitName: '示范县城关镇人民政府',
  version: '2025年第1版',
};

function item(p: Partial<CatalogItemData>): CatalogItemData {
  return {
    domain: '社会救助',
    level1: '最低生活保障',
    level2: '办事指南',
    level3: null,
    elements: '●办理事项\n●办理条件\n●最低生活保障标准',
    basis: '《国务院关于进一步加强和改进最低生活保障工作的意见》（国发〔2012〕45号）',
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

const ITEMS: CatalogItemData[] = [
  item({}),
  item({
    level2: '审核信息',
    elements: '●初审对象名单及相关信息',
    channels: ['社区/企事业单位/村公示栏（电子屏）'],
    audiencePublic: false,
    audienceSpecific: true,
    specificGroup: '低保申请人',
    tiers: ['township'],
  }),
];

async function documentXml(buf: Buffer): Promise<{ zip: JSZip; xml: string }> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file('word/document.xml');
  expect(file).not.toBeNull();
  return { zip, xml: await file!.async('string') };
}

/** Visible text of each table row, cells joined by |, paragraphs by /. */
function rowTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
      .map((tc) =>
        [...tc[0].matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>[\s\S]*?<\/w:p>)/g)]
          .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
          .filter(Boolean)
          .join('/'),
      )
      .join('|'),
  );
}

describe('catalogToDocx', () => {
  it('writes a valid landscape A4 document with the title and the merged two-row header', async () => {
    const buf = await catalogToDocx(META, ITEMS);
    expect(buf.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const { zip, xml } = await documentXml(buf);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );

    expect(xml).toContain(META.title);
    expect(xml).toContain('示范县城关镇人民政府　　版本：2025年第1版');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    for (const label of [
      '序号',
      '公开事项',
      '一级事项',
      '二级事项',
      '公开内容（要素）',
      '公开依据',
      '公开时限',
      '公开主体',
      '公开渠道和载体',
      '公开对象',
      '全社会',
      '特定群体',
      '公开方式',
      '主动',
      '依申请',
      '公开层级',
      '县级',
      '乡级',
    ]) {
      expect(xml).toContain(`>${label}<`);
    }
    expect(xml).not.toContain('>三级事项<');
    expect(xml).not.toContain('>村级<');
    expect(xml).toContain('<w:gridSpan w:val="2"/>');
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toContain('<w:vMerge w:val="continue"/>');
    expect((xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(2);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');

    const rows = rowTexts(xml);
    expect(rows[0]).toBe(
      '序号|公开事项|公开内容（要素）|公开依据|公开时限|公开主体|公开渠道和载体|公开对象|公开方式|公开层级',
    );
    expect(rows[1]).toBe('|一级事项|二级事项||||||全社会|特定群体|主动|依申请|县级|乡级');
    expect(rows[2]).toBe(
      '1|最低生活保障|办事指南|●办理事项/●办理条件/●最低生活保障标准|《国务院关于进一步加强和改进最低生活保障工作的意见》（国发〔2012〕45号）|制定或获取信息之日起10个工作日内|县级人民政府民政部门、乡镇人民政府（街道办事处）|政府网站/公开查阅点/政务服务中心|√||√||√|√',
    );
    expect(rows[3]).toBe(
      '2|最低生活保障|审核信息|●初审对象名单及相关信息|《国务院关于进一步加强和改进最低生活保障工作的意见》（国发〔2012〕45号）|制定或获取信息之日起10个工作日内|县级人民政府民政部门、乡镇人民政府（街道办事处）|社区/企事业单位/村公示栏（电子屏）||√（低保申请人）|√|||√',
    );

    // Fallback fonts for PCs without the official fonts.
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
  });

  it('makes one table per domain with 三级事项, 村级 and extra channels when used', async () => {
    const items = [
      ...ITEMS,
      item({
        domain: '公共资源交易',
        level1: '政府采购',
        level2: '采购公告',
        level3: '公开招标公告',
        channels: ['政府网站', '其他'],
        extraChannels: ['中国政府采购网', '公共资源交易平台'],
        tiers: ['county', 'village'],
      }),
    ];
    const { xml } = await documentXml(await catalogToDocx({ ...META, title: '示范县政务公开事项标准目录' }, items));
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBe(2);
    expect(xml).toContain('>一、社会救助<');
    expect(xml).toContain('>二、公共资源交易<');
    expect(xml).toContain('<w:pageBreakBefore/>');
    expect(xml).toContain('<w:gridSpan w:val="3"/>');
    const rows = rowTexts(xml);
    expect(rows).toContain('|一级事项|二级事项|三级事项||||||全社会|特定群体|主动|依申请|县级|乡级|村级');
    const last = rows[rows.length - 1].split('|');
    expect(last[0]).toBe('1');
    expect(last[3]).toBe('公开招标公告');
    expect(last[8]).toBe('政府网站/其他/中国政府采购网/公共资源交易平台');
    expect(last.slice(-3)).toEqual(['√', '', '√']);
  });

  it('prints an empty catalog as the header only', async () => {
    const { xml } = await documentXml(
      await catalogToDocx({ title: '示范县政务公开事项标准目录', unitName: '示范县人民政府' }, []),
    );
    expect(xml).toContain('示范县政务公开事项标准目录');
    expect(rowTexts(xml)).toHaveLength(2);
  });
});
