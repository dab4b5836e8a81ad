import { it, expect, beforeAll } from 'vitest';
import { describeEachDb, seedDemoDb, testApp, TestClient, unitIdByName, actorFor } from '../testing.js';
import { publishCatalog, recordForm } from './testing.js';

const PW = 'Shifan2026';
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Author (Zhang San) >> endobj\ntrailer << /Info 1 0 R >>\n%%EOF\n',
  'latin1',
);

describeEachDb('publishing back office', (db) => {
  let editor: TestClient;
  let reviewer: TestClient;
  let stranger: TestClient;
  let office: TestClient;
  let unit: number;
  let item: number;
  let id: number;
  const count = async () => (await db().k.selectFrom('info_records').select('id').execute()).length;

  beforeAll(async () => {
    await seedDemoDb(db());
    unit = await unitIdByName(db(), '城关镇人民政府');
    [item] = await publishCatalog(db(), await actorFor(db(), 'cgz.bianji'), await actorFor(db(), 'gkb'), unit, [
      { time_limit: '信息形成之日起10个工作日内' },
    ]);
    const app = testApp(db());
    const login = async (who: string, ip: string) => {
      const c = new TestClient(app, ip);
      expect((await c.login(who, PW)).status).toBe(303);
      return c;
    };
    editor = await login('cgz.bianji', '10.31.0.1');
    reviewer = await login('cgz.shenhe', '10.31.0.2');
    stranger = await login('shq.bianji', '10.31.0.3');
    office = await login('gkb', '10.31.0.4');
  });

  it('shows the record form with the metadata fields, the 子栏目 of the unit’s level and the catalog items', async () => {
    const go = await editor.get('/admin/records/new');
    expect(go.status).toBe(303);
    expect(go.headers.get('location')).toBe(`/admin/records/new?unit=${unit}`);
    const html = await (await editor.get(`/admin/records/new?unit=${unit}`)).text();
    expect(html).toContain('留空则按本县规则自动生成');
    expect(html).toContain('临政办字〔2020〕64号');
    expect(html).toContain('公开期限自此日起计算，条例第二十六条。');
    expect(html).toContain(
      '<optgroup label="民政、扶贫、救灾"><option value="民政、扶贫、救灾\\减灾救灾">减灾救灾</option>',
    );
    expect(html).toContain('第二十条（一）行政法规、规章和规范性文件');
    expect(html).toContain('<option value="a21-宅基地使用情况审核">第二十一条 宅基地使用情况审核</option>');
    expect(html).not.toContain('第二十一条 市政建设');
    expect(html).toContain(`name="item_ids" value="${item}"`);
    expect(html).toContain('公开时限：信息形成之日起10个工作日内');
    expect(html).toContain('<legend>社会救助</legend>');
    expect(html).toContain('不予公开或删减后公开的，须选择条例第十四条至第十六条规定的理由');
    // 文件类别 for table 2 of the annual report; a township is offered no 规章 (regulations §2.3).
    expect(html).toContain('用于政府信息公开工作年度报告表二的规章、行政规范性文件统计。');
    expect(html).toContain('<option value="">其他</option><option value="normative">行政规范性文件</option></select>');
    // The county office reaches several units: it chooses one first.
    const choose = await (await office.get('/admin/records/new')).text();
    expect(choose).toContain('为哪个单位起草');
    expect(choose).toContain('石桥镇人民政府');
    // A unit without a published catalog is told so.
    const shiqiao = await unitIdByName(db(), '石桥镇人民政府');
    expect(await (await stranger.get(`/admin/records/new?unit=${shiqiao}`)).text()).toContain(
      '本单位尚无已发布的政务公开事项目录',
    );
    expect((await stranger.get(`/admin/records/new?unit=${unit}`)).status).toBe(403);
  });

  it('lets the editor create a record with an attachment through the form', async () => {
    const rule = await editor.postMultipart(
      '/admin/records',
      { ...recordForm({ doc_class: 'rule' }), unit_id: String(unit) },
      [],
    );
    expect(rule.status).toBe(422);
    expect(await rule.text()).toContain('乡镇（街道）、村（居）没有规章制定权');
    const res = await editor.postMultipart(
      '/admin/records',
      {
        ...recordForm({ doc_number: '城政发[2025]7号', doc_class: 'normative' }),
        item_ids: [String(item)],
        unit_id: String(unit),
      },
      [{ field: 'attachments', name: '低保对象名单.pdf', data: PDF, type: 'application/pdf' }],
    );
    expect(res.status).toBe(303);
    const loc = res.headers.get('location')!;
    expect(loc).toMatch(/^\/admin\/records\/\d+\?done=created$/);
    id = Number(/\/(\d+)\?/.exec(loc)![1]);
    const html = await (await editor.get(loc)).text();
    expect(html).toContain('<p class="flash" role="status">信息已保存为草稿。</p>');
    expect(html).toContain('城政发〔2025〕7号');
    expect(html).toContain('民政、扶贫、救灾\\社会福利');
    expect(html).toContain('第二十一条 社会救助');
    expect(html).toContain('<dt>文件类别（年报表二）</dt><dd>行政规范性文件</dd>');
    expect(html).toContain('社会救助：临时救助—本镇临时救助资金发放');
    // 10 working days from 2025-09-20 (the item's rule), long past: red label.
    expect(html).toContain('2025-10-10 <strong class="badge-overdue">已逾期</strong>');
    expect(html).toContain('目录事项“临时救助—本镇临时救助资金发放”的公开时限');
    expect(html).toMatch(/索引号<\/dt><dd>990121001\d{4}\/\d{4}-\d{5}<\/dd>/);
    const link = new RegExp(`href="(/admin/records/${id}/files/\\d+)">低保对象名单.pdf</a>`).exec(html);
    expect(link).not.toBeNull();
    // Staff download: attachment with the Chinese name RFC 5987-encoded, metadata stripped.
    const file = await reviewer.get(link![1]);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent('低保对象名单.pdf')}`,
    );
    const bytes = Buffer.from(await file.arrayBuffer()).toString('latin1');
    expect(bytes.startsWith('%PDF-1.4')).toBe(true);
    expect(bytes).not.toContain('Zhang San');
    expect((await stranger.get(link![1])).status).toBe(403);
    // The list shows it with its columns.
    const list = await (await editor.get('/admin/records?status=draft')).text();
    expect(list).toContain(`<a href="/admin/records/${id}">城关镇2025年第三季度城乡低保对象公示</a>`);
    expect(list).toContain('<td>主动公开</td>');
    expect(list).toContain('<span class="status status-draft">草稿</span>');
  });

  it('shows bad input in Chinese beside the fields, keeps the values, answers 422 and writes nothing', async () => {
    const before = await count();
    const res = await editor.postMultipart(
      '/admin/records',
      {
        ...recordForm({ title: '错误的输入', doc_number: '城政发2025年7号', attribute: 'withheld', subject: '不存在' }),
        unit_id: String(unit),
      },
      [{ field: 'attachments', name: '名单.pdf', data: 'MZ not a pdf' }],
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(
      '<p class="field-error" id="e-doc_number">文号格式不正确，应为“发文机关代字〔年份〕序号号”，如：临政办字〔2020〕64号（GB/T 9704—2012）</p>',
    );
    expect(html).toContain(
      '<p class="field-error" id="e-attribute_reason">不予公开的信息须选择不予公开的理由（条例第十四条至第十六条）</p>',
    );
    expect(html).toContain('<p class="field-error" id="e-subject">请选择主题分类</p>');
    expect(html).toContain('class="error-summary"');
    expect(html).toContain('<a href="#f-doc_number">文号：');
    expect(html).toContain('value="错误的输入"');
    expect(html).toContain('value="城政发2025年7号"');
    expect(html).toMatch(/<input type="radio" id="f-attribute-withheld" name="attribute" value="withheld" checked/);
    expect(await count()).toBe(before);
    // A bad attachment alone is refused too, with its message.
    const bad = await editor.postMultipart(
      '/admin/records',
      { ...recordForm({ title: '附件不对' }), unit_id: String(unit) },
      [{ field: 'attachments', name: '名单.pdf', data: 'MZ not a pdf' }],
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('附件“名单.pdf”的内容不是 PDF 文件，可能是改了扩展名的其他文件');
    expect(await count()).toBe(before);
  });

  it('neutralises a script in the body and says so in the flash', async () => {
    const res = await editor.postMultipart('/admin/records', {
      ...recordForm({ title: '脚本测试', body: '<p>名单<script>alert(1)</script><img src=x onerror=alert(1)></p>' }),
      unit_id: String(unit),
    });
    expect(res.status).toBe(303);
    const loc = res.headers.get('location')!;
    expect(loc).toContain('clean=1');
    const html = await (await editor.get(loc)).text();
    expect(html).toContain('信息已保存为草稿。正文中的脚本等不安全内容已被移除。');
    expect(html).toContain('<div class="record-body"><p>名单</p></div>');
    expect(html).not.toContain('alert(1)');
    // Deleting the draft needs the confirmation.
    const sid = Number(/\/(\d+)\?/.exec(loc)![1]);
    expect(await (await editor.get(`/admin/records/${sid}/delete`)).text()).toContain('我确认删除这份草稿');
    const unconfirmed = await editor.post(`/admin/records/${sid}/delete`, {});
    expect(unconfirmed.status).toBe(422);
    expect(await unconfirmed.text()).toContain('请勾选确认后再删除');
    expect((await editor.post(`/admin/records/${sid}/delete`, { confirm: '1' })).status).toBe(303);
    expect(
      await db().k.selectFrom('info_records').select('id').where('id', '=', sid).executeTakeFirst(),
    ).toBeUndefined();
  });

  it('takes the record through 提交审查, 公开审查/保密审查 and publication', async () => {
    const editorView = await (await editor.get(`/admin/records/${id}`)).text();
    expect(editorView).toContain(`action="/admin/records/${id}/submit"`);
    expect(editorView).not.toContain(`action="/admin/records/${id}/review"`);
    expect((await editor.post(`/admin/records/${id}/submit`, {})).headers.get('location')).toBe(
      `/admin/records/${id}?done=submitted`,
    );

    const reviewPage = await (await reviewer.get(`/admin/records/${id}`)).text();
    expect(reviewPage).toContain('已完成保密审查（条例第十七条）');
    expect(reviewPage).toContain('已确认公开属性');
    const noSecrecy = await reviewer.post(`/admin/records/${id}/review`, {
      decision: 'approve',
      attribute_confirmed: '1',
      comment: '同意',
    });
    expect(noSecrecy.status).toBe(422);
    const noSecrecyHtml = await noSecrecy.text();
    expect(noSecrecyHtml).toContain(
      '<p class="field-error" id="e-secrecy_checked">审查通过前须完成保密审查（条例第十七条）</p>',
    );
    expect(noSecrecyHtml).toContain('>同意</textarea>');
    expect(
      (
        await editor.post(`/admin/records/${id}/review`, {
          decision: 'approve',
          attribute_confirmed: '1',
          secrecy_checked: '1',
        })
      ).status,
    ).toBe(403);
    const ok = await reviewer.post(`/admin/records/${id}/review`, {
      decision: 'approve',
      attribute_confirmed: '1',
      secrecy_checked: '1',
      comment: '同意公开',
    });
    expect(ok.headers.get('location')).toBe(`/admin/records/${id}?done=approved`);
    expect(await (await reviewer.get(ok.headers.get('location')!)).text()).toContain('审查通过，可以发布。');

    const publishPage = await (await editor.get(`/admin/records/${id}`)).text();
    expect(publishPage).toContain('立即发布');
    expect(publishPage).toContain('type="datetime-local" value="" aria-describedby="h-scheduled_at"');
    const noTime = await editor.post(`/admin/records/${id}/publish`, { when: 'scheduled', scheduled_at: '' });
    expect(noTime.status).toBe(422);
    expect(await noTime.text()).toContain('请填写定时发布的日期和时间');
    const pub = await editor.post(`/admin/records/${id}/publish`, { when: 'now' });
    expect(pub.headers.get('location')).toBe(`/admin/records/${id}?done=published`);
    const html = await (await editor.get(`/admin/records/${id}`)).text();
    expect(html).toContain('<span class="status status-published">已发布</span>');
    expect(html).toContain(`href="/xxgk/info/${id}"`);
    expect(html).not.toContain('badge-overdue');
    expect(html).toContain('：发布（发布，超过公开期限 2025-10-10）');
    expect(html).toContain('：审查通过（公开属性确认为“主动公开”，已完成保密审查；同意公开）');
    // The reviewer may withdraw it; the form says the reason is public.
    expect(await (await reviewer.get(`/admin/records/${id}`)).text()).toContain('撤回理由将在门户的信息页面上公开显示');
  });

  it('lists an overdue record and a late publication on the 公开时限 page and the dashboard', async () => {
    const res = await editor.postMultipart('/admin/records', {
      ...recordForm({ title: '城关镇2025年农村危房改造对象公示', formed_on: '2025-09-01', written_on: '' }),
      unit_id: String(unit),
    });
    expect(res.status).toBe(303);
    const overdueId = Number(/\/(\d+)\?/.exec(res.headers.get('location')!)![1]);
    const html = await (await office.get('/admin/records/deadlines')).text();
    const [overdue, rest] = html.split('<h2>即将到期');
    expect(overdue).toContain('<h2>已逾期（1）</h2>');
    expect(overdue).toContain(`<a href="/admin/records/${overdueId}">城关镇2025年农村危房改造对象公示</a>`);
    expect(overdue).toContain('<td class="nowrap">2025-09-01</td>');
    expect(overdue).toContain('<strong class="badge-overdue">已逾期</strong>');
    expect(overdue).toContain('<td>城关镇人民政府</td>');
    const late = rest.split('<h2>逾期发布')[1];
    expect(late).toContain(`<a href="/admin/records/${id}">城关镇2025年第三季度城乡低保对象公示</a>`);
    expect(html).toContain('href="/admin/records/assessments"');
    expect(html).toContain('href="/admin/records/interpretations"');
    // The unit filter narrows the board.
    const shiqiao = await unitIdByName(db(), '石桥镇人民政府');
    expect(await (await office.get(`/admin/records/deadlines?unit=${shiqiao}`)).text()).toContain(
      '<h2>已逾期（0）</h2>',
    );
    // Another township's editor does not see it.
    expect(await (await stranger.get('/admin/records/deadlines')).text()).toContain('<h2>已逾期（0）</h2>');
    const dash = await (await editor.get('/admin')).text();
    expect(dash).toContain('已逾期未公开：<strong class="badge-overdue">1</strong> 条');
    expect(dash).toContain('href="/admin/records/deadlines">公开时限</a>');
    expect(dash).toContain('href="/admin/records">信息发布</a>');
  });

  it('changes a published record as a new version that waits for review', async () => {
    const form = await (await editor.get(`/admin/records/${id}/edit`)).text();
    expect(form).toContain('该信息已发布：保存后形成变更（新版本）');
    expect(form).toContain('value="城关镇2025年第三季度城乡低保对象公示"');
    expect(form).toContain(`name="item_ids" value="${item}" checked`);
    const res = await editor.postMultipart(`/admin/records/${id}`, {
      ...recordForm({ title: '城关镇2025年第三季度城乡低保对象公示（更正）', doc_number: '城政发〔2025〕7号' }),
      item_ids: [String(item)],
    });
    expect(res.headers.get('location')).toBe(`/admin/records/${id}?done=changed`);
    const html = await (await reviewer.get(`/admin/records/${id}`)).text();
    expect(html).toContain('拟变更后的标题：《城关镇2025年第三季度城乡低保对象公示（更正）》（尚未提交审查）');
    expect(html).toContain('变更审查通过前，门户上继续公开已发布的版本');
    expect(html).toContain('<h1>城关镇2025年第三季度城乡低保对象公示</h1>');
    await editor.post(`/admin/records/${id}/submit`, {});
    const ok = await reviewer.post(`/admin/records/${id}/review`, {
      decision: 'approve',
      attribute_confirmed: '1',
      secrecy_checked: '1',
      comment: '更正标题',
    });
    expect(ok.headers.get('location')).toBe(`/admin/records/${id}?done=change_published`);
    const after = await (await editor.get(ok.headers.get('location')!)).text();
    expect(after).toContain('<h1>城关镇2025年第三季度城乡低保对象公示（更正）</h1>');
    expect(after).toContain('第 2 版（当前）');
    expect(after).toMatch(/第 1 版：[\d\- :]+ 发布，[\d\- :]+ 被替换（更正标题）/);
  });

  it('drafts a 政策解读 for a policy from the policy page', async () => {
    const policy = await editor.postMultipart('/admin/records', {
      ...recordForm({
        title: '城关镇临时救助实施办法',
        genre: '办法',
        needs_interpretation: '1',
        column_item: 'a20-1',
      }),
      unit_id: String(unit),
    });
    const pid = Number(/\/(\d+)\?/.exec(policy.headers.get('location')!)![1]);
    expect(await (await editor.get(`/admin/records/${pid}`)).text()).toContain(
      `href="/admin/records/new?policy=${pid}">起草政策解读</a>`,
    );
    const form = await (await editor.get(`/admin/records/new?policy=${pid}`)).text();
    expect(form).toContain('<h1>起草政策解读</h1>');
    expect(form).toContain(`所解读的政策文件：<a href="/admin/records/${pid}">《城关镇临时救助实施办法》</a>`);
    expect(form).toContain('<input type="hidden" name="kind" value="interpretation"/>');
    const noForm = await editor.postMultipart('/admin/records', {
      ...recordForm({ title: '《城关镇临时救助实施办法》政策解读', genre: '解读' }),
      kind: 'interpretation',
      policy_id: String(pid),
      unit_id: String(unit),
    });
    expect(noForm.status).toBe(422);
    expect(await noForm.text()).toContain('<p class="field-error" id="e-interp_form">请选择解读形式</p>');
    const ok = await editor.postMultipart('/admin/records', {
      ...recordForm({ title: '《城关镇临时救助实施办法》政策解读', genre: '解读' }),
      kind: 'interpretation',
      policy_id: String(pid),
      interp_form: '问答',
      unit_id: String(unit),
    });
    expect(ok.status).toBe(303);
    const page = await (await editor.get(`/admin/records/${pid}`)).text();
    expect(page).toMatch(/<a href="\/admin\/records\/\d+">《城关镇临时救助实施办法》政策解读<\/a>（问答，草稿）/);
  });

  it('shows the re-assessment and missing-interpretation queues and drafts a 清理结果', async () => {
    expect(await (await reviewer.get('/admin/records/assessments')).text()).toContain(
      '没有到期需要评估的不予公开信息。',
    );
    expect(await (await editor.get('/admin/records/interpretations')).text()).toContain('没有缺少解读的政策文件。');
    const none = await editor.post('/admin/records/cleanup', { unit_id: String(unit), year: '2019' });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('2019 年本单位没有宣布失效或废止的信息，无需发布清理结果');
    const v = await reviewer.post(`/admin/records/${id}/validity`, {
      validity: 'repealed',
      validity_on: '2026-06-30',
      note: '已被新名单替代',
    });
    expect(v.headers.get('location')).toBe(`/admin/records/${id}?done=validity`);
    const res = await editor.post('/admin/records/cleanup', { unit_id: String(unit), year: '2026' });
    expect(res.status).toBe(303);
    const html = await (await editor.get(res.headers.get('location')!)).text();
    expect(html).toContain('已生成清理结果草稿，请核对后提交审查。');
    expect(html).toContain('<h1>城关镇人民政府2026年政府信息清理结果</h1>');
    expect(html).toContain('<td>城关镇2025年第三季度城乡低保对象公示（更正）</td>');
  });

  it('refuses a user of another unit with 403 and a CSRF-less post', async () => {
    const res = await stranger.get(`/admin/records/${id}`);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('您无权处理该单位的信息。');
    expect(await (await stranger.get('/admin/records')).text()).not.toContain('城乡低保对象公示');
    const forged = await reviewer.post(`/admin/records/${id}/withdraw`, { reason: '测试' }, { csrf: false });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('页面已过期或请求来源无效');
    const row = await db()
      .k.selectFrom('info_records')
      .select(['status', 'withdrawn_reason'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'published', withdrawn_reason: null });
  });

  it('lets the county office set the 索引号 rule with a live example, and refuses a bad one', async () => {
    const page = await (await office.get('/admin/records/settings')).text();
    expect(page).toContain('{机构代码}（单位的统一社会信用代码）');
    expect(page).toMatch(/示例（机构代码 000014349、第 110 号）：<strong>000014349\/\d{4}-00110<\/strong>/);
    const bad = await office.post('/admin/records/settings', {
      indexScheme: '{机构代码}-{年份}',
      interpretationDays: '3',
      assessMonths: '12',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('索引号规则必须包含流水号 {流水号}');
    const ok = await office.post('/admin/records/settings', {
      indexScheme: '{机构代码}-{年月}-{流水号:6}',
      interpretationDays: '0',
      requireInterpretation: '1',
      assessMonths: '6',
    });
    expect(ok.headers.get('location')).toBe('/admin/records/settings?done=settings');
    const after = await (await office.get('/admin/records/settings?done=settings')).text();
    expect(after).toContain('信息发布设置已保存。');
    expect(after).toMatch(/<strong>000014349-\d{6}-000110<\/strong>/);
    expect((await editor.get('/admin/records/settings')).status).toBe(403);
  });
});
