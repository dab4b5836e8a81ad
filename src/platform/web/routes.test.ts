import { it, expect, beforeAll } from 'vitest';
import { describeEachDb, seedDemoDb, testApp, TestClient, unitIdByName, actorFor } from '../../testing.js';
import { STANDARD_COLUMNS } from '../../portal/columns.js';

const PW = 'Shifan2026';
type Who = 'anon' | 'admin' | 'gkb' | 'shiji' | 'cgz.bianji' | 'cgz.shenhe' | 'cgz.banli';
const WHO: Who[] = ['anon', 'admin', 'gkb', 'shiji', 'cgz.bianji', 'cgz.shenhe', 'cgz.banli'];

describeEachDb('back-office routes, per role', (db) => {
  const clients = new Map<Who, TestClient>();
  let ids: Record<string, number>;

  beforeAll(async () => {
    await seedDemoDb(db());
    const app = testApp(db());
    ids = {
      chengguan: await unitIdByName(db(), '城关镇人民政府'),
      shiqiao: await unitIdByName(db(), '石桥镇人民政府'),
      user: (await actorFor(db(), 'shq.bianji')).userId,
    };
    let n = 0;
    for (const who of WHO) {
      const c = new TestClient(app, `10.9.0.${++n}`);
      if (who !== 'anon') {
        const res = await c.login(who, PW);
        expect(res.status, `login ${who}`).toBe(303);
      }
      clients.set(who, c);
    }
  });

  // Expected status per role for each GET route. 303 = redirect to the login page.
  const A = 'admin',
    G = 'gkb',
    S = 'shiji',
    E = 'cgz.bianji',
    R = 'cgz.shenhe',
    H = 'cgz.banli';
  const gets: [string, (ids: Record<string, number>) => string, Who[]][] = [
    ['dashboard', () => '/admin', [A, G, S, E, R, H]],
    ['unit list', () => '/admin/units', [A, G, S, E, R, H]],
    ['own township unit', (i) => `/admin/units/${i.chengguan}`, [A, G, S, E, R, H]],
    ['other township unit', (i) => `/admin/units/${i.shiqiao}`, [A, G, S]],
    ['new unit form', () => '/admin/units/new', [A, G]],
    ['edit unit form', (i) => `/admin/units/${i.chengguan}/edit`, [A, G]],
    ['own office record form', (i) => `/admin/units/${i.chengguan}/office`, [A, G, E]],
    ['other office record form', (i) => `/admin/units/${i.shiqiao}/office`, [A, G]],
    ['user list', () => '/admin/users', [A]],
    ['new user form', () => '/admin/users/new', [A]],
    ['user detail', (i) => `/admin/users/${i.user}`, [A]],
    ['user edit form', (i) => `/admin/users/${i.user}/edit`, [A]],
    ['audit log', () => '/admin/audit', [A, G]],
    ['calendar', () => '/admin/calendar', [A, G, S, E, R, H]],
    ['catalog board', () => '/admin/catalogs', [A, G, S, E, R, H]],
    ['responsibility list', () => '/admin/catalogs/duties', [A, G, S, E, R, H]],
    ['guidelines', () => '/admin/catalogs/guidelines', [A, G, S, E, R, H]],
    ['service list', () => '/admin/catalogs/services', [A, G, S, E, R, H]],
    ['request queue', () => '/admin/requests', [G, R, H]],
    ['annual report', () => '/admin/reports', [A, G, S, E, R, H]],
    ['api tokens', () => '/admin/api-tokens', [A]],
    ['request registration', () => '/admin/requests/new', [G, H]],
    ['responsibility form', () => '/admin/catalogs/duties/fupin', [G]],
    ['other township catalog', (i) => `/admin/catalogs/unit/${i.shiqiao}`, [A, G, S]],
    ['own password', () => '/admin/password', [A, G, S, E, R, H]],
  ];
  for (const [name, path, allowed] of gets) {
    it.each(WHO)(`GET ${name} as %s`, async (who) => {
      const res = await clients.get(who)!.get(path(ids));
      const expected = who === 'anon' ? 303 : allowed.includes(who) ? 200 : 403;
      // opening a unit's catalog redirects to the catalog itself
      if (expected === 200 && res.status === 303)
        expect(res.headers.get('location')).toMatch(/^\/admin\/catalogs\/\d+$/);
      else expect(res.status).toBe(expected);
      if (expected === 303) expect(res.headers.get('location')).toMatch(/^\/admin\/login/);
      if (expected === 403) expect(await res.text()).toContain('无权');
    });
  }

  // POSTs with deliberately invalid input: permitted roles get 422 (nothing written), others 403.
  const posts: [string, (ids: Record<string, number>) => string, Record<string, string>, Who[]][] = [
    ['create unit', () => '/admin/units', { name: '' }, [A, G]],
    ['update unit', (i) => `/admin/units/${i.shiqiao}`, { name: '' }, [A, G]],
    ['update other office record', (i) => `/admin/units/${i.shiqiao}/office`, { office_postcode: 'abc' }, [A, G]],
    ['update own office record', (i) => `/admin/units/${i.chengguan}/office`, { office_postcode: 'abc' }, [A, G, E]],
    ['create user', () => '/admin/users', { username: '' }, [A]],
    ['update user', (i) => `/admin/users/${i.user}`, { display_name: '' }, [A]],
    ['reset password', (i) => `/admin/users/${i.user}/reset-password`, { password: '1' }, [A]],
  ];
  for (const [name, path, form, allowed] of posts) {
    it.each(WHO)(`POST ${name} as %s`, async (who) => {
      const before = await db()
        .k.selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', 'like', 'unit.%')
        .executeTakeFirstOrThrow();
      const res = await clients.get(who)!.post(path(ids), form);
      const expected = who === 'anon' ? 303 : allowed.includes(who) ? 422 : 403;
      expect(res.status).toBe(expected);
      const after = await db()
        .k.selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', 'like', 'unit.%')
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  }

  it.each(['cgz.bianji', 'gkb', 'shiji'] as Who[])('POST disable a user as %s is refused', async (who) => {
    const res = await clients.get(who)!.post(`/admin/users/${ids.user}/disable`, {});
    expect(res.status).toBe(403);
    const u = await db().k.selectFrom('users').select('active').where('id', '=', ids.user).executeTakeFirstOrThrow();
    expect(u.active).toBe(1);
  });

  it('lists only the own unit for a township editor', async () => {
    const html = await (await clients.get('cgz.bianji')!.get('/admin/units')).text();
    expect(html).toContain('城关镇人民政府');
    expect(html).not.toContain('石桥镇人民政府');
    expect(html).not.toContain('示范县民政局');
  });

  it('shows a field error beside its field, in Chinese, and keeps the typed values', async () => {
    const res = await clients.get('gkb')!.post('/admin/units', {
      name: '示范县新单位',
      kind: 'county_department',
      jurisdiction_id: '',
      office_email: 'bad@',
      office_postcode: '12',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<p class="field-error" id="e-office_email">电子邮箱格式不正确</p>');
    expect(html).toContain('<p class="field-error" id="e-jurisdiction_id">请选择所属行政区</p>');
    expect(html).toContain('<p class="field-error" id="e-office_postcode">邮政编码应为 6 位数字</p>');
    expect(html).toContain('value="示范县新单位"');
    expect(html).toContain('aria-invalid="true"');
    expect(
      await db().k.selectFrom('units').select('id').where('name', '=', '示范县新单位').executeTakeFirst(),
    ).toBeUndefined();
  });
});

describeEachDb('web shell', (db) => {
  let app: ReturnType<typeof testApp>;
  beforeAll(async () => {
    await seedDemoDb(db());
    app = testApp(db());
  });

  it('puts the four 61号 columns with their exact names on the portal home', async () => {
    const html = await (await new TestClient(app).get('/')).text();
    for (const name of ['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开工作年度报告'])
      expect(html).toContain(`>${name}</a>`);
    expect(STANDARD_COLUMNS.map((c) => c.name)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开工作年度报告',
    ]);
    expect(html).toContain('>依申请公开</a>');
    expect(html).toContain('示范县人民政府');
    expect(html).toContain('主办：示范县人民政府办公室');
    expect(html.match(/href="\/xxgk\/lingyu\/[a-z-]+"/g)).toHaveLength(26);
  });

  it('generates the 政府信息公开指南 from unit data (条例第十二条)', async () => {
    const client = new TestClient(app);
    const html = await (await client.get('/xxgk/zhinan')).text();
    expect(html).toContain('示范县人民政府政府信息公开指南');
    expect(html).toContain('示范县民政局办公室');
    expect(html).toContain('自收到申请之日起20个工作日内予以答复');
    const gkb = new TestClient(app, '10.8.0.1');
    await gkb.login('gkb', PW);
    const id = await unitIdByName(db(), '示范县民政局');
    const res = await gkb.post(`/admin/units/${id}/office`, {
      office_name: '示范县民政局政务公开办公室',
      office_address: '示范县民政路 9 号',
      office_hours: '工作日',
      office_phone: '0000-5550001',
      office_fax: '',
      office_email: '',
      office_postcode: '999100',
      office_website: '',
    });
    expect(res.status).toBe(303);
    const after = await (await client.get('/xxgk/zhinan')).text();
    expect(after).toContain('示范县民政局政务公开办公室');
    expect(after).toContain('示范县民政路 9 号');
    const unitPage = await (await client.get(`/xxgk/zhinan/${id}`)).text();
    expect(unitPage).toContain('0000-5550001');
  });

  it('answers unknown pages with a Chinese 404 page', async () => {
    const res = await new TestClient(app).get('/no/such/page');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('页面不存在');
    expect(html).toContain('<html lang="zh-CN"');
    expect((await new TestClient(app).get('/xxgk/lingyu/nope')).status).toBe(404);
  });

  it('sends secure headers with a strict CSP', async () => {
    const res = await new TestClient(app).get('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('refuses state-changing requests without the CSRF token or from another origin', async () => {
    const c = new TestClient(app, '10.8.1.1');
    await c.get('/');
    const sessionsBefore = (await db().k.selectFrom('sessions').select('id').execute()).length;
    const noToken = await c.post('/admin/login', { username: 'admin', password: PW }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(await noToken.text()).toContain('页面已过期或请求来源无效');
    const wrong = await c.post('/admin/login', { username: 'admin', password: PW }, { csrf: 'x'.repeat(32) });
    expect(wrong.status).toBe(403);
    const cross = await app.request('/admin/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'admin', password: PW, _csrf: c.cookies.get('gk_csrf')! }),
      headers: {
        cookie: `gk_csrf=${c.cookies.get('gk_csrf')}`,
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        host: 'localhost',
      },
    });
    expect(cross.status).toBe(403);
    const sessions = await db().k.selectFrom('sessions').select('id').execute();
    expect(sessions).toHaveLength(sessionsBefore);
  });

  it('sets an HttpOnly SameSite session cookie, Secure behind HTTPS', async () => {
    const c = new TestClient(app, '10.8.2.1');
    await c.get('/admin/login');
    const res = await app.request('/admin/login', {
      method: 'POST',
      body: new URLSearchParams({ username: 'admin', password: PW, _csrf: c.cookies.get('gk_csrf')! }),
      headers: {
        cookie: `gk_csrf=${c.cookies.get('gk_csrf')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '10.8.2.1',
        host: 'localhost',
      },
    });
    expect(res.status).toBe(303);
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('gk_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
  });

  it('shows one generic message for a wrong password and throttles the sixth try', async () => {
    const c = new TestClient(app, '10.8.3.1');
    for (let i = 0; i < 5; i++) {
      const res = await c.login('admin', `wrong${i}`);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('用户名或密码错误。');
    }
    const res = await c.login('nobody-here', 'whatever1');
    expect(res.status).toBe(429);
    expect(await res.text()).toContain('登录失败次数过多，请 15 分钟后再试。');
  });

  it('makes a user with a temporary password change it before anything else', async () => {
    const admin = new TestClient(app, '10.8.4.1');
    await admin.login('gkb', PW); // gkb cannot create users; use the CLI path instead
    const { bootstrapUser } = await import('../../auth/users.js');
    const { systemActor } = await import('../access.js');
    await bootstrapUser(
      db(),
      {
        username: 'newbie',
        displayName: '新人',
        password: 'Temp2026x',
        grants: [{ role: 'editor', unitId: await unitIdByName(db(), '石桥镇人民政府') }],
        mustChange: true,
      },
      systemActor(),
    );
    const c = new TestClient(app, '10.8.4.2');
    const res = await c.login('newbie', 'Temp2026x');
    expect(res.headers.get('location')).toBe('/admin/password');
    expect((await c.get('/admin/units')).headers.get('location')).toBe('/admin/password');
    const done = await c.post('/admin/password', {
      current_password: 'Temp2026x',
      new_password: 'Mine2026x',
      confirm_password: 'Mine2026x',
    });
    expect(done.status).toBe(303);
    expect((await c.get('/admin/units')).status).toBe(200);
  });

  it('refuses request bodies over 20 MB before reading them', async () => {
    const c = new TestClient(app, '10.8.6.1');
    await c.get('/');
    const res = await app.request('/ysqgk/apply', {
      method: 'POST',
      body: new Uint8Array(21 * 1024 * 1024),
      headers: {
        cookie: `gk_csrf=${c.cookies.get('gk_csrf')}`,
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': String(21 * 1024 * 1024),
        host: 'localhost',
      },
    });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('提交的内容超过 20 MB，未做任何处理。');
  });

  it('switches the 适老化 mode with a cookie and only redirects to local paths', async () => {
    const c = new TestClient(app, '10.8.5.1');
    const res = await c.get('/prefs/elder?on=1&back=%2Fxxgk%2Fzhinan');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/xxgk/zhinan');
    expect(await (await c.get('/')).text()).toContain('<html lang="zh-CN" class="elder">');
    expect((await c.get('/prefs/elder?on=0&back=https://evil.example')).headers.get('location')).toBe('/');
    expect((await c.get('/prefs/elder?on=0&back=//evil.example')).headers.get('location')).toBe('/');
  });
});

describeEachDb('server errors', (db) => {
  it('answers an unexpected failure with a Chinese 500 page and no details', async () => {
    await seedDemoDb(db());
    const app = testApp(db());
    const client = new TestClient(app, '10.7.0.1');
    await client.get('/');
    // Break the database underneath the running app: resolving the portal now fails.
    await db().k.schema.dropTable('sites').execute();
    const { clearSiteCache } = await import('./site.js');
    clearSiteCache();
    const res = await client.get('/xxgk/zhinan');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('服务器内部错误');
    expect(html).toContain('服务器处理请求时出现错误，请稍后再试。');
    expect(html).not.toMatch(/no such table|does not exist|at .*\.ts/);
  });
});
