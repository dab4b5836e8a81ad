/**
 * Background jobs with a lease in the database. Every app server runs a `JobRunner` over the same
 * job list; before a run, a server claims the job's row with one conditional update (free, and
 * not run within its interval), so among several servers exactly one runs each job per interval,
 * and a server that dies mid-run leaves a lease that expires. Only this file queries `job_leases`.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from './db.js';
import { nowIso } from './dialect.js';
import type { Job, JobContext } from './module.js';

/** A lease outlives a normal run; a crashed holder's lease expires after this long at most. */
const leaseMs = (job: Job) => Math.max(5 * 60_000, job.everyMs * 2);

export interface JobRun {
  ran: boolean;
  result?: string;
  error?: string;
}

/** This process, as the holder of leases (host, pid and a random part). */
export const holderId = (): string => `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

/**
 * Claim a job for one run if it is due (not run within its interval) and nobody holds it; returns
 * whether this holder got it.
 */
export async function claimJob(db: Db, job: Job, holder: string, now = new Date()): Promise<boolean> {
  const at = now.toISOString();
  await db.k
    .insertInto('job_leases')
    .values({
      name: job.name,
      holder: null,
      lease_until: null,
      last_started_at: null,
      last_finished_at: null,
      last_result: null,
      last_error: null,
    })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  // A run is due when the last one started at least one interval ago (a little early is fine: timers drift).
  const dueBefore = new Date(now.getTime() - job.everyMs + Math.min(1000, job.everyMs / 10)).toISOString();
  const r = await db.k
    .updateTable('job_leases')
    .set({ holder, lease_until: new Date(now.getTime() + leaseMs(job)).toISOString(), last_started_at: at })
    .where('name', '=', job.name)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
    .where((eb) => eb.or([eb('last_started_at', 'is', null), eb('last_started_at', '<=', dueBefore)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

async function release(db: Db, job: Job, holder: string, result: { result?: string; error?: string }) {
  await db.k
    .updateTable('job_leases')
    .set({
      holder: null,
      lease_until: null,
      last_finished_at: nowIso(),
      last_result: result.result?.slice(0, 500) ?? null,
      last_error: result.error?.slice(0, 500) ?? null,
    })
    .where('name', '=', job.name)
    .where('holder', '=', holder)
    .execute();
}

/** Run a job once if this holder can claim it. */
export async function runJobOnce(ctx: JobContext, job: Job, holder: string, now = new Date()): Promise<JobRun> {
  if (!(await claimJob(ctx.db, job, holder, now))) return { ran: false };
  try {
    const result = await job.run(ctx);
    await release(ctx.db, job, holder, { result });
    if (result) ctx.logger.info({ job: job.name, result }, job.label);
    return { ran: true, result };
  } catch (e) {
    const error = (e as Error).message;
    ctx.logger.warn({ job: job.name, err: error }, `${job.label}失败`);
    await release(ctx.db, job, holder, { error }).catch(() => undefined);
    return { ran: true, error };
  }
}

/** The jobs' last runs (for operators). */
export async function jobStatus(db: Db) {
  return db.k.selectFrom('job_leases').selectAll().orderBy('name').execute();
}

/** Runs every job on its interval until stopped; timers do not keep the process alive. */
export class JobRunner {
  private timers: NodeJS.Timeout[] = [];
  private running = new Set<string>();
  readonly holder = holderId();

  constructor(
    private ctx: JobContext,
    private jobs: readonly Job[],
  ) {}

  start(): void {
    for (const job of this.jobs) {
      const t = setInterval(() => void this.tick(job), job.everyMs);
      t.unref();
      this.timers.push(t);
    }
  }

  private async tick(job: Job): Promise<void> {
    if (this.running.has(job.name)) return;
    this.running.add(job.name);
    try {
      await runJobOnce(this.ctx, job, this.holder);
    } catch (e) {
      this.ctx.logger.warn({ job: job.name, err: (e as Error).message }, 'job lease failed');
    } finally {
      this.running.delete(job.name);
    }
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }
}
