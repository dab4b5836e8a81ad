/**
 * User story: a township editor imports a large catalog from Excel. With JavaScript a progress bar
 * follows the upload and the server's check; the preview lists what will be written; nothing is
 * written until confirmed. A file with errors lists them by sheet, row and column.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, startDemoServer, launchBrowser, screenshot, type RunningServer } from './support.js';
import { catalogToXlsx } from '../../src/catalog/exchange/xlsx.js';
import type { CatalogItemData } from '../../src/catalog/model.js';

const item = (n: number): CatalogItemData => ({
  domain: n % 2 ? '社会救助' : '义务教育',
  level1: `一级事项${Math.ceil(n / 10)}`,
  level2: `二级事项${n}`,
  level3: null,
  elements: `●要素甲${n}●要素乙${n}`,
  basis: '《中华人民共和国政府信息公开条例》',
  timeLimit: '信息形成或变更之日起20个工作日内',
  subject: '城关镇人民政府',
  channels: ['政府网站', '公开查阅点'],
  extraChannels: [],
  audiencePublic: true,
  audienceSpecific: false,
  specificGroup: null,
  modeProactive: true,
  modeOnRequest: false,
  tiers: ['township'],
});

describe.runIf(browserAvailable)('importing a large catalog from Excel in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-import-'));

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server.url}/admin/login`);
    await page.fill('#f-username', 'cgz.bianji');
    await page.fill('#f-password', 'Shifan2026');
    await page.click('main form.form button[type=submit]');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows a progress bar, a preview, and writes 3,000 items only after confirmation', async () => {
    const file = path.join(dir, '城关镇目录.xlsx');
    fs.writeFileSync(
      file,
      await catalogToXlsx(
        { title: '城关镇人民政府政务公开事项标准目录', unitName: '城关镇人民政府' },
        Array.from({ length: 3000 }, (_, i) => item(i + 1)),
      ),
    );
    await page.goto(`${server.url}/admin/catalogs`);
    await page.click('main >> text=城关镇人民政府');
    const catalogUrl = page.url();
    await page.click('summary:has-text("从 Excel 导入目录")');
    await page.setInputFiles('#f-import-file', file);
    const shown = page.waitForSelector('form[data-progress] progress:not([hidden])', { state: 'attached' });
    await page.click('form[action$="/import"] button[type=submit]');
    await shown;
    await page.waitForSelector('form[action$="/import/confirm"]');
    await expect(page.locator('main').innerText()).resolves.toContain('共 3000 项');
    await screenshot(page, 'import-02-preview');
    const before = await server.db.k.selectFrom('catalog_items').select('id').execute();
    expect(before).toHaveLength(0);
    await page.click('form[action$="/import/confirm"] button[type=submit]');
    await expect(page.locator('.flash').innerText()).resolves.toBe('已导入目录事项。');
    expect(page.url()).toContain(catalogUrl.replace(/\?.*$/, ''));
    expect(await server.db.k.selectFrom('catalog_items').select('id').execute()).toHaveLength(3000);
  });

  it('lists the errors of a bad file by sheet, row and column and imports nothing', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('社会救助');
    ws.addRow([
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
    ]);
    ws.addRow([
      1,
      '最低生活保障',
      '审核信息',
      '',
      '条例',
      '20个工作日',
      '城关镇',
      '■政府网站\n■政府网占',
      '√',
      '',
      '√',
      '',
      '',
      '√',
    ]);
    const file = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const count = (await server.db.k.selectFrom('catalog_items').select('id').execute()).length;
    await page.goto(page.url().replace(/\?.*$/, ''));
    await page.click('summary:has-text("从 Excel 导入目录")');
    await page.setInputFiles('#f-import-file', file);
    await page.click('form[action$="/import"] button[type=submit]');
    await page.waitForSelector('.error-summary');
    const text = await page.locator('.error-summary').innerText();
    expect(text).toContain('导入失败，未做任何修改');
    expect(text).toContain('缺少公开内容（要素）');
    expect(text).toContain('未知的公开渠道“政府网占”');
    await screenshot(page, 'import-03-errors');
    expect((await server.db.k.selectFrom('catalog_items').select('id').execute()).length).toBe(count);
  });
});
