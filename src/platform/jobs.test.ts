/** Background jobs with a database lease: among several app servers, each job runs once per interval. */
import pino from 'pino';
import { expect, it } from 'vitest';
import { describeEachDb, testConfig } from '../testing.js';
import { claimJob, jobStatus, runJobOnce } from './jobs.js';
import type { Job, JobContext } from './module.js';

describeEachDb('jobs', (db) => {
  const ctx = (): JobContext => ({
    db: db(),
    config: testConfig(),
    logger: pino({ level: 'silent' }),
    invalidatePages: async () => undefined,
  });

  it('lets exactly one of several servers claim a due job', async () => {
    const job: Job = { name: 'test.once', label: '测试', everyMs: 60_000, run: async () => undefined };
    const now = new Date('2026-01-01T08:00:00Z');
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((holder) => claimJob(db(), job, holder, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('runs a job once per interval whoever asks, and records the result', async () => {
    let runs = 0;
    const job: Job = {
      name: 'test.interval',
      label: '测试任务',
      everyMs: 60_000,
      run: async () => `第 ${++runs} 次`,
    };
    const t0 = new Date('2026-01-01T09:00:00Z');
    expect(await runJobOnce(ctx(), job, 'server-1', t0)).toEqual({ ran: true, result: '第 1 次' });
    // Another server 10 seconds later: the job already ran in this interval.
    expect(await runJobOnce(ctx(), job, 'server-2', new Date(t0.getTime() + 10_000))).toEqual({ ran: false });
    // After the interval either server may run it again.
    expect((await runJobOnce(ctx(), job, 'server-2', new Date(t0.getTime() + 61_000))).ran).toBe(true);
    expect(runs).toBe(2);
    const row = (await jobStatus(db())).find((r) => r.name === 'test.interval')!;
    expect(row).toMatchObject({ holder: null, lease_until: null, last_result: '第 2 次', last_error: null });
  });

  it('keeps a failure in the job row and frees the lease', async () => {
    const job: Job = {
      name: 'test.failing',
      label: '测试',
      everyMs: 1000,
      run: async () => {
        throw new Error('网关不可用');
      },
    };
    const r = await runJobOnce(ctx(), job, 'server-1', new Date('2026-01-01T10:00:00Z'));
    expect(r).toEqual({ ran: true, error: '网关不可用' });
    const row = (await jobStatus(db())).find((x) => x.name === 'test.failing')!;
    expect(row).toMatchObject({ holder: null, last_error: '网关不可用' });
  });

  it('takes over a lease its holder left behind once the lease has expired', async () => {
    const job: Job = { name: 'test.crashed', label: '测试', everyMs: 1000, run: async () => undefined };
    const t0 = new Date('2026-01-01T11:00:00Z');
    expect(await claimJob(db(), job, 'crashed-server', t0)).toBe(true); // never released
    expect(await claimJob(db(), job, 'server-2', new Date(t0.getTime() + 60_000))).toBe(false);
    expect(await claimJob(db(), job, 'server-2', new Date(t0.getTime() + 6 * 60_000))).toBe(true);
  });
});
