/**
 * User story (first part of issue 6): a citizen submits a request online and receives a number and
 * a query code; the township's handler confirms receipt, which starts the 20-working-day clock; the
 * citizen looks the request up with the code and sees the due date and how it was counted.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  signIn,
  browserAvailable,
  startDemoServer,
  launchBrowser,
  screenshot,
  axeViolations,
  type RunningServer,
} from './support.js';
import { calendarFor } from '../../src/calendar/service.js';
import { addWorkingDays } from '../../src/calendar/clock.js';
import { todayInChina } from '../../src/calendar/dates.js';

describe.runIf(browserAvailable)('requests for information in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let citizen: Page;
  let number = '';
  let code = '';

  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
    citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    citizen.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets a citizen submit online, with field errors first, and shows the number and query code', async () => {
    await citizen.goto(`${server.url}/ysqgk`);
    await citizen.click('main >> text=在线提交申请');
    await citizen.selectOption('#f-unit_id', { label: '城关镇人民政府' });
    await citizen.fill('#f-name', '张三');
    await citizen.fill('#f-id_number', '110105194912310021');
    await citizen.fill('#f-description', '2025年城关镇最低生活保障资金发放名单');
    await citizen.selectOption('#f-form', 'electronic');
    await citizen.selectOption('#f-delivery', 'email');
    await citizen.click('main form.form button[type=submit]');
    await expect(citizen.locator('#e-id_number').innerText()).resolves.toBe(
      '居民身份证号码校验不通过，请核对 18 位号码',
    );
    // No way to reach the applicant at all: refused (missing contents alone would go the 补正 way).
    await expect(citizen.locator('#e-phone').innerText()).resolves.toBe(
      '请至少填写一种联系方式（电话、通讯地址或电子邮箱）',
    );
    await screenshot(citizen, 'requests-01-errors');
    await citizen.fill('#f-id_number', '11010519491231002X');
    await citizen.fill('#f-email', 'zhangsan@example.com');
    await citizen.click('main form.form button[type=submit]');
    await expect(citizen.locator('h1').innerText()).resolves.toBe('申请已提交');
    const dds = await citizen.locator('dl.receipt dd').allInnerTexts();
    [number, code] = dds;
    expect(number).toMatch(/^990121-\d{4}-00001$/);
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await screenshot(citizen, 'requests-02-receipt');
  });

  it('lets the handler confirm receipt, which starts the reply clock', async () => {
    const handler = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(handler, server.url, 'cgz.banli');
    await handler.click('nav.admin-nav >> text=依申请公开');
    await handler.click(`text=${number}`);
    await expect(handler.locator('main dl').innerText()).resolves.toContain('11010519491231002X');
    await handler.click('form[action$="/confirm"] button[type=submit]');
    await expect(handler.locator('.flash').innerText()).resolves.toBe('已确认收到，开始计算答复期限。');
    await screenshot(handler, 'requests-03-handler');
  });

  it('shows the citizen the status and the due date with the query code', async () => {
    await citizen.goto(`${server.url}/ysqgk/query`);
    await citizen.fill('#f-number', number);
    await citizen.fill('#f-code', 'WRONG123');
    await citizen.click('main form.form button[type=submit]');
    await expect(citizen.locator('.error-summary').innerText()).resolves.toContain('申请编号或查询码不正确');
    await citizen.fill('#f-code', code);
    await citizen.click('main form.form button[type=submit]');
    const text = await citizen.locator('main').innerText();
    const today = todayInChina();
    let due = '待载入节假日安排后计算';
    try {
      due = addWorkingDays(await calendarFor(server.db.k, '990121'), today, 20).due;
    } catch {
      /* due date in a year without a calendar */
    }
    expect(text).toContain(`收到申请之日\n${today}`);
    expect(text).toContain(`答复期限\n${due}`);
    expect(text).not.toContain('11010519491231002X');
    await screenshot(citizen, 'requests-04-status');
  });

  it('lets the handler send a 补正 notice, take the correction, consult a third party, extend with approval and reply 部分公开; the citizen sees every step', async () => {
    const handler = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    handler.setDefaultTimeout(10_000);
    await signIn(handler, server.url, 'cgz.banli');
    await handler.goto(`${server.url}/admin/requests/1`);
    await handler.fill('#f-items', '请写明所需名单的村组范围');
    const until = new Date(Date.now() + 15 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await handler.fill('form[action$="/correction"] #f-until', until);
    await handler.click('form[action$="/correction"] button[type=submit]');
    await expect(handler.locator('.flash').innerText()).resolves.toBe('已办理。');
    await handler.click('form[action$="/corrected"] button[type=submit]');
    await handler.selectOption('form[action$="/consult"] #f-party', 'third_party');
    await handler.fill('form[action$="/consult"] #f-party_name', '示范建筑工程有限公司');
    await handler.click('form[action$="/consult"] button[type=submit]');
    await expect(handler.locator('#consult-h').innerText()).resolves.toBe('征求意见（条例第三十二条、第三十四条）');
    await handler.selectOption('form[action$="/consulted"] select[name=result]', 'agree');
    await handler.click('form[action$="/consulted"] button[type=submit]');
    await handler.fill('form[action$="/extend"] #f-working_days', '10');
    await handler.click('form[action$="/extend"] button[type=submit]');
    await expect(handler.locator('#e-approver').innerText()).resolves.toBe(
      '请填写批准延期的政府信息公开工作机构负责人',
    );
    await handler.fill('form[action$="/extend"] #f-working_days', '10');
    await handler.fill('form[action$="/extend"] #f-approver', '政务公开办主任 李某');
    await handler.fill('form[action$="/extend"] #f-reason', '涉及多个村组');
    await handler.click('form[action$="/extend"] button[type=submit]');
    await expect(handler.locator('.flash').innerText()).resolves.toBe('已办理。');
    await handler.selectOption('form[action$="/propose"] #f-outcome', 'partial');
    await handler.click('form[action$="/propose"] button[type=submit]');
    await expect(handler.locator('main').innerText()).resolves.toContain('等待单位审核');
    const reviewer = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    reviewer.setDefaultTimeout(10_000);
    await signIn(reviewer, server.url, 'cgz.shenhe');
    await reviewer.goto(`${server.url}/admin/requests?state=review`);
    await reviewer.click(`text=${number}`);
    await reviewer.click('button[value=approve]');
    await expect(reviewer.locator('#e-secrecy').innerText()).resolves.toBe(
      '请确认已对拟公开的信息进行保密审查（条例第十七条）',
    );
    await reviewer.check('#f-secrecy');
    await reviewer.click('button[value=approve]');
    await expect(reviewer.locator('.flash').innerText()).resolves.toBe('已办理。');
    await screenshot(reviewer, 'requests-05a-reviewed');
    await handler.goto(`${server.url}/admin/requests/1`);
    await handler.click('form[action$="/reply"] button[type=submit]');
    await expect(handler.locator('main').innerText()).resolves.toContain(
      '答复结果：（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    );
    await handler.selectOption('#f-draft', 'reply');
    await handler.click('form[aria-label="生成文书草稿"] button[type=submit]');
    const draft = await handler.locator('#f-body').inputValue();
    expect(draft).toContain('第三十七条');
    await handler.click('form[action$="/document"] button[type=submit]');
    await expect(handler.locator('#e-body').innerText()).resolves.toBe('文书中还有未填写的“____”，请补全后再出具');
    await handler.fill('#f-body', draft.replace('________', '名单中的身份证号码属于个人隐私，已作区分处理'));
    await handler.click('form[action$="/document"] button[type=submit]');
    const link = handler.locator('a:has-text("政府信息公开申请答复书（")');
    await expect(link.innerText()).resolves.toMatch(/城关镇依申公开〔\d{4}〕1号/);
    const res = await handler.request.get(`${server.url}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(decodeURIComponent(res.headers()['content-disposition'])).toMatch(
      /政府信息公开申请答复书（城关镇依申公开〔\d{4}〕1号）\.docx$/,
    );
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    await screenshot(handler, 'requests-05-replied');

    await citizen.goto(`${server.url}/ysqgk/query`);
    await citizen.fill('#f-number', number);
    await citizen.fill('#f-code', code);
    await citizen.click('main form.form button[type=submit]');
    const text = await citizen.locator('main').innerText();
    expect(text).toContain('发出补正告知');
    expect(text).toContain('收到补正后的申请，答复期限重新起算');
    expect(text).toContain('书面征求第三方意见');
    expect(text).toContain('答复期限延长 10 个工作日');
    expect(text).toContain('拟办意见经审核（含保密审查）通过');
    expect(text).toContain('已作出答复：（二）部分公开');
    expect(text).toContain('已答复');
    await screenshot(citizen, 'requests-06-citizen-steps');
  });

  it('registers an incomplete request, tells the citizen what is missing, and queues it for the 补正告知 (条例第二十九条、第三十条)', async () => {
    await citizen.goto(`${server.url}/ysqgk/apply`);
    await citizen.selectOption('#f-unit_id', { label: '城关镇人民政府' });
    await citizen.fill('#f-name', '李四');
    await citizen.fill('#f-phone', '13900000000');
    await citizen.fill('#f-description', '相关文件');
    await citizen.click('main form.form button[type=submit]');
    await expect(citizen.locator('h1').innerText()).resolves.toBe('申请已提交');
    const receipt = await citizen.locator('main').innerText();
    expect(receipt).toContain('申请内容需要补正');
    expect(receipt).toContain('申请人的身份证明（证件号码）');
    expect(receipt).toContain('所需政府信息的描述不明确');
    expect(receipt).toContain('一次性告知您需要补正的事项和合理的补正期限（条例第三十条）');
    const second = (await citizen.locator('dl.receipt dd').allInnerTexts())[0];
    await screenshot(citizen, 'requests-07-incomplete-receipt');
    const handler = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    handler.setDefaultTimeout(10_000);
    await signIn(handler, server.url, 'cgz.banli');
    await handler.goto(`${server.url}/admin/requests?state=needs_correction`);
    await handler.click(`text=${second}`);
    await handler.click('form[action$="/confirm"] button[type=submit]');
    await expect(handler.locator('#missing-h').innerText()).resolves.toBe(
      '需补正：登记时核对发现申请内容不完整（条例第二十九条）',
    );
    await expect(handler.locator('form[action$="/correction"] #f-items').inputValue()).resolves.toContain(
      '1．申请人的身份证明（证件号码）',
    );
    await screenshot(handler, 'requests-08-needs-correction');
  });

  it('has no serious or critical axe-core violations on the request pages', async () => {
    const ctx = await browser.newContext({ bypassCSP: true });
    const p = await ctx.newPage();
    const problems: string[] = [];
    for (const url of ['/ysqgk', '/ysqgk/apply', '/ysqgk/query']) {
      await p.goto(`${server.url}${url}`);
      problems.push(...(await axeViolations(p)).map((v) => `${url}: ${v}`));
    }
    await signIn(p, server.url, 'cgz.banli');
    for (const url of [
      '/admin/requests',
      '/admin/requests?state=needs_correction',
      '/admin/requests/new',
      '/admin/requests/1',
      '/admin/requests/2',
    ]) {
      await p.goto(`${server.url}${url}`);
      problems.push(...(await axeViolations(p)).map((v) => `${url}: ${v}`));
    }
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
