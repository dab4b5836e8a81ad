/**
 * Rendered portal pages kept in memory. Public pages are the same for every visitor (no session,
 * no form tokens), so a county's portal can answer most reads without touching the database.
 * Freshness: every state-changing back-office or API request, the scheduled-publication job and
 * every CLI command bump a generation counter kept in the database; this process clears its
 * entries at once when it bumps, and other app servers see the new generation within `pollMs`.
 */
import type { Db } from '../db.js';
import { defineSetting, incrementSetting, SYSTEM_SCOPE, settingText } from '../settings.js';
import { z } from '../validation.js';
import { ELDER_COOKIE } from './constants.js';

/** The generation of the portal's pages, shared by every app server (a counter at the system scope). */
const GENERATION = defineSetting('portal.generation', '门户页面版本', z.number().int(), 0);

interface Entry {
  body: Buffer;
  headers: Record<string, string>;
  /** The same headers as a flat [name, value, …] list with content-length, for the server's fast path. */
  raw: string[];
  bytes: number;
}

const ELDER_ON = new RegExp(`(?:^|;\\s*)${ELDER_COOKIE}=1(?:;|$)`);

/** The cache key of a public page: host, 适老化 mode and the path with its query. */
export function cacheKey(host: string | undefined, cookie: string | undefined, pathAndQuery: string): string {
  const elder = ELDER_ON.test(cookie ?? '') ? 1 : 0;
  return `${(host ?? '').toLowerCase()}|${elder}|${pathAndQuery}`;
}

/** Paths whose GET responses are shared by every visitor (downloads are excluded: they are counted). */
export function isCacheablePath(path: string): boolean {
  if (path === '/' || path === '/search' || path === '/sitemap.xml' || path.startsWith('/sitemaps/')) return true;
  if (!path.startsWith('/xxgk/')) return false;
  return !/^\/xxgk\/info\/\d+\/(files|channels)\//.test(path) && !/\/export\.|\.csv$|\.xlsx$/.test(path);
}

export async function bumpGeneration(db: Db): Promise<void> {
  await incrementSetting(db.k, GENERATION, SYSTEM_SCOPE);
}

export class PageCache {
  private entries = new Map<string, Entry>();
  private bytes = 0;
  private generation: string | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  /** Incremented on every clear: a page rendered before a clear is not stored after it. */
  private epoch = 0;

  constructor(
    private db: Db,
    private opts: { maxEntries: number; maxBytes: number; pollMs: number } = {
      maxEntries: 5000,
      maxBytes: 64 * 1024 * 1024,
      pollMs: 1000,
    },
  ) {}

  /** Check the shared generation at most every pollMs; a change empties the cache. */
  private async fresh(): Promise<void> {
    if (Date.now() - this.checkedAt < this.opts.pollMs) return;
    this.checking ??= (async () => {
      const g = (await settingText(this.db.k, GENERATION, SYSTEM_SCOPE)) ?? '0';
      if (g !== this.generation) this.clear();
      this.generation = g;
      this.checkedAt = Date.now();
    })().finally(() => {
      this.checking = null;
    });
    await this.checking;
  }

  /** The epoch to pass to set() for a page rendered from now on. */
  get currentEpoch(): number {
    return this.epoch;
  }

  /**
   * The entry without waiting, for the server's fast path: only while the generation was checked
   * within pollMs (otherwise a check starts and the request takes the normal path).
   */
  peek(key: string): Entry | undefined {
    if (Date.now() - this.checkedAt >= this.opts.pollMs) {
      void this.fresh().catch(() => undefined);
      return undefined;
    }
    return this.entries.get(key);
  }

  async get(key: string): Promise<Entry | undefined> {
    await this.fresh();
    const e = this.entries.get(key);
    if (e) {
      // Least recently used last: re-insert on every hit.
      this.entries.delete(key);
      this.entries.set(key, e);
    }
    return e;
  }

  set(key: string, body: Buffer, headers: Record<string, string>, epoch: number): void {
    if (epoch !== this.epoch) return;
    const bytes = body.length + 512;
    if (bytes > this.opts.maxBytes / 16) return;
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    const raw = [...Object.entries(headers).flat(), 'content-length', String(body.length), 'x-cache', 'hit'];
    this.entries.set(key, { body, headers, raw, bytes });
    this.bytes += bytes;
    while (this.entries.size > this.opts.maxEntries || this.bytes > this.opts.maxBytes) {
      const [k, e] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  clear(): void {
    this.epoch++;
    this.entries.clear();
    this.bytes = 0;
  }

  /** Something public may have changed: empty this process's cache and tell the others. */
  async invalidate(): Promise<void> {
    this.clear();
    await bumpGeneration(this.db);
    this.checkedAt = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}

type Fetch = (req: Request, env?: unknown) => Response | Promise<Response>;

/**
 * Wrap the app's fetch: public GET pages come from the cache when present; a fresh 200 HTML/XML
 * response without cookies is stored with its final headers (security headers included).
 */
export function cachedFetch(fetch: Fetch, pages: PageCache): Fetch {
  return async (req, env) => {
    if (req.method !== 'GET') return fetch(req, env);
    const url = new URL(req.url);
    if (!isCacheablePath(url.pathname)) return fetch(req, env);
    const key = cacheKey(
      req.headers.get('host') ?? undefined,
      req.headers.get('cookie') ?? undefined,
      url.pathname + url.search,
    );
    const hit = await pages.get(key);
    if (hit)
      return new Response(new Uint8Array(hit.body), { status: 200, headers: { ...hit.headers, 'x-cache': 'hit' } });
    const epoch = pages.currentEpoch;
    const res = await fetch(req, env);
    const type = res.headers.get('content-type') ?? '';
    if (
      res.status === 200 &&
      !res.headers.has('set-cookie') &&
      !res.headers.has('content-disposition') &&
      /^(text\/html|application\/(atom\+)?xml)/.test(type)
    ) {
      const body = Buffer.from(await res.clone().arrayBuffer());
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => {
        if (k !== 'date' && k !== 'content-length') headers[k] = v;
      });
      pages.set(key, body, headers, epoch);
    }
    return res;
  };
}
