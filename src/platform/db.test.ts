import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { sql } from 'kysely';
import { describeEachDb } from '../testing.js';
import { migrateDatabase as migrate, migrationsStatus as migrationStatus } from '../app.js';
import { openSqlite, openPostgres, DbOpenError } from './db.js';
import { writeAudit } from './audit.js';
import { toNumber, dialectOf } from './dialect.js';

describeEachDb('database layer', (db, dialect) => {
  it('applies every migration once and reports them', async () => {
    expect(await migrate(db())).toEqual([]); // already applied by the test helper
    const status = await migrationStatus(db());
    expect(status.map((s) => s.name)).toEqual([
      '0001_foundation',
      '0002_calendar',
      '0003_catalog',
      '0004_requests',
      '0005_reports',
      '0006_publishing',
      '0007_search',
      '0008_request_consultations',
      '0009_report_indexes',
      '0010_record_doc_class',
      '0011_search_titles',
      '0012_platform',
      '0013_catalog_time_limits',
    ]);
    expect(status.every((s) => s.executedAt)).toBe(true);
    expect(dialectOf(db().k)).toBe(dialect);
  });

  it('round-trips Chinese text and returns counts as numbers', async () => {
    await db()
      .k.insertInto('settings')
      .values({ scope: 'global', key: '测试', value: '基层政务公开〔2026〕', updated_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    const row = await db()
      .k.selectFrom('settings')
      .select(['value'])
      .where('key', '=', '测试')
      .executeTakeFirstOrThrow();
    expect(row.value).toBe('基层政务公开〔2026〕');
    const { n } = await db()
      .k.selectFrom('settings')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(typeof n).toBe('number');
    expect(toNumber(n)).toBe(1);
  });

  it('keeps the audit log append-only: updates and deletes are refused by the database', async () => {
    await writeAudit(
      db().k,
      { id: null, name: '测试', ip: null },
      { action: 'system.init', objectType: 'system', summary: '测试记录' },
    );
    await expect(db().k.updateTable('audit_log').set({ summary: '篡改' }).execute()).rejects.toThrow(/append-only/);
    await expect(db().k.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') await expect(sql`TRUNCATE audit_log`.execute(db().k)).rejects.toThrow(/append-only/);
    const rows = await db().k.selectFrom('audit_log').select('summary').execute();
    expect(rows.map((r) => r.summary)).toContain('测试记录');
    expect(rows.map((r) => r.summary)).not.toContain('篡改');
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db()
        .k.transaction()
        .execute(async (trx) => {
          await trx
            .insertInto('settings')
            .values({ scope: 'global', key: 'half', value: '1', updated_at: 'x' })
            .execute();
          await trx
            .insertInto('settings')
            .values({ scope: 'global', key: 'half', value: '2', updated_at: 'x' })
            .execute(); // duplicate key
        }),
    ).rejects.toThrow();
    const left = await db().k.selectFrom('settings').select('key').where('key', '=', 'half').execute();
    expect(left).toEqual([]);
  });
});

describe('opening databases', () => {
  it('refuses a corrupt SQLite file with a clear message and leaves it untouched', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-corrupt-'));
    const file = path.join(dir, 'gongkai.sqlite');
    const junk = Buffer.from('这不是数据库 — not a database at all, just text that looks nothing like SQLite');
    fs.writeFileSync(file, junk);
    const before = fs.statSync(file).mtimeMs;
    expect(() => openSqlite(file)).toThrow(DbOpenError);
    expect(() => openSqlite(file)).toThrow(/数据库文件已损坏.*未被改动/);
    expect(fs.readFileSync(file).equals(junk)).toBe(true);
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(['gongkai.sqlite']); // no -wal / -shm created
  });

  it('refuses a SQLite file whose header is intact but whose pages are garbage', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-corrupt-'));
    const file = path.join(dir, 'gongkai.sqlite');
    const good = openSqlite(file);
    await migrate(good);
    await good.close();
    const bytes = fs.readFileSync(file);
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    fs.writeFileSync(file, bytes);
    expect(() => openSqlite(file)).toThrow(DbOpenError);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('creates a new SQLite file in WAL mode', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-new-'));
    const db = openSqlite(path.join(dir, 'sub', 'gongkai.sqlite'));
    const r = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.k);
    expect(r.rows[0].journal_mode).toBe('wal');
    await db.close();
  });

  it('reports an unreachable PostgreSQL in one line without the password', async () => {
    const e = await openPostgres('postgres://gongkai:secret-pw@127.0.0.1:1/gongkai').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DbOpenError);
    const msg = (e as Error).message;
    expect(msg).toMatch(/^无法连接 PostgreSQL 数据库（DATABASE_URL → 127\.0\.0\.1:1\/gongkai）：连接被拒绝/);
    expect(msg).not.toContain('secret-pw');
    expect(msg).not.toContain('\n');
  });
});
