/**
 * User story: the county's system administrator signs in, looks around the back office, creates an
 * account and edits a unit; the audit log shows all of it. The portal home and every back-office
 * page are screenshotted and checked with axe-core. Runs with JavaScript disabled: every page works
 * without it.
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
import { unitIdByName } from '../../src/testing.js';

const PW = 'Shifan2026';

describe.runIf(browserAvailable)('foundation in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let noJs: BrowserContext;
  let axeCtx: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    noJs = await browser.newContext({
      javaScriptEnabled: false,
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    // axe-core is injected as a script, which the site's CSP rightly forbids: bypass it for the checker only.
    axeCtx = await browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    page = await noJs.newPage();
    page.setDefaultTimeout(8000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the portal home with the four standard columns', async () => {
    await page.goto(`${server.url}/`);
    await screenshot(page, '01-portal-home');
    const nav = await page.locator('nav.site-nav a').allInnerTexts();
    expect(nav).toEqual([
      '首页',
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开工作年度报告',
      '依申请公开',
      '重点领域信息公开',
    ]);
    expect(await page.locator('.domain-grid a').count()).toBe(26);
    await page.click('nav.site-nav >> text=政府信息公开指南');
    await expect(page.locator('h1').innerText()).resolves.toBe('示范县人民政府政府信息公开指南');
    await screenshot(page, '02-portal-guide');
  });

  it('signs in, rejecting a wrong password with the generic message first', async () => {
    await page.goto(`${server.url}/admin`);
    expect(page.url()).toContain('/admin/login');
    await page.fill('#f-username', 'admin');
    await page.fill('#f-password', 'wrong-password1');
    await page.click('main form.form button[type=submit]');
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('用户名或密码错误。');
    await screenshot(page, '03-login-error');
    await page.fill('#f-password', PW);
    await page.click('main form.form button[type=submit]');
    expect(new URL(page.url()).pathname).toBe('/admin');
    await expect(page.locator('main h1').innerText()).resolves.toBe('工作台');
    await expect(page.locator('main table').innerText()).resolves.toContain('系统管理员');
    await screenshot(page, '04-dashboard');
  });

  it('creates an account, with field errors shown beside the fields first', async () => {
    await page.goto(`${server.url}/admin/users/new`);
    await page.fill('#f-username', 'hk');
    await page.click('main form.form button[type=submit]');
    await expect(page.locator('#e-username').innerText()).resolves.toBe('用户名至少 3 个字符');
    await expect(page.locator('#e-display_name').innerText()).resolves.toBe('请填写姓名');
    await screenshot(page, '05-user-form-errors');
    await page.fill('#f-username', 'hkz.bianji');
    await page.fill('#f-display_name', '河口镇 吴编');
    await page.fill('#f-password', 'Hekou2026a');
    await page.selectOption('#f-role_0', 'editor');
    await page.selectOption('#f-unit_0', { label: '河口镇人民政府（河口镇）' });
    await page.click('main form.form button[type=submit]');
    await expect(page.locator('.flash').innerText()).resolves.toBe('已创建。');
    await expect(page.locator('main h1').innerText()).resolves.toBe('账号：河口镇 吴编（hkz.bianji）');
    await page.goto(`${server.url}/admin/users`);
    await expect(page.locator('main table').innerText()).resolves.toContain('hkz.bianji');
    await screenshot(page, '06-users');
  });

  it('edits a unit’s 公开工作机构 record', async () => {
    const id = await unitIdByName(server.db, '示范县教育局');
    await page.goto(`${server.url}/admin/units`);
    await screenshot(page, '07-units');
    await page.click('text=示范县教育局');
    await page.click('text=编辑单位');
    await page.fill('#f-office_phone', '0000-8889999');
    await page.fill('#f-office_postcode', '99910');
    await page.click('main form.form button[type=submit]');
    await expect(page.locator('#e-office_postcode').innerText()).resolves.toBe('邮政编码应为 6 位数字');
    await page.fill('#f-office_postcode', '999100');
    await page.click('main form.form button[type=submit]');
    expect(new URL(page.url()).pathname).toBe(`/admin/units/${id}`);
    await expect(page.locator('.flash').innerText()).resolves.toBe('已保存。');
    await expect(page.locator('main').innerText()).resolves.toContain('0000-8889999');
    await screenshot(page, '08-unit-detail');
  });

  it('shows the login, the account creation and the unit edit in the audit log', async () => {
    await page.goto(`${server.url}/admin/audit`);
    await screenshot(page, '09-audit');
    const text = await page.locator('table.audit tbody').innerText();
    expect(text).toContain('登录后台：admin');
    expect(text).toContain('新建账号“河口镇 吴编（hkz.bianji）”：单位编辑');
    expect(text).toContain('修改单位“示范县教育局”');
    expect(text).toContain('登录失败：admin');
    await page.selectOption('#f-action', 'unit.update');
    await page.click('form.filters button[type=submit]');
    const rows = await page.locator('table.audit tbody tr').allInnerTexts();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('系统管理员（admin）');
    expect(rows[0]).toContain('127.0.0.1');
  });

  it('keeps a township editor inside the own unit', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const p = await ctx.newPage();
    await p.goto(`${server.url}/admin/login`);
    await p.fill('#f-username', 'cgz.bianji');
    await p.fill('#f-password', PW);
    await p.click('main form.form button[type=submit]');
    await p.goto(`${server.url}/admin/units`);
    const names = await p.locator('main table tbody tr td:first-child').allInnerTexts();
    expect(names).toEqual(['城关镇人民政府']);
    const other = await unitIdByName(server.db, '石桥镇人民政府');
    const res = await p.goto(`${server.url}/admin/units/${other}`);
    expect(res?.status()).toBe(403);
    await screenshot(p, '10-editor-forbidden');
    expect((await p.goto(`${server.url}/admin/users`))?.status()).toBe(403);
    expect((await p.goto(`${server.url}/admin/audit`))?.status()).toBe(403);
    await ctx.close();
  });

  it('has no serious or critical axe-core violations on the portal and back-office pages', async () => {
    const p = await axeCtx.newPage();
    const unit = await unitIdByName(server.db, '城关镇人民政府');
    const publicPages = [
      '/',
      '/xxgk/zhinan',
      `/xxgk/zhinan/${unit}`,
      '/xxgk/zhidu',
      '/xxgk/fdzdgknr',
      '/xxgk/ndbg',
      '/ysqgk',
      '/xxgk/lingyu',
      '/xxgk/lingyu/shehui-jiuzhu',
      '/no-such-page',
      '/admin/login',
    ];
    const problems: string[] = [];
    for (const path of publicPages) {
      await p.goto(`${server.url}${path}`);
      for (const v of await axeViolations(p)) problems.push(`${path}: ${v}`);
    }
    await p.fill('#f-username', 'admin');
    await p.fill('#f-password', PW);
    await p.click('main form.form button[type=submit]');
    const user = await server.db.k
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'gkb')
      .executeTakeFirstOrThrow();
    const adminPages = [
      '/admin',
      '/admin/units',
      `/admin/units/${unit}`,
      `/admin/units/${unit}/edit`,
      '/admin/units/new',
      '/admin/users',
      '/admin/users/new',
      `/admin/users/${user.id}`,
      `/admin/users/${user.id}/edit`,
      '/admin/audit',
      '/admin/password',
    ];
    for (const path of adminPages) {
      await p.goto(`${server.url}${path}`);
      for (const v of await axeViolations(p)) problems.push(`${path}: ${v}`);
    }
    // the same checks in 适老化 mode, on a phone-sized screen
    await p.goto(`${server.url}/prefs/elder?on=1&back=/`);
    await p.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/', '/xxgk/zhinan', '/admin', '/admin/units']) {
      await p.goto(`${server.url}${path}`);
      for (const v of await axeViolations(p)) problems.push(`elder ${path}: ${v}`);
    }
    await p.goto(`${server.url}/`);
    await screenshot(p, '11-portal-elder-mobile');
    await p.goto(`${server.url}/admin/units`);
    await screenshot(p, '12-admin-elder-mobile');
    expect(problems).toEqual([]);
  });
});
