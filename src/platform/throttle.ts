/**
 * A counter per key in a time window, with an optional lock — login failures per account and per
 * address, public submissions and query-code guesses per address. Counting is one atomic upsert,
 * so parallel requests never lose a count. Only this file queries the `throttle` table.
 */
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { nowIso } from './dialect.js';
import type { Database } from './schema.js';

type K = Kysely<Database> | Transaction<Database>;

const minutesFrom = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

export interface ThrottleState {
  key: string;
  /** Events counted in the current window (0 when the window has passed). */
  count: number;
  windowStart: string | null;
  lockedUntil: string | null;
}

/** The state of each key now, for a window of `windowMinutes`. */
export async function throttleStates(
  k: K,
  keys: string[],
  windowMinutes: number,
  now = nowIso(),
): Promise<Map<string, ThrottleState>> {
  const rows = keys.length ? await k.selectFrom('throttle').selectAll().where('key', 'in', keys).execute() : [];
  const out = new Map<string, ThrottleState>();
  for (const key of keys) {
    const r = rows.find((x) => x.key === key);
    const live = r && minutesFrom(r.window_start, windowMinutes) > now;
    out.set(key, {
      key,
      count: live ? r.count : 0,
      windowStart: live ? r.window_start : null,
      lockedUntil: r?.locked_until && r.locked_until > now ? r.locked_until : null,
    });
  }
  return out;
}

/** Events counted for one key in the current window. */
export async function countInWindow(k: K, key: string, windowMinutes: number, now = nowIso()): Promise<number> {
  return (await throttleStates(k, [key], windowMinutes, now)).get(key)!.count;
}

/** Is any of these keys locked now? */
export async function anyLocked(k: K, keys: string[], now = nowIso()): Promise<boolean> {
  const rows = keys.length
    ? await k.selectFrom('throttle').select('locked_until').where('key', 'in', keys).execute()
    : [];
  return rows.some((r) => r.locked_until !== null && r.locked_until > now);
}

/**
 * Count one event for a key: a new window starts when the last one has passed. With `lockAt`,
 * reaching that count locks the key for `lockMinutes`. Returns the count after this event.
 */
export async function hit(
  k: K,
  key: string,
  windowMinutes: number,
  opts: { lockAt?: number; lockMinutes?: number; now?: string } = {},
): Promise<{ count: number; lockedUntil: string | null }> {
  const now = opts.now ?? nowIso();
  const windowFloor = minutesFrom(now, -windowMinutes);
  const lockUntil = opts.lockAt ? minutesFrom(now, opts.lockMinutes ?? windowMinutes) : null;
  const fresh = sql<boolean>`throttle.window_start <= ${windowFloor}`;
  const count = sql<number>`case when ${fresh} then 1 else throttle.count + 1 end`;
  const row = await k
    .insertInto('throttle')
    .values({ key, count: 1, window_start: now, locked_until: opts.lockAt === 1 ? lockUntil : null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count,
        window_start: sql<string>`case when ${fresh} then ${now} else throttle.window_start end`,
        locked_until: opts.lockAt
          ? sql<string | null>`case when (${count}) >= ${opts.lockAt} then ${lockUntil} else throttle.locked_until end`
          : sql<string | null>`throttle.locked_until`,
      }),
    )
    .returning(['count', 'locked_until'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), lockedUntil: row.locked_until };
}

export async function clearThrottle(k: K, key: string): Promise<void> {
  await k.deleteFrom('throttle').where('key', '=', key).execute();
}

/** Forget counters whose window and lock have both passed. */
export async function purgeThrottle(k: K, windowMinutes: number, now = nowIso()): Promise<void> {
  await k
    .deleteFrom('throttle')
    .where('window_start', '<', minutesFrom(now, -windowMinutes))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .execute();
}
