/**
 * Test support: every store and service test runs on SQLite and, when GONGKAI_TEST_PG_URL is set,
 * on PostgreSQL too. With GONGKAI_REQUIRE_PG=1 (as in .ci/run) a missing PostgreSQL is an error,
 * never a silent skip.
 */
import { describe, beforeAll, afterAll } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import { buildApp, migrateDatabase } from './app.js';
import { openSqlite, openPostgres, randomName, type Db } from './platform/db.js';
import type { DialectName } from './platform/dialect.js';
import type { Config } from './platform/config.js';
import { clearSiteCache } from './platform/web/site.js';

export function testDialects(): DialectName[] {
  const list: DialectName[] = ['sqlite'];
  if (process.env.GONGKAI_TEST_PG_URL) list.push('postgres');
  else if (process.env.GONGKAI_REQUIRE_PG === '1') {
    throw new Error('GONGKAI_REQUIRE_PG=1 but GONGKAI_TEST_PG_URL is not set: the PostgreSQL suite must run');
  }
  return list;
}

export interface TestDb extends Db {
  drop(): Promise<void>;
}

/** A fresh, migrated database: SQLite in memory, or a new PostgreSQL database dropped afterwards. */
export async function createTestDb(dialect: DialectName): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const db = openSqlite(':memory:');
    await migrateDatabase(db);
    return { ...db, drop: () => db.close() };
  }
  const adminUrl = process.env.GONGKAI_TEST_PG_URL!;
  const name = randomName('gk_test');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 4 });
  await migrateDatabase(db);
  return {
    ...db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Run a block of tests once per database dialect, with a fresh database for the block. */
export function describeEachDb(name: string, body: (db: () => TestDb, dialect: DialectName) => void): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let db: TestDb;
      beforeAll(async () => {
        db = await createTestDb(dialect);
        clearSiteCache();
      });
      afterAll(async () => {
        await db?.drop();
      });
      body(() => db, dialect);
    });
  }
}

export const testConfig = (overrides: Partial<Config> = {}): Config => ({
  port: 0,
  host: '127.0.0.1',
  dataDir: '/nonexistent',
  trustProxy: true,
  secureCookies: false,
  logLevel: 'silent',
  mailFrom: 'test@localhost',
  // Tests change data through services as well as through pages; the page cache has its own test.
  pageCache: false,
  searchTotalLimit: 10_000,
  ...overrides,
});

export function testApp(db: Db, config: Partial<Config> = {}) {
  return buildApp({ db, config: testConfig(config), logger: pino({ level: 'silent' }) });
}

/**
 * A minimal browser for app.request(): keeps cookies, sends the CSRF token with forms and
 * follows nothing automatically (tests assert redirects).
 */
export class TestClient {
  cookies = new Map<string, string>();
  constructor(
    private app: ReturnType<typeof testApp>,
    public ip = '10.0.0.1',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const k = pair.slice(0, i).trim();
      const v = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || v === '') this.cookies.delete(k);
      else this.cookies.set(k, v);
    }
  }

  async get(path: string): Promise<Response> {
    const res = await this.app.request(path, {
      headers: { cookie: this.cookieHeader(), 'x-forwarded-for': this.ip, host: 'localhost' },
    });
    this.store(res);
    return res;
  }

  /** Post a form with the CSRF token (fetching a page first if no token cookie exists yet). */
  async post(path: string, form: Record<string, string>, opts: { csrf?: string | false } = {}): Promise<Response> {
    if (!this.cookies.has('gk_csrf')) await this.get('/admin/login');
    const body = new URLSearchParams(form);
    if (opts.csrf !== false) body.set('_csrf', opts.csrf ?? this.cookies.get('gk_csrf') ?? '');
    const res = await this.app.request(path, {
      method: 'POST',
      body,
      headers: {
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': this.ip,
        host: 'localhost',
      },
    });
    this.store(res);
    return res;
  }

  /** Post a multipart form (fields, repeated fields as arrays, files) with the CSRF token. */
  async postMultipart(
    path: string,
    fields: Record<string, string | string[]>,
    files: { field: string; name: string; data: Buffer | string; type?: string }[] = [],
  ): Promise<Response> {
    if (!this.cookies.has('gk_csrf')) await this.get('/admin/login');
    const form = new FormData();
    form.set('_csrf', this.cookies.get('gk_csrf') ?? '');
    for (const [k, v] of Object.entries(fields)) for (const x of ([] as string[]).concat(v)) form.append(k, x);
    for (const f of files)
      form.append(
        f.field,
        new File([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)], f.name, {
          type: f.type ?? 'application/octet-stream',
        }),
      );
    const res = await this.app.request(path, {
      method: 'POST',
      body: form,
      headers: { cookie: this.cookieHeader(), 'x-forwarded-for': this.ip, host: 'localhost' },
    });
    this.store(res);
    return res;
  }

  async login(username: string, password: string): Promise<Response> {
    return this.post('/admin/login', { username, password });
  }
}

/** Load the demo county (示范县) with its accounts into a test database (no catalogs or records). */
export async function seedDemoDb(db: Db): Promise<void> {
  const { seedDemoOrg } = await import('./org/seed.js');
  const { seedDemoAccounts } = await import('./auth/demo.js');
  const { systemActor } = await import('./platform/access.js');
  await seedDemoOrg(db, systemActor('测试'));
  await seedDemoAccounts(db, '测试');
}

export async function unitIdByName(db: Db, name: string): Promise<number> {
  const r = await db.k.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return r.id;
}

export async function actorFor(db: Db, username: string) {
  const { findUserByUsername } = await import('./auth/store.js');
  const { grantsOf } = await import('./auth/grants.js');
  const u = await findUserByUsername(db.k, username);
  if (!u) throw new Error(`no user ${username}`);
  const grants = (await grantsOf(db.k, [u.id])).get(u.id) ?? [];
  return {
    kind: 'user' as const,
    userId: u.id,
    username: u.username,
    displayName: u.display_name,
    grants,
    ip: '127.0.0.1',
  };
}
