import { it, expect, beforeAll } from 'vitest';
import { describeEachDb, seedDemoDb, testApp, TestClient } from '../testing.js';

const PW = 'Shifan2026';

describeEachDb('calendar web and API', (db) => {
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    await seedDemoDb(db());
    app = testApp(db());
  });

  it('answers GET /api/v1/calendar/deadline with the deadline and its steps', async () => {
    const res = await app.request('/api/v1/calendar/deadline?from=2025-09-20&workingDays=20');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      from: '2025-09-20',
      workingDays: 20,
      deadline: '2025-10-23',
      weekday: '星期四',
      countFromNextDay: true,
    });
    expect(body.steps).toContain('2025-10-01 至 10-08 国庆节、中秋节放假，不计。');
    const days = await (await app.request('/api/v1/calendar/deadline?from=2025-09-12&days=20')).json();
    expect(days).toMatchObject({ days: 20, deadline: '2025-10-09' });
  });

  it('refuses bad questions and missing years with Chinese JSON errors', async () => {
    const bad = await app.request('/api/v1/calendar/deadline?from=2025-02-30&workingDays=abc');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: '日期应为“年-月-日”格式，如 2025-09-20；天数应为 0～365 的整数',
      fields: { from: '日期应为“年-月-日”格式，如 2025-09-20', workingDays: '天数应为 0～365 的整数' },
    });
    const none = await app.request('/api/v1/calendar/deadline?from=2025-01-01');
    expect((await none.json()).error).toBe('请填写工作日数（workingDays）或自然日数（days）');
    const missing = await app.request('/api/v1/calendar/deadline?from=2026-12-20&workingDays=20');
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ missingYear: 2027 });
    expect((await app.request('/api/v1/nothing')).status).toBe(404);
  });

  it('shows the public 期限计算器 with the deadline and its explanation, without JavaScript', async () => {
    const c = new TestClient(app);
    const empty = await c.get('/qxjsq');
    expect(empty.status).toBe(200);
    const html = await (await c.get('/qxjsq?from=2025-09-20&type=reply')).text();
    expect(html).toContain('截止日：<strong>2025-10-23（星期四）</strong>');
    expect(html).toContain('2025-10-11（星期六）国庆节、中秋节调休上班，计为第 11 个工作日。');
    const corr = await (await c.get('/qxjsq?from=2025-01-20&type=correction')).text();
    expect(corr).toContain('2025-02-05（星期三）');
    const bad = await c.get('/qxjsq?from=20250920&type=reply');
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('<p class="field-error" id="e-from">日期应为“年-月-日”格式，如 2025-09-20</p>');
    const missing = await c.get('/qxjsq?from=2026-12-20&type=reply');
    expect(await missing.text()).toContain('2027年的节假日安排尚未载入');
  });

  it('lets every staff member see the calendar, and only the system administrator change it', async () => {
    const expected: Record<string, number> = {
      admin: 303,
      gkb: 403,
      shiji: 403,
      'cgz.bianji': 403,
      'cgz.shenhe': 403,
      'cgz.banli': 403,
    };
    let n = 0;
    for (const [who, status] of Object.entries(expected)) {
      const c = new TestClient(app, `10.20.0.${++n}`);
      await c.login(who, PW);
      const view = await c.get('/admin/calendar');
      expect(view.status, who).toBe(200);
      const html = await view.text();
      expect(html.includes('增加本地调整'), who).toBe(who === 'admin');
      const post = await c.post('/admin/calendar/overrides', {
        date: '2026-07-01',
        type: 'off',
        name: '测试节',
        note: '',
      });
      expect(post.status, who).toBe(status);
      const rules = await c.post('/admin/calendar/rules', { count_from_next_day: '1', due_soon_working_days: '5' });
      expect(rules.status, who).toBe(status);
    }
    const anon = await new TestClient(app).get('/admin/calendar');
    expect(anon.status).toBe(303);
  });

  it('warns administrators on the dashboard when next year’s schedule is missing (from 1 October)', async () => {
    // The shipped files end with 2026; today is after 1 October 2026 (or in a later, uncovered year).
    const admin = new TestClient(app, '10.22.0.1');
    await admin.login('admin', PW);
    expect(await (await admin.get('/admin')).text()).toMatch(/(2027年|本年度（\d{4}年）)的节假日安排尚未载入/);
    const editor = new TestClient(app, '10.22.0.2');
    await editor.login('cgz.bianji', PW);
    expect(await (await editor.get('/admin')).text()).not.toContain('节假日安排尚未载入');
  });

  it('imports a year from an uploaded file, all or nothing, with the error shown', async () => {
    const c = new TestClient(app, '10.21.0.1');
    await c.login('admin', PW);
    const upload = async (name: string, content: string, fullYear: boolean) => {
      const form = new FormData();
      form.set('_csrf', c.cookies.get('gk_csrf')!);
      form.set('file', new File([content], name, { type: 'application/octet-stream' }));
      if (fullYear) form.set('full_year', '1');
      return app.request('/admin/calendar/import', {
        method: 'POST',
        body: form,
        headers: {
          cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          host: 'localhost',
          'x-forwarded-for': '10.21.0.1',
        },
      });
    };
    const bad = await upload(
      '2027.json',
      '{"year":2027,"days":[{"date":"2027-13-01","type":"off","name":"元旦"}]}',
      true,
    );
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain(
      '导入失败，未做任何修改：2027.json 第 1 个日期：日期应为“年-月-日”格式，如 2027-01-01',
    );
    const good = await upload(
      '2027.json',
      JSON.stringify({ year: 2027, days: [{ date: '2027-01-01', type: 'off', name: '元旦' }] }),
      true,
    );
    expect(good.status).toBe(200);
    expect(await good.text()).toContain('已导入 1 个日期（2027年），2027年已载入全年安排');
    const api = await (await app.request('/api/v1/calendar/deadline?from=2026-12-20&workingDays=20')).json();
    expect(api.deadline).toBe('2027-01-18');
    const audit = await db()
      .k.selectFrom('audit_log')
      .select('summary')
      .where('action', '=', 'calendar.import')
      .execute();
    expect(audit.map((a) => a.summary)).toEqual([
      '示范县工作日历：从 2027.json 导入 1 个日期（2027年），作为2027年全年安排',
    ]);
  });
});
