import type { Db } from '../db.js';
import type { SiteInfo } from './env.js';

const TTL_MS = 5000;
const cache = new Map<string, { at: number; site: SiteInfo | null }>();

/** Find the portal for a host name, falling back to the first site of the installation. */
export async function resolveSite(db: Db, host: string | undefined): Promise<SiteInfo | null> {
  const hostname = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  const key = `${db.location}|${hostname}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.site;
  const base = db.k
    .selectFrom('sites')
    .innerJoin('jurisdictions', 'jurisdictions.id', 'sites.jurisdiction_id')
    .select(['sites.id', 'sites.name', 'sites.jurisdiction_id', 'jurisdictions.code', 'jurisdictions.name as jname']);
  const row =
    (hostname ? await base.where('sites.host', '=', hostname).executeTakeFirst() : undefined) ??
    (await base.orderBy('sites.id').limit(1).executeTakeFirst());
  let site: SiteInfo | null = null;
  if (row) {
    const office = await db.k
      .selectFrom('units')
      .select([
        'id',
        'name',
        'office_name',
        'office_address',
        'office_phone',
        'office_postcode',
        'office_email',
        'office_hours',
      ])
      .where('jurisdiction_id', '=', row.jurisdiction_id)
      .where('kind', '=', 'county_office')
      .where('active', '=', 1)
      .orderBy('sort_order')
      .limit(1)
      .executeTakeFirst();
    site = {
      id: row.id,
      name: row.name,
      jurisdictionId: row.jurisdiction_id,
      jurisdictionCode: row.code,
      jurisdictionName: row.jname,
      office: office && {
        id: office.id,
        name: office.name,
        officeName: office.office_name,
        address: office.office_address,
        phone: office.office_phone,
        postcode: office.office_postcode,
        email: office.office_email,
        hours: office.office_hours,
      },
    };
  }
  cache.set(key, { at: Date.now(), site });
  return site;
}

export function clearSiteCache(): void {
  cache.clear();
}
