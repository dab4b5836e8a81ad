/** Counters per key in a time window, with locks: one atomic upsert, so parallel hits are all counted. */
import { expect, it } from 'vitest';
import { describeEachDb } from '../testing.js';
import { anyLocked, clearThrottle, countInWindow, hit, purgeThrottle, throttleStates } from './throttle.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 8, minute)).toISOString();

describeEachDb('throttle', (db) => {
  it('counts hits in a window and starts a new window when it has passed', async () => {
    const k = db().k;
    expect((await hit(k, 'w:a', 15, { now: at(0) })).count).toBe(1);
    expect((await hit(k, 'w:a', 15, { now: at(5) })).count).toBe(2);
    expect(await countInWindow(k, 'w:a', 15, at(10))).toBe(2);
    expect(await countInWindow(k, 'w:a', 15, at(16))).toBe(0);
    expect((await hit(k, 'w:a', 15, { now: at(16) })).count).toBe(1);
    const s = (await throttleStates(k, ['w:a', 'w:none'], 15, at(17))).get('w:a')!;
    expect(s).toMatchObject({ count: 1, windowStart: at(16), lockedUntil: null });
  });

  it('locks a key when the count reaches the limit, until the lock passes', async () => {
    const k = db().k;
    for (let i = 0; i < 4; i++)
      expect((await hit(k, 'l:a', 15, { lockAt: 5, lockMinutes: 15, now: at(i) })).lockedUntil).toBeNull();
    const fifth = await hit(k, 'l:a', 15, { lockAt: 5, lockMinutes: 15, now: at(4) });
    expect(fifth).toEqual({ count: 5, lockedUntil: at(19) });
    expect(await anyLocked(k, ['l:a', 'l:b'], at(10))).toBe(true);
    expect(await anyLocked(k, ['l:a'], at(20))).toBe(false);
    await clearThrottle(k, 'l:a');
    expect(await countInWindow(k, 'l:a', 15, at(5))).toBe(0);
  });

  it('loses no count under parallel hits', async () => {
    const k = db().k;
    const results = await Promise.all(Array.from({ length: 40 }, () => hit(k, 'p:a', 15, { now: at(30) })));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await countInWindow(k, 'p:a', 15, at(31))).toBe(40);
  });

  it('forgets counters whose window and lock have passed', async () => {
    const k = db().k;
    await hit(k, 'g:old', 15, { now: at(0) });
    await hit(k, 'g:locked', 15, { lockAt: 1, lockMinutes: 120, now: at(0) });
    await hit(k, 'g:new', 15, { now: at(50) });
    await purgeThrottle(k, 15, at(55));
    const keys = (await throttleStates(k, ['g:old', 'g:locked', 'g:new'], 600, at(55))).entries();
    expect([...keys].filter(([, s]) => s.windowStart).map(([key]) => key)).toEqual(['g:locked', 'g:new']);
  });
});
