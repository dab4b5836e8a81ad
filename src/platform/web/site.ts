import type { Db } from '../db.js';
import type { SiteInfo } from './env.js';

const TTL_MS = 5000;
const cache = new Map<string, { at: number; site: SiteInfo | null }>();

export type SiteResolver = (db: Db, hostname: string) => Promise<SiteInfo | null>;

/**
 * The portal for a host name (falling back to the first site of the installation, as the
 * resolver decides), remembered for a few seconds per database and host.
 */
export async function resolveSite(db: Db, host: string | undefined, resolver: SiteResolver): Promise<SiteInfo | null> {
  const hostname = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  const key = `${db.location}|${hostname}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.site;
  const site = await resolver(db, hostname);
  cache.set(key, { at: Date.now(), site });
  return site;
}

export function clearSiteCache(): void {
  cache.clear();
}
