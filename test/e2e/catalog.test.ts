/**
 * User story (issue 4): a township editor adopts the 社会救助 rows, edits two, adds a local item and
 * submits; the county office returns one item with a comment; the editor fixes it; the county
 * approves; the portal shows the published catalog; a later change creates version 2 with a diff.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable,
  startDemoServer,
  launchBrowser,
  screenshot,
  axeViolations,
  type RunningServer,
} from './support.js';

const PW = 'Shifan2026';

describe.runIf(browserAvailable)('catalog compilation, review and publication in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let editor: Page;
  let office: Page;
  let catalogUrl = '';

  async function login(ctx: BrowserContext, user: string): Promise<Page> {
    const p = await ctx.newPage();
    p.setDefaultTimeout(10_000);
    await p.goto(`${server.url}/admin/login`);
    await p.fill('#f-username', user);
    await p.fill('#f-password', PW);
    await p.click('main form.form button[type=submit]');
    return p;
  }

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    editor = await login(await browser.newContext({ javaScriptEnabled: false }), 'cgz.bianji');
    office = await login(await browser.newContext({ javaScriptEnabled: false }), 'gkb');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const editItem = async (label: string, field: string, value: string) => {
    await editor.click(`main a:has-text("编辑“${label}”")`);
    await editor.fill(field, value);
    await editor.click('main form.form button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe('已保存。');
  };

  it('lets the township editor adopt 社会救助 rows, edit two, add a local item and submit', async () => {
    await editor.click('nav.admin-nav >> text=目录编制');
    await editor.click('main >> text=城关镇人民政府');
    catalogUrl = editor.url();
    await editor.click('summary:has-text("标准指引采用事项")');
    await editor.goto(`${catalogUrl}/adopt?domain=shehui-jiuzhu`);
    await screenshot(editor, 'catalog-01-adopt');
    await editor.click('main form button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe('已采用所选指引事项。');
    expect(await editor.locator('table.catalog tbody tr').count()).toBe(6);
    await editItem('最低生活保障 / 办事指南', '#f-subject', '城关镇人民政府社会事务办');
    await editItem('临时救助 / 办事指南', '#f-time_limit', '信息形成之日起7个工作日内');
    await editor.click('text=新增本地事项');
    await editor.selectOption('#f-domain', '社会救助');
    await editor.fill('#f-level1', '临时救助');
    await editor.fill('#f-level2', '本镇临时救助资金发放');
    await editor.fill('#f-elements', '●救助对象●救助金额●发放时间');
    await editor.fill('#f-basis', '《社会救助暂行办法》');
    await editor.fill('#f-time_limit', '信息形成之日起20个工作日内');
    await editor.uncheck('#f-mode_proactive');
    await editor.click('main form.form button[type=submit]');
    await expect(editor.locator('#e-mode_proactive').innerText()).resolves.toBe('请选择公开方式');
    await editor.check('#f-mode_proactive');
    await editor.check('#f-tier_township');
    await editor.click('main form.form button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe('已新增事项。');
    await editor.click('form[action$="/submit"] button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe('已提交县政府办公室审核。');
    await screenshot(editor, 'catalog-02-submitted');
  });

  it('lets the county office return one item with a comment', async () => {
    await office.click('nav.admin-nav >> text=目录编制');
    await screenshot(office, 'catalog-03-board');
    await office.click('section >> text=城关镇人民政府');
    const box = office.locator('textarea[aria-label], textarea').filter({ hasText: '' });
    expect(await box.count()).toBeGreaterThan(7);
    await office.fill('tr:has-text("本镇临时救助资金发放") textarea', '请写明公开依据的具体条款');
    await screenshot(office, 'catalog-04-review');
    await office.click('button[value=return]');
    await expect(office.locator('.flash').innerText()).resolves.toBe('已退回修改。');
  });

  it('lets the editor fix the returned item and submit again; the county approves', async () => {
    await editor.goto(catalogUrl);
    await expect(editor.locator('[role=alert]').innerText()).resolves.toContain('请写明公开依据的具体条款');
    await screenshot(editor, 'catalog-05-returned');
    await editItem('临时救助 / 本镇临时救助资金发放', '#f-basis', '《社会救助暂行办法》第四十七条');
    await editor.click('form[action$="/submit"] button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe('已提交县政府办公室审核。');
    await office.goto(catalogUrl);
    await office.fill('#f-comment', '同意发布');
    await office.click('button[value=approve]');
    await expect(office.locator('.flash').innerText()).resolves.toBe('审核通过，目录已发布。');
  });

  it('shows the published catalog on the portal', async () => {
    const p = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await p.goto(`${server.url}/xxgk/ml`);
    await p.click('tr:has-text("城关镇人民政府") a:has-text("政务公开事项标准目录")');
    await expect(p.locator('h1').innerText()).resolves.toBe('城关镇人民政府政务公开事项标准目录');
    const text = await p.locator('main').innerText();
    expect(text).toContain('本镇临时救助资金发放');
    expect(text).toContain('《社会救助暂行办法》第四十七条');
    expect(text).toContain('城关镇人民政府社会事务办');
    await screenshot(p, 'catalog-06-portal');
    await p.goto(`${server.url}/xxgk/lingyu/shehui-jiuzhu`);
    await expect(p.locator('main').innerText()).resolves.toContain('本镇临时救助资金发放');
  });

  it('makes version 2 from a later change, with a diff on the portal', async () => {
    await editor.goto(catalogUrl);
    await editItem('综合业务 / 监督检查', '#f-time_limit', '制定或获取信息之日起5个工作日内');
    await editor.click('form[action$="/submit"] button[type=submit]');
    await expect(editor.locator('#e-reason').innerText()).resolves.toBe('请说明本次修改的内容和原因');
    await editor.fill('#f-reason', '缩短监督检查信息的公开时限');
    await editor.click('form[action$="/submit"] button[type=submit]');
    await office.goto(catalogUrl);
    await office.click('button[value=approve]');
    const p = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await p.goto(`${server.url}/xxgk/ml`);
    await p.click('tr:has-text("城关镇人民政府") a:has-text("政务公开事项标准目录")');
    await expect(p.locator('main .muted').first().innerText()).resolves.toContain('第 2 版');
    await p.click('main form.filters button[type=submit]');
    const diff = await p.locator('table.diff').innerText();
    expect(diff).toContain('修改');
    expect(diff).toContain('社会救助：综合业务 / 监督检查');
    expect(diff).toContain('制定或获取信息之日起10个工作日内');
    expect(diff).toContain('制定或获取信息之日起5个工作日内');
    await screenshot(p, 'catalog-07-diff');
  });

  it('has no serious or critical axe-core violations on the catalog pages', async () => {
    const ctx = await browser.newContext({ bypassCSP: true });
    const p = await ctx.newPage();
    const problems: string[] = [];
    for (const url of ['/xxgk/ml', `/xxgk/ml/1`, '/xxgk/ml/1/diff?from=1&to=2']) {
      await p.goto(`${server.url}${url}`);
      problems.push(...(await axeViolations(p)).map((v) => `${url}: ${v}`));
    }
    await p.goto(`${server.url}/admin/login`);
    await p.fill('#f-username', 'gkb');
    await p.fill('#f-password', PW);
    await p.click('main form.form button[type=submit]');
    const item = await server.db.k.selectFrom('catalog_items').select('id').limit(1).executeTakeFirstOrThrow();
    for (const url of [
      '/admin/catalogs',
      '/admin/catalogs/1',
      '/admin/catalogs/1/adopt?domain=yiwu-jiaoyu',
      '/admin/catalogs/1/items/new',
      `/admin/catalog-items/${item.id}/edit`,
    ]) {
      await p.goto(`${server.url}${url}`);
      problems.push(...(await axeViolations(p)).map((v) => `${url}: ${v}`));
    }
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
