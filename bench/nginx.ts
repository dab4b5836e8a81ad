/** The static baseline: Debian's nginx, one worker pinned to core 0, serving files from a temp directory. */
import fs from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, spawnPinned, stop } from './procs.js';

export const NGINX = process.env.BENCH_NGINX ?? '/usr/sbin/nginx';

export interface StaticServer {
  base: string;
  pid: number;
  child: ChildProcess;
  close(): Promise<void>;
}

/** Start nginx over `root` (files already written); resolves once `probePath` answers 200. */
export async function startNginx(dir: string, root: string, probePath: string): Promise<StaticServer> {
  if (!fs.existsSync(NGINX)) throw new Error(`nginx 未安装（${NGINX}），请 apt-get install -y nginx`);
  const port = await freePort();
  for (const d of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    fs.mkdirSync(path.join(dir, d), { recursive: true });
  const conf = path.join(dir, 'nginx.conf');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.writeFileSync(
    conf,
    `${asRoot ? 'user root root;\n' : ''}worker_processes 1;
worker_cpu_affinity 01;
daemon off;
master_process on;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 100000000;
  types { }
  default_type "text/html; charset=UTF-8";
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    location / { }
  }
}
`,
  );
  const child = spawnPinned(0, NGINX, ['-p', dir, '-c', conf, '-e', path.join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(
        `nginx exited (${child.exitCode}): ${err}${fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8').slice(-500) : ''}`,
      );
    try {
      const r = await fetch(base + probePath);
      await r.arrayBuffer();
      if (r.status === 200) break;
    } catch {
      /* not yet listening */
    }
    if (Date.now() > deadline) {
      await stop(child);
      throw new Error(`nginx did not answer on ${base}: ${err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, pid: child.pid!, child, close: () => stop(child) };
}
