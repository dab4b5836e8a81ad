import { SqliteAdapter, type Insertable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** Which SQL dialect a Kysely instance speaks (for the few statements that differ). */
// biome-ignore lint/suspicious/noExplicitAny: works on a Kysely of any schema
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}

/** Counts come back as numbers from better-sqlite3 and as strings for bigint from pg. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') return Number(value);
  return 0;
}

/** Booleans are stored as integers 0/1 on both databases. */
export const flag = (b: boolean): number => (b ? 1 : 0);
export const isSet = (v: number | boolean | null | undefined): boolean => v === 1 || v === true;

export const nowIso = (): string => new Date().toISOString();

export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (text == null || text === '') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * Insert many rows with a few multi-row statements instead of one round trip per row. 200 rows per
 * statement stays far below the bound-parameter limits (SQLite 32,766; PostgreSQL 65,535).
 */
export async function insertMany<T extends keyof Database & string>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  perStatement = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += perStatement) {
    // biome-ignore lint/suspicious/noExplicitAny: the table is chosen by the caller
    await (db as Kysely<any>)
      .insertInto(table)
      .values(rows.slice(i, i + perStatement))
      .execute();
  }
}
