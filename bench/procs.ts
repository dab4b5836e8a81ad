/** Child processes of the bench (server, nginx, wrk): tracked so every exit path stops them. */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

const children = new Set<ChildProcess>();

export function hasCommand(cmd: string, args: string[] = ['--version']): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !(r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT');
}

export const HAS_TASKSET = process.platform === 'linux' && hasCommand('taskset', ['-V']);

/** Spawn `cmd args`, pinned to `cpu` with taskset when it exists (taskset execs, so the pid is the program's). */
export function spawnPinned(cpu: number | null, cmd: string, args: string[], opts: SpawnOptions = {}): ChildProcess {
  const child =
    cpu != null && HAS_TASKSET ? spawn('taskset', ['-c', String(cpu), cmd, ...args], opts) : spawn(cmd, args, opts);
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Pin this process (all threads) to a CPU list, e.g. "1" or "0-1"; no-op without taskset. */
export function pinSelf(cpus: string): void {
  if (HAS_TASKSET) spawnSync('taskset', ['-a', '-pc', cpus, String(process.pid)], { stdio: 'ignore' });
}

/** Stop one child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stop(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...children].map((c) => stop(c)));
}

/** Last resort on process exit: synchronous SIGKILL of whatever is still running. */
export function killAllSync(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process from /proc: current and peak (VmHWM), in kB. */
export function rssOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const s = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Direct children of a process (Linux). */
export function childPids(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Polls the peak RSS of a set of pids (re-evaluated each tick) until stopped. */
export class RssPoller {
  peakKb = 0;
  private timer: NodeJS.Timeout;
  constructor(pids: () => number[], everyMs = 200) {
    this.timer = setInterval(() => {
      const list = pids();
      let total = 0;
      for (const p of list) {
        const r = rssOf(p);
        // One process: its own high-water mark catches peaks between polls; several: the sum of current RSS.
        if (r) total += list.length === 1 ? Math.max(r.rss, r.hwm) : r.rss;
      }
      this.peakKb = Math.max(this.peakKb, total);
    }, everyMs);
    this.timer.unref();
  }
  stop(): number {
    clearInterval(this.timer);
    return this.peakKb;
  }
}
