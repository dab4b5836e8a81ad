/**
 * User stories: a citizen works out the reply deadline of a request on the portal's 期限计算器;
 * the system administrator imports next year's holiday schedule and adds a local holiday. Runs
 * without JavaScript; pages are screenshotted and checked with axe-core.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  startDemoServer,
  launchBrowser,
  screenshot,
  axeViolations,
  type RunningServer,
} from './support.js';

describe.runIf(browserAvailable)('working-day calendar in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' })).newPage();
    page.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a citizen compute the reply deadline with its explanation', async () => {
    await page.goto(`${server.url}/ysqgk`);
    await page.click('main >> text=期限计算器');
    await page.fill('#f-from', '2025-09-20');
    await page.selectOption('#f-type', 'reply');
    await page.click('main form button[type=submit]');
    await expect(page.locator('.deadline').innerText()).resolves.toBe('截止日：2025-10-23（星期四）');
    const steps = await page.locator('.result ol li').allInnerTexts();
    expect(steps).toContain('2025-10-01 至 10-08 国庆节、中秋节放假，不计。');
    await screenshot(page, 'calendar-01-calculator');
    await page.fill('#f-from', '2026-12-20');
    await page.click('main form button[type=submit]');
    await expect(page.locator('.error-summary').innerText()).resolves.toContain('2027年的节假日安排尚未载入');
    await screenshot(page, 'calendar-02-calculator-missing-year');
  });

  it('lets the administrator import 2027 and add a local holiday; the calculator then counts into 2027', async () => {
    await page.goto(`${server.url}/admin/login`);
    await page.fill('#f-username', 'admin');
    await page.fill('#f-password', 'Shifan2026');
    await page.click('main form.form button[type=submit]');
    await page.goto(`${server.url}/admin/calendar`);
    await expect(page.locator('[role=alert]').first().innerText()).resolves.toContain('2027年的节假日安排尚未载入');
    await screenshot(page, 'calendar-03-admin');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cal-')), '2027.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        year: 2027,
        region: 'CN',
        notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知', docNumber: null, published: null }],
        days: [{ date: '2027-01-01', type: 'off', name: '元旦' }],
      }),
    );
    await page.setInputFiles('#f-file', file);
    await page.check('#f-full_year');
    await page.click('form[action="/admin/calendar/import"] button[type=submit]');
    await expect(page.locator('.flash').innerText()).resolves.toContain('2027年已载入全年安排');
    await page.fill('#f-date', '2026-04-20');
    await page.selectOption('#f-type', 'off');
    await page.fill('#f-name', '三月三');
    await page.click('form[action="/admin/calendar/overrides"] button[type=submit]');
    await expect(page.locator('.flash').innerText()).resolves.toBe('已保存。');
    await expect(page.locator('main table').nth(1).innerText()).resolves.toContain('三月三');
    await screenshot(page, 'calendar-04-admin-after');
    await page.goto(`${server.url}/qxjsq?from=2026-12-20&type=reply`);
    await expect(page.locator('.deadline').innerText()).resolves.toBe('截止日：2027-01-18（星期一）');
    await page.goto(`${server.url}/admin/audit`);
    const audit = await page.locator('table.audit tbody').innerText();
    expect(audit).toContain('从 2027.json 导入 1 个日期（2027年），作为2027年全年安排');
    expect(audit).toContain('2026-04-20 设为放假（三月三）');
  });

  it('has no serious or critical axe-core violations on the calendar pages', async () => {
    const ctx = await browser.newContext({ bypassCSP: true });
    const p = await ctx.newPage();
    const problems: string[] = [];
    for (const url of ['/qxjsq', '/qxjsq?from=2025-09-20&type=reply', '/qxjsq?from=bad']) {
      await p.goto(`${server.url}${url}`);
      problems.push(...(await axeViolations(p)).map((v) => `${url}: ${v}`));
    }
    await p.goto(`${server.url}/admin/login`);
    await p.fill('#f-username', 'admin');
    await p.fill('#f-password', 'Shifan2026');
    await p.click('main form.form button[type=submit]');
    await p.goto(`${server.url}/admin/calendar?year=2026`);
    problems.push(...(await axeViolations(p)).map((v) => `/admin/calendar: ${v}`));
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
