/** What the portal's pages show, read from the modules that hold it (org, catalog, publishing, reports). */
import { publishedDomainItems } from '../catalog/service.js';
import * as org from '../org/service.js';
import type { Db } from '../platform/db.js';
import * as pub from '../publishing/public.js';
import { publishedReports } from '../reports/annual.js';

/** The home page: 通知公告, the newest records of two columns, the published annual reports. */
export async function homePage(db: Db, county: string | undefined) {
  const [latest, notices, rules, reports] = county
    ? await Promise.all([
        pub.listPublic(db, county, { columnSlug: 'fdzdgknr', pageSize: 8 }),
        pub.latestByGenres(db, county, ['通知', '公告', '通告', '公示'], 8),
        pub.listPublic(db, county, { columnSlug: 'zhidu', pageSize: 5 }),
        publishedReports(db, county),
      ])
    : [{ rows: [] }, [], { rows: [] }, []];
  const columnRows: Record<string, pub.PublicRow[]> = { fdzdgknr: latest.rows, zhidu: rules.rows };
  return { notices, columnRows, reports };
}

/** The county's 政府信息公开指南: its active units and when their records last changed. */
export async function countyGuide(db: Db, county: string) {
  const units = await org.publicUnits(db, county);
  let updated = ''; // the newest ISO timestamp (they compare as text)
  for (const u of units) if (u.updated_at > updated) updated = u.updated_at;
  return { units, updated };
}

/** The units that receive requests (依申请公开). */
export async function requestUnits(db: Db, county: string) {
  return (await org.publicUnits(db, county)).filter((u) => u.receives_requests === 1);
}

/** 政府信息公开制度: a page of the column's records. */
export async function rulesColumn(db: Db, county: string | undefined, page: number) {
  return county
    ? await pub.listPublic(db, county, { columnSlug: 'zhidu', page })
    : { rows: [], page: 1, hasNext: false };
}

/** 法定主动公开内容: the newest records of each item of 条例第二十条、第二十一条. */
export async function statutoryColumn(db: Db, county: string | undefined) {
  return county
    ? await pub.latestByColumnItem(
        db,
        county,
        pub.COLUMN_ITEMS.map((i) => i.key),
        5,
      )
    : new Map<string, pub.PublicRow[]>();
}

/** 政府信息公开工作年度报告: the published reports. */
export async function reportsColumn(db: Db, county: string | undefined) {
  return county ? await publishedReports(db, county) : [];
}

/** A pilot domain's page: the units' published catalog items of the domain and the newest records of each item. */
export async function domainPage(db: Db, county: string | undefined, domain: string) {
  const published = county ? await publishedDomainItems(db, county, domain) : [];
  const records = county
    ? await pub.recordsByItems(
        db,
        county,
        published.flatMap((p) => p.items.map((i) => i.id)),
        5,
      )
    : new Map<number, { rows: pub.PublicRow[]; total: number }>();
  return { published, records };
}
