/** The portal a visitor sees: the site for the host name, else the first of the installation. */
import type { Db } from '../platform/db.js';
import type { SiteInfo } from '../platform/web/env.js';
import { countyOffice, siteForHost } from './api.js';

export async function resolveSite(db: Db, hostname: string): Promise<SiteInfo | null> {
  const row = await siteForHost(db.k, hostname);
  if (!row) return null;
  const office = await countyOffice(db.k, row.jurisdiction_id);
  return {
    id: row.id,
    name: row.name,
    jurisdictionId: row.jurisdiction_id,
    jurisdictionCode: row.jurisdiction_code,
    jurisdictionName: row.jurisdiction_name,
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
