/** Bulk inserts and date helpers of the benchmark data generator. */
import type SqliteDatabase from 'better-sqlite3';
import { DEMO } from '../src/org/seed.js';

export const COUNTY = DEMO.county.code;
export const ACTOR = '系统（性能测试数据）';
/** Earliest publication time of the generated records. */
export const START = Date.parse('2019-01-01T00:30:00Z');
/** Latest publication time: end of November 2026, or an hour ago on a machine whose clock is earlier. */
export const END = Math.min(Date.parse('2026-11-30T09:00:00Z'), Date.now() - 3_600_000);

export const PER_STATEMENT = 100;
export const PER_TRANSACTION = 10_000;

/** A multi-row INSERT of `n` rows, prepared once per row count. */
export function multiInsert(raw: SqliteDatabase.Database, table: string, cols: readonly string[]) {
  const cache = new Map<number, SqliteDatabase.Statement>();
  const stmt = (n: number) => {
    let s = cache.get(n);
    if (!s) {
      const tuple = `(${cols.map(() => '?').join(',')})`;
      s = raw.prepare(
        `insert into ${table} (${cols.join(',')}) values ${Array.from({ length: n }, () => tuple).join(',')}`,
      );
      cache.set(n, s);
    }
    return s;
  };
  return (rows: Record<string, unknown>[]) => {
    for (let i = 0; i < rows.length; i += PER_STATEMENT) {
      const chunk = rows.slice(i, i + PER_STATEMENT);
      const values: unknown[] = [];
      for (const r of chunk) for (const c of cols) values.push(r[c]);
      stmt(chunk.length).run(...values);
    }
  };
}

export const chinaDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
export const minusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
export const plusDays = (date: string, days: number) => minusDays(date, -days);
