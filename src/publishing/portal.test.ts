import { it, expect, beforeAll } from 'vitest';
import { describeEachDb, seedDemoDb, testApp, TestClient, unitIdByName, actorFor } from '../testing.js';
import { createRecord, submitRecord, reviewRecord, publishRecord, withdrawRecord, addAttachments } from './service.js';
import { publishCatalog, recordForm } from './testing.js';

const approve = { decision: 'approve', attribute_confirmed: '1', secrecy_checked: '1' };

describeEachDb('portal: government information pages', (db) => {
  let client: TestClient;
  let item: number;
  let published: number;
  let draft: number;
  let withdrawn: number;
  let fileId: number;

  beforeAll(async () => {
    await seedDemoDb(db());
    const unit = await unitIdByName(db(), '城关镇人民政府');
    const editor = await actorFor(db(), 'cgz.bianji');
    const reviewer = await actorFor(db(), 'cgz.shenhe');
    [item] = await publishCatalog(db(), editor, await actorFor(db(), 'gkb'), unit, [
      { level1: '最低生活保障', level2: '低保对象公示', time_limit: '信息形成之日起10个工作日内，公示7个工作日' },
    ]);
    const out = async (over: Record<string, string | string[]>) => {
      const r = await createRecord(db(), editor, unit, recordForm({ item_ids: [String(item)], ...over }));
      await submitRecord(db(), editor, r.id);
      await reviewRecord(db(), reviewer, r.id, approve);
      await publishRecord(db(), editor, r.id, {});
      return r.id;
    };
    const pre = await createRecord(
      db(),
      editor,
      unit,
      recordForm({
        item_ids: [String(item)],
        doc_number: '城政发〔2025〕7号',
        title: '城关镇2025年第三季度城乡低保对象公示 <b>',
      }),
    );
    await addAttachments(db(), editor, pre.id, [{ name: '低保名单.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') }]);
    await submitRecord(db(), editor, pre.id);
    await reviewRecord(db(), reviewer, pre.id, approve);
    await publishRecord(db(), editor, pre.id, {});
    published = pre.id;
    fileId = (
      await db()
        .k.selectFrom('info_record_files')
        .select('id')
        .where('record_id', '=', published)
        .executeTakeFirstOrThrow()
    ).id;
    withdrawn = await out({ title: '已撤回的通知', genre: '通知' });
    await withdrawRecord(db(), reviewer, withdrawn, { reason: '内容有误，已重新发布' });
    await out({
      title: '城关镇政府信息公开工作制度',
      genre: '规定',
      column_slug: 'zhidu',
      column_item: '',
      subject: '综合政务\\政务公开',
    });
    draft = (await createRecord(db(), editor, unit, recordForm({ title: '尚未发布的草稿' }))).id;
    client = new TestClient(testApp(db()));
  });

  it('shows the detail page with the standard metadata block, escaped title, posting period and attachment', async () => {
    const res = await client.get(`/xxgk/info/${published}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const label of ['索引号', '主题分类', '发布机构', '成文日期', '文号', '发布日期', '有效性'])
      expect(html).toContain(`<th scope="row">${label}</th>`);
    expect(html).toContain('城政发〔2025〕7号');
    expect(html).toContain('民政、扶贫、救灾\\社会福利');
    expect(html).toContain('城乡低保对象公示 &lt;b&gt;');
    expect(html).toMatch(/公示期：\d{4}年\d{2}月\d{2}日至\d{4}年\d{2}月\d{2}日/);
    expect(html).toContain(`/xxgk/info/${published}/files/${fileId}`);
    expect(html).toContain('打印本页');
    const print = await client.get(`/xxgk/info/${published}/print`);
    expect(await print.text()).toContain('class="print-view"');
  });

  it('counts downloads and sends the file as an attachment', async () => {
    const res = await client.get(`/xxgk/info/${published}/files/${fileId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''%E4%BD%8E%E4%BF%9D%E5%90%8D%E5%8D%95.pdf",
    );
    expect(Buffer.from(await res.arrayBuffer()).toString('latin1')).toContain('%PDF-');
    const counted = await db()
      .k.selectFrom('info_record_files')
      .select('downloads')
      .where('id', '=', fileId)
      .executeTakeFirstOrThrow();
    expect(counted.downloads).toBe(1);
  });

  it('hides drafts, and shows a withdrawn record only with its public reason', async () => {
    expect((await client.get(`/xxgk/info/${draft}`)).status).toBe(404);
    const res = await client.get(`/xxgk/info/${withdrawn}`);
    const html = await res.text();
    expect(html).toContain('撤回理由：内容有误，已重新发布');
    expect(html).not.toContain('class="record-body"');
  });

  it('lists records in their column, sub-column, catalog item, domain page and the directory with filters', async () => {
    const col = await (await client.get('/xxgk/fdzdgknr')).text();
    expect(col).toContain(`href="/xxgk/info/${published}"`);
    const sub = await (await client.get(`/xxgk/fdzdgknr/${encodeURIComponent('a21-社会救助')}`)).text();
    expect(sub).toContain(`href="/xxgk/info/${published}"`);
    expect(sub).not.toContain('尚未发布的草稿');
    const zhidu = await (await client.get('/xxgk/zhidu')).text();
    expect(zhidu).toContain('城关镇政府信息公开工作制度');
    const domain = await (await client.get('/xxgk/lingyu/shehui-jiuzhu')).text();
    expect(domain).toContain('低保对象公示');
    expect(domain).toContain(`href="/xxgk/info/${published}"`);
    const itemPage = await (await client.get(`/xxgk/item/${item}`)).text();
    expect(itemPage).toContain(`href="/xxgk/info/${published}"`);
    const dir = await (await client.get('/xxgk/xxml')).text();
    expect(dir).toContain('共 2 条信息');
    const filtered = await (await client.get(`/xxgk/xxml?genre=${encodeURIComponent('规定')}`)).text();
    expect(filtered).toContain('共 1 条信息');
    expect(filtered).toContain('城关镇政府信息公开工作制度');
    const bySubject = await (await client.get(`/xxgk/xxml?subject=${encodeURIComponent('民政、扶贫、救灾')}`)).text();
    expect(bySubject).toContain('共 1 条信息');
    const none = await (await client.get('/xxgk/xxml?year=2001')).text();
    expect(none).toContain('共 0 条信息');
    const home = await (await client.get('/')).text();
    expect(home).toContain(`href="/xxgk/info/${published}"`);
  });

  it('publishes Atom feeds per column and a sitemap', async () => {
    const res = await client.get('/xxgk/fdzdgknr/atom.xml');
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const feed = await res.text();
    expect(feed).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed).toContain(`<id>http://localhost/xxgk/info/${published}</id>`);
    expect(feed).toContain('城乡低保对象公示 &lt;b&gt;');
    expect(feed).not.toContain('已撤回的通知');
    const sub = await (await client.get(`/xxgk/fdzdgknr/${encodeURIComponent('a21-社会救助')}/atom.xml`)).text();
    expect(sub).toContain(`/xxgk/info/${published}`);
    const index = await (await client.get('/sitemap.xml')).text();
    expect(index).toContain('<loc>http://localhost/sitemaps/info-0.xml</loc>');
    const urls = await (await client.get('/sitemaps/info-0.xml')).text();
    expect(urls).toContain(`<loc>http://localhost/xxgk/info/${published}</loc>`);
    expect(urls).not.toContain(`/xxgk/info/${draft}<`);
    expect(urls).not.toContain(`/xxgk/info/${withdrawn}<`);
  });

  it('searches published records; above the count limit it says “超过” and still lists every hit', async () => {
    const ids = (html: string) => [...html.matchAll(/<h2><a href="\/xxgk\/info\/(\d+)"/g)].map((m) => Number(m[1]));
    const exact = await (await client.get(`/search?q=${encodeURIComponent('低保')}`)).text();
    const found = ids(exact);
    expect(found).toContain(published);
    expect(found).not.toContain(draft);
    expect(found).not.toContain(withdrawn);
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(exact).toContain(`找到 ${found.length} 条包含“低保”的信息。`);
    const capped = new TestClient(testApp(db(), { searchTotalLimit: 1 }));
    const html = await (await capped.get(`/search?q=${encodeURIComponent('低保')}`)).text();
    expect(html).toContain('找到超过 1 条包含“低保”的信息，可按发布机构、年份、主题分类等筛选以缩小范围。');
    expect(ids(html)).toEqual(found);
  });
});
