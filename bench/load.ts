/**
 * HTTP load: wrk (pinned to core 1, a Lua script rotating over the sampled paths) or, without wrk,
 * a small Node load generator with keep-alive agents. Both report req/s and p50/p99 latency.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { hasCommand, spawnPinned } from './procs.js';

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadGenerator {
  name: string;
  run(base: string, paths: string[], seconds: number, connections: number): Promise<LoadResult>;
}

export const LOAD_CPU = 1;

function wrkScript(paths: string[]): string {
  for (const p of paths)
    if (!/^[\x21-\x7e]+$/.test(p) || p.includes('"') || p.includes('\\')) throw new Error(`wrk: unsafe path ${p}`);
  return `local paths = {
${paths.map((p) => `  "${p}",`).join('\n')}
}
local i = 0
request = function()
  i = i + 1
  if i > #paths then i = 1 end
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCHJSON {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%d,\\"p99_us\\":%d,\\"errors\\":%d,\\"non2xx\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.connect + e.read + e.write + e.timeout, e.status))
end
`;
}

export function wrkGenerator(tmpDir: string): LoadGenerator {
  let n = 0;
  return {
    name: 'wrk (taskset -c 1, -t1)',
    async run(base, paths, seconds, connections) {
      const script = path.join(tmpDir, `load-${++n}.lua`);
      fs.writeFileSync(script, wrkScript(paths));
      const child = spawnPinned(
        LOAD_CPU,
        'wrk',
        ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '5s', '-s', script, base],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
      const m = /BENCHJSON (\{.*\})/.exec(out);
      if (!m) throw new Error(`wrk failed (exit ${code}): ${out.slice(-500)}`);
      const j = JSON.parse(m[1]) as {
        requests: number;
        duration_us: number;
        p50_us: number;
        p99_us: number;
        errors: number;
        non2xx: number;
      };
      const secs = j.duration_us / 1e6;
      return {
        requests: j.requests,
        seconds: secs,
        rps: j.requests / secs,
        p50Ms: j.p50_us / 1000,
        p99Ms: j.p99_us / 1000,
        errors: j.errors,
        non2xx: j.non2xx,
      };
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Fallback: `connections` keep-alive loops in this process (the caller pins the process to core 1). */
export const nodeGenerator: LoadGenerator = {
  name: 'Node http keep-alive（内置 http 模块，本进程固定在 1 号核）',
  async run(base, paths, seconds, connections) {
    const url = new URL(base);
    const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
    const latencies: number[] = [];
    let errors = 0;
    let non2xx = 0;
    let next = 0;
    const started = process.hrtime.bigint();
    const deadline = started + BigInt(Math.round(seconds * 1e9));
    const one = () =>
      new Promise<void>((resolve) => {
        const p = paths[next++ % paths.length];
        const t = process.hrtime.bigint();
        const req = http.get({ host: url.hostname, port: url.port, path: p, agent }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => {
            if ((res.statusCode ?? 0) >= 400) non2xx++;
            latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
            resolve();
          });
        });
        req.on('error', () => {
          errors++;
          resolve();
        });
      });
    const loop = async () => {
      while (process.hrtime.bigint() < deadline) await one();
    };
    await Promise.all(Array.from({ length: connections }, loop));
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      seconds: secs,
      rps: latencies.length / secs,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      errors,
      non2xx,
    };
  },
};

export function chooseGenerator(tmpDir: string): LoadGenerator {
  if (process.env.BENCH_LOADGEN !== 'node' && hasCommand('wrk', ['-v'])) return wrkGenerator(tmpDir);
  return nodeGenerator;
}

/** Run fn once to warm up, then `runs` times; the sorted durations in ms. */
export async function timeRuns(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await fn();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b);
}
