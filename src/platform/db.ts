import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect, sql, type MigrationProvider } from 'kysely';
import type { Database } from './schema.js';
import type { DialectName } from './dialect.js';

export type Kdb = Kysely<Database>;

export interface Db {
  k: Kdb;
  dialect: DialectName;
  /** Human-readable location for logs (file path or host/database, never the password). */
  location: string;
  close(): Promise<void>;
}

/** A database that cannot be opened; the message is one clear Chinese/English line. */
export class DbOpenError extends Error {}

// pg returns int8 (count(*), sum) as strings; every count we make fits in a JS number.
pg.types.setTypeParser(20, (v: string) => Number.parseInt(v, 10));

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Open the embedded SQLite database. An existing file is checked read-only first, so a corrupt
 * or foreign file produces a clear error and is left exactly as it was.
 */
export function openSqlite(file: string): Db {
  if (file !== ':memory:') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (fs.existsSync(file) && fs.statSync(file).size > 0) {
      const fd = fs.openSync(file, 'r');
      const head = Buffer.alloc(16);
      fs.readSync(fd, head, 0, 16, 0);
      fs.closeSync(fd);
      if (!head.equals(SQLITE_HEADER)) {
        throw new DbOpenError(
          `数据库文件已损坏或不是 SQLite 数据库，文件未被改动 / database file is corrupt or not SQLite (left untouched): ${file}`,
        );
      }
      let probe: SqliteDatabase.Database | undefined;
      try {
        probe = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
        probe.prepare('select count(*) from sqlite_master').get();
        const check = probe.prepare('pragma quick_check(1)').pluck().get();
        if (check !== 'ok') throw new Error(String(check));
      } catch (err) {
        throw new DbOpenError(
          `数据库文件已损坏，文件未被改动 / database file is corrupt (left untouched): ${file} (${(err as Error).message})`,
        );
      } finally {
        probe?.close();
      }
    }
  }
  const raw = new SqliteDatabase(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    k,
    dialect: 'sqlite',
    location: file,
    async close() {
      await k.destroy();
    },
  };
}

function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(无法解析的连接串 / unparsable URL)';
  }
}

/** Open PostgreSQL and prove the connection works before anything else happens. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const where = describePgUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 5000 });
  pool.on('error', () => {
    /* idle client errors are reported on the next query */
  });
  const k = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(k);
  } catch (err) {
    await k.destroy().catch(() => undefined);
    const e = err as Error & { code?: string };
    const reason =
      e.code === 'ECONNREFUSED'
        ? '连接被拒绝 / connection refused'
        : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN'
          ? '主机名无法解析 / host not found'
          : e.code === '28P01' || e.code === '28000'
            ? '用户名或密码错误 / authentication failed'
            : e.code === '3D000'
              ? '数据库不存在 / database does not exist'
              : /timeout/i.test(e.message)
                ? '连接超时 / connection timed out'
                : e.message;
    throw new DbOpenError(`无法连接 PostgreSQL 数据库（DATABASE_URL → ${where}）：${reason}`);
  }
  return {
    k,
    dialect: 'postgres',
    location: where,
    async close() {
      await k.destroy();
    },
  };
}

export async function openDatabase(cfg: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (cfg.databaseUrl) return openPostgres(cfg.databaseUrl);
  return openSqlite(path.join(cfg.dataDir, 'gongkai.sqlite'));
}

/**
 * One migration list from several sets (the platform's, then each module's in module order). Names
 * order globally; parts that share a name run in the order given, inside that one migration.
 */
export function composeMigrations(sets: readonly Record<string, Migration>[]): Record<string, Migration> {
  const parts = new Map<string, Migration[]>();
  for (const set of sets) for (const [name, m] of Object.entries(set)) parts.set(name, [...(parts.get(name) ?? []), m]);
  const out: Record<string, Migration> = {};
  for (const name of [...parts.keys()].sort()) {
    const list = parts.get(name)!;
    out[name] =
      list.length === 1
        ? list[0]
        : {
            async up(db) {
              for (const m of list) await m.up(db);
            },
            async down(db) {
              for (const m of [...list].reverse()) await m.down?.(db);
            },
          };
  }
  return out;
}

const migrator = (db: Db, migrations: Record<string, Migration>) =>
  new Migrator({
    db: db.k,
    provider: { getMigrations: async () => migrations } satisfies MigrationProvider,
    migrationTableName: 'gk_migrations',
    migrationLockTableName: 'gk_migrations_lock',
  });

/** Apply every pending migration; returns the names applied now. */
export async function migrate(db: Db, migrations: Record<string, Migration>): Promise<string[]> {
  const { error, results } = await migrator(db, migrations).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `数据库迁移失败 / migration failed${failed ? ` (${failed.migrationName})` : ''}: ${(error as Error).message ?? String(error)}`,
    );
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations and whether each is applied (for `gongkai migrate --status`). */
export async function migrationStatus(
  db: Db,
  migrations: Record<string, Migration>,
): Promise<{ name: string; executedAt?: Date }[]> {
  const list = await migrator(db, migrations).getMigrations();
  return list.map((m) => ({ name: m.name, executedAt: m.executedAt }));
}

/** A random identifier suitable for temporary database names. */
export function randomName(prefix: string): string {
  return `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
}
