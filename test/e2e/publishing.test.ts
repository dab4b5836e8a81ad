/**
 * User story (信息发布): a township editor drafts a piece of government information against the
 * catalog, without JavaScript, correcting the errors the form shows; the township reviewer does the
 * 公开审查 and 保密审查; the editor publishes it; a citizen finds it in its column, under its catalog
 * item, in search and in the Atom feed (with the page cache on, as in production); the county office
 * sees the 公开时限 board with a record whose deadline passed.
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
import { actorFor, unitIdByName } from '../../src/testing.js';
import { publishCatalog, recordForm } from '../../src/publishing/testing.js';
import { createRecord } from '../../src/publishing/service.js';

describe.runIf(browserAvailable)('publishing government information in a real browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let unit: number;
  let item: number;
  let recordUrl = '';

  const login = async (username: string, js = false): Promise<Page> => {
    const p = await (await browser.newContext({ javaScriptEnabled: js })).newPage();
    p.setDefaultTimeout(10_000);
    await signIn(p, server.url, username);
    return p;
  };

  beforeAll(async () => {
    server = await startDemoServer({ pageCache: true });
    browser = await launchBrowser();
    unit = await unitIdByName(server.db, '城关镇人民政府');
    const editor = await actorFor(server.db, 'cgz.bianji');
    [item] = await publishCatalog(server.db, editor, await actorFor(server.db, 'gkb'), unit, [
      { level1: '最低生活保障', level2: '低保对象审核公示', time_limit: '信息形成之日起10个工作日内' },
    ]);
    // A draft formed long ago and never published: its 公开时限 has passed.
    await createRecord(
      server.db,
      editor,
      unit,
      recordForm({
        title: '城关镇2025年第二季度临时救助资金发放情况',
        formed_on: '2025-06-30',
        written_on: '',
        genre: '统计数据',
        item_ids: [String(item)],
      }),
    );
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('lets the editor draft a record, with the errors shown beside the fields first', async () => {
    const editor = await login('cgz.bianji');
    await editor.click('nav.admin-nav >> text=信息发布');
    await editor.click('main >> text=起草信息');
    await expect(editor.locator('h1').innerText()).resolves.toBe('起草信息');
    await editor.fill('#f-doc_number', '城政发2025年7号');
    await editor.click('main form.form button[type=submit]');
    await expect(editor.locator('#e-title').innerText()).resolves.toContain('标题');
    await expect(editor.locator('#e-doc_number').innerText()).resolves.toContain('临政办字〔2020〕64号');
    await expect(editor.locator('#f-doc_number').inputValue()).resolves.toBe('城政发2025年7号');
    await screenshot(editor, 'publishing-01-errors');
    await editor.fill('#f-title', '城关镇2025年第三季度城乡低保对象公示');
    await editor.fill('#f-doc_number', '城政发[2025]7号');
    await editor.fill('#f-formed_on', '2025-09-20');
    await editor.selectOption('#f-subject', '民政、扶贫、救灾\\社会福利');
    await editor.selectOption('#f-genre', '公示');
    await editor.selectOption('#f-column_item', 'a21-社会救助');
    await editor.check('main input[name=item_ids]');
    await editor.fill('#f-body', '<p>现将城关镇2025年第三季度新增城乡低保对象公示如下。</p><script>alert(1)</script>');
    await editor.click('main form.form button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe(
      '信息已保存为草稿。正文中的脚本等不安全内容已被移除。',
    );
    const meta = await editor.locator('main dl.meta').innerText();
    expect(meta).toContain('城政发〔2025〕7号');
    expect(meta).toContain('2025-10-10');
    expect(meta).toContain('已逾期');
    recordUrl = editor.url().replace(/\?.*$/, '');
    await screenshot(editor, 'publishing-02-draft');
    await editor.click('form[action$="/submit"] button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe('已提交公开审查和保密审查。');
  });

  it('lets the reviewer approve after the 保密审查 and the editor publish', async () => {
    const reviewer = await login('cgz.shenhe');
    await reviewer.goto(recordUrl);
    await reviewer.check('form[action$="/review"] #f-decision');
    await reviewer.check('#f-attribute_confirmed');
    await reviewer.click('form[action$="/review"] button[type=submit]');
    await expect(reviewer.locator('#e-secrecy_checked').innerText()).resolves.toBe(
      '审查通过前须完成保密审查（条例第十七条）',
    );
    await reviewer.check('form[action$="/review"] #f-decision');
    await reviewer.check('#f-attribute_confirmed');
    await reviewer.check('#f-secrecy_checked');
    await reviewer.click('form[action$="/review"] button[type=submit]');
    await expect(reviewer.locator('.flash').innerText()).resolves.toBe('审查通过，可以发布。');
    await screenshot(reviewer, 'publishing-03-reviewed');

    const editor = await login('cgz.bianji');
    await editor.goto(recordUrl);
    await editor.click('form[action$="/publish"] button[type=submit]');
    await expect(editor.locator('.flash').innerText()).resolves.toBe('已发布。');
    await expect(editor.locator('main dl.meta').innerText()).resolves.toContain('已发布');
    await expect(editor.locator('main >> text=查看门户页面').count()).resolves.toBe(1);
    await screenshot(editor, 'publishing-04-published');
  });

  it('lets a citizen find the notice in its column, under its catalog item, in search and in the Atom feed', async () => {
    const citizen = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    citizen.setDefaultTimeout(10_000);
    const title = '城关镇2025年第三季度城乡低保对象公示';
    // Column: 法定主动公开内容 → 第二十一条 社会救助.
    await citizen.goto(server.url);
    await citizen.click('nav.site-nav >> text=法定主动公开内容');
    await citizen.click('main h3 >> text=社会救助');
    await citizen.click(`main >> text=${title}`);
    await expect(citizen.locator('main h1').innerText()).resolves.toBe(title);
    const meta = await citizen.locator('table.meta-block').innerText();
    for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '文号', '发布日期', '有效性'])
      expect(meta).toContain(label);
    expect(meta).toContain('城政发〔2025〕7号');
    await expect(citizen.locator('.record-body').innerHTML()).resolves.not.toContain('script');
    await screenshot(citizen, 'publishing-06-portal-detail');
    // Catalog item: 重点领域 → 社会救助 → the item's records.
    await citizen.click('nav.site-nav >> text=重点领域信息公开');
    await citizen.click('main >> text=社会救助');
    await expect(citizen.locator('main table.catalog').innerText()).resolves.toContain(title);
    await screenshot(citizen, 'publishing-07-domain');
    // Search for 低保 from the home page.
    await citizen.goto(server.url);
    await citizen.fill('#home-q', '低保');
    await citizen.click('form.home-search button[type=submit]');
    await expect(citizen.locator('main [role=status]').innerText()).resolves.toContain('找到 1 条包含“低保”的信息');
    await expect(citizen.locator('ol.search-results mark').first().innerText()).resolves.toBe('低保');
    await screenshot(citizen, 'publishing-08-search');
    // Atom feed of the column.
    const feed = await (await citizen.request.get(`${server.url}/xxgk/fdzdgknr/atom.xml`)).text();
    expect(feed).toContain(`<title>${title}</title>`);
  });

  it('shows the county office the overdue draft and the late publication on the 公开时限 board', async () => {
    const office = await login('gkb');
    await office.click('nav.admin-nav >> text=公开时限');
    const board = await office.locator('main').innerText();
    expect(board).toContain('已逾期（1）');
    expect(board).toContain('城关镇2025年第二季度临时救助资金发放情况');
    expect(board).toContain('逾期发布（1）');
    expect(board).toContain('城关镇2025年第三季度城乡低保对象公示');
    await screenshot(office, 'publishing-05-deadlines');
  });

  it('has no serious or critical axe-core violations on the publishing pages', async () => {
    const problems: string[] = [];
    for (const [who, urls] of [
      [
        'cgz.bianji',
        [
          '/admin/records',
          `/admin/records/new?unit=${unit}`,
          recordUrl.replace(server.url, ''),
          '/admin/records/deadlines',
          '/admin/records/cleanup',
          '/admin/records/interpretations',
        ],
      ],
      ['cgz.shenhe', [recordUrl.replace(server.url, ''), '/admin/records/assessments']],
      ['gkb', ['/admin/records/settings', '/admin/records/new', '/admin']],
      [
        '',
        [
          '/',
          '/xxgk/fdzdgknr',
          `/xxgk/fdzdgknr/${encodeURIComponent('a21-社会救助')}`,
          '/xxgk/lingyu/shehui-jiuzhu',
          '/xxgk/xxml',
          '/search?q=%E4%BD%8E%E4%BF%9D',
          `/xxgk/info/${recordUrl.split('/').pop()}`,
          `/xxgk/info/${recordUrl.split('/').pop()}/print`,
        ],
      ],
    ] as const) {
      const ctx = await browser.newContext({ bypassCSP: true });
      const p = await ctx.newPage();
      if (who) {
        await signIn(p, server.url, who);
      }
      for (const url of urls) {
        await p.goto(`${server.url}${url}`);
        problems.push(...(await axeViolations(p)).map((v) => `${who} ${url}: ${v}`));
      }
      await ctx.close();
    }
    expect(problems).toEqual([]);
  });
});
