import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { ConflictError } from '../platform/errors.js';
import type { UnitKind } from './model.js';
import { loadRegions, isPlaceholderCity } from './regions.js';
import type { AuditActor } from '../platform/audit.js';
import { type Actor, auditActor } from '../platform/access.js';
import * as seedStore from './seed.store.js';
import { defineSetting, readSettingAt, SYSTEM_SCOPE, writeSetting } from '../platform/settings.js';
import { z } from '../platform/validation.js';

export interface UnitSeed {
  name: string;
  kind: UnitKind;
  shortName?: string;
  creditCode?: string;
  parentName?: string;
  office?: Partial<
    Record<
      | 'office_name'
      | 'office_address'
      | 'office_hours'
      | 'office_phone'
      | 'office_fax'
      | 'office_email'
      | 'office_postcode'
      | 'office_website',
      string
    >
  >;
}

/** The unit a real township-level division gets; farms, forest farms and zones get none by default. */
export function townshipUnitFor(name: string): { name: string; kind: UnitKind } | null {
  if (/街道$/.test(name)) return { name: `${name}办事处`, kind: 'subdistrict_office' };
  if (/(镇|乡)$/.test(name)) return { name: `${name}人民政府`, kind: 'township_government' };
  return null;
}

export interface InitResult {
  jurisdictionId: number;
  countyCode: string;
  countyName: string;
  siteName: string;
  townships: { code: string; name: string; unit: string | null }[];
  governmentUnitId: number;
  officeUnitId: number;
}

/** Create a real county with its real townships from the national region table. */
export async function initCounty(
  db: Db,
  query: string,
  actor: AuditActor,
  opts: { host?: string } = {},
): Promise<InitResult> {
  const regions = loadRegions();
  const found = regions.countyWithTownships(query);
  const { county, province } = found;
  const city = found.city && !isPlaceholderCity(found.city) ? found.city : undefined;
  const existing = await seedStore.siteOfCountyCode(db.k, county.code);
  if (existing) throw new ConflictError(`${county.name}（${county.code}）已经初始化，不能重复创建。`);
  return db.k.transaction().execute(async (trx) => {
    const pId = await seedStore.ensureJurisdiction(trx, province.code, province.name, 'province', null);
    const cId = city ? await seedStore.ensureJurisdiction(trx, city.code, city.name, 'city', pId) : pId;
    const jId = await seedStore.ensureJurisdiction(trx, county.code, county.name, 'county', cId);
    const now = nowIso();
    const siteName = `${county.name}人民政府`;
    await seedStore.insertSite(trx, {
      jurisdiction_id: jId,
      name: siteName,
      host: opts.host?.toLowerCase() ?? null,
      created_at: now,
      updated_at: now,
    });
    const govId = await seedStore.insertSeedUnit(trx, jId, { name: siteName, kind: 'county_government' }, 0, null);
    const officeId = await seedStore.insertSeedUnit(
      trx,
      jId,
      {
        name: `${county.name}人民政府办公室`,
        kind: 'county_office',
        office: { office_name: `${county.name}人民政府办公室` },
      },
      1,
      govId,
    );
    const townships: InitResult['townships'] = [];
    let order = 100;
    for (const t of found.townships) {
      const tId = await seedStore.ensureJurisdiction(trx, t.code, t.name, 'township', jId);
      const u = townshipUnitFor(t.name);
      if (u) await seedStore.insertSeedUnit(trx, tId, u, order++, null);
      townships.push({ code: t.code, name: t.name, unit: u?.name ?? null });
    }
    await writeAudit(trx, actor, {
      action: 'system.init',
      objectType: 'jurisdiction',
      objectId: jId,
      jurisdictionId: jId,
      unitId: govId,
      summary: `初始化${county.name}（${county.code}）：${townships.length} 个乡级区划，${townships.filter((t) => t.unit).length} 个乡镇政府或街道办事处`,
      after: { county: county.code, townships: townships.map((t) => t.code) },
    });
    return {
      jurisdictionId: jId,
      countyCode: county.code,
      countyName: county.name,
      siteName,
      townships,
      governmentUnitId: govId,
      officeUnitId: officeId,
    };
  });
}

// ---- the demo county ------------------------------------------------------------------------

/** A fictional county (code prefix 99 is not used by any real province). No real contacts. */
export const DEMO = {
  province: { code: '99', name: '示范省' },
  city: { code: '9901', name: '示范市' },
  county: { code: '990121', name: '示范县' },
  townships: [
    { code: '990121001', name: '城关镇' },
    { code: '990121002', name: '石桥镇' },
    { code: '990121003', name: '河口镇' },
    { code: '990121004', name: '黄土岭乡' },
    { code: '990121005', name: '东城街道' },
    { code: '990121006', name: '西城街道' },
  ],
  villages: [
    { code: '990121001001', name: '东关社区居民委员会', township: '990121001' },
    { code: '990121001201', name: '南关村村民委员会', township: '990121001' },
    { code: '990121002201', name: '石桥村村民委员会', township: '990121002' },
    { code: '990121004201', name: '柳树湾村村民委员会', township: '990121004' },
    { code: '990121005001', name: '幸福社区居民委员会', township: '990121005' },
  ],
  departments: [
    '示范县发展和改革局',
    '示范县教育局',
    '示范县公安局',
    '示范县民政局',
    '示范县司法局',
    '示范县财政局',
    '示范县人力资源和社会保障局',
    '示范县自然资源局',
    '示范县住房和城乡建设局',
    '示范县交通运输局',
    '示范县农业农村局',
    '示范县卫生健康局',
    '示范县应急管理局',
    '示范县市场监督管理局',
    '示范县医疗保障局',
    '示范县城市管理综合执法局',
  ],
  password: 'Shifan2026',
  accounts: [
    { username: 'admin', displayName: '系统管理员', role: 'system_admin', unit: '示范县人民政府' },
    { username: 'gkb', displayName: '公开办 王明', role: 'office_admin', unit: '示范县人民政府办公室' },
    { username: 'shiji', displayName: '示范市政府办公室 李审', role: 'superior_reviewer', unit: '示范县人民政府' },
    { username: 'cgz.bianji', displayName: '城关镇 张编', role: 'editor', unit: '城关镇人民政府' },
    { username: 'cgz.shenhe', displayName: '城关镇 赵审', role: 'reviewer', unit: '城关镇人民政府' },
    { username: 'cgz.banli', displayName: '城关镇 刘办', role: 'request_handler', unit: '城关镇人民政府' },
    { username: 'mzj.bianji', displayName: '民政局 陈编', role: 'editor', unit: '示范县民政局' },
    { username: 'shq.bianji', displayName: '石桥镇 孙编', role: 'editor', unit: '石桥镇人民政府' },
  ],
} as const;

const HOURS = '工作日上午 8:30—12:00，下午 14:30—17:30（法定节假日除外）';

function demoOffice(i: number, name: string, address: string): UnitSeed['office'] {
  const n = String(6120000 + i * 11).padStart(7, '0');
  return {
    office_name: name,
    office_address: address,
    office_hours: HOURS,
    office_phone: `0000-${n}`,
    office_fax: `0000-${String(Number(n) + 1).padStart(7, '0')}`,
    office_email: `xxgk${String(i).padStart(2, '0')}@shifan.example`,
    office_postcode: '999100',
  };
}

/** Marks an installation that holds the fictional 示范县 (its accounts are printed at start). */
export const DEMO_MARKER = defineSetting('demo_county', '示范数据', z.object({ county: z.string() }), { county: '' });

/** Load the fictional 示范县 with 6 townships/streets, 16 departments, 5 villages and demo accounts. */
export async function seedDemo(
  db: Db,
  actor: AuditActor,
  createAccount?: (u: {
    username: string;
    displayName: string;
    password: string;
    role: string;
    unitId: number;
  }) => Promise<void>,
): Promise<void> {
  const unitIds = new Map<string, number>();
  await db.k.transaction().execute(async (trx) => {
    const pId = await seedStore.ensureJurisdiction(trx, DEMO.province.code, DEMO.province.name, 'province', null);
    const cId = await seedStore.ensureJurisdiction(trx, DEMO.city.code, DEMO.city.name, 'city', pId);
    const jId = await seedStore.ensureJurisdiction(trx, DEMO.county.code, DEMO.county.name, 'county', cId);
    const now = nowIso();
    await seedStore.insertSite(trx, {
      jurisdiction_id: jId,
      name: '示范县人民政府',
      host: null,
      created_at: now,
      updated_at: now,
    });
    let i = 0;
    const gov = await seedStore.insertSeedUnit(
      trx,
      jId,
      {
        name: '示范县人民政府',
        kind: 'county_government',
        office: demoOffice(i++, '示范县人民政府办公室', '示范县城关镇人民路 1 号'),
      },
      0,
      null,
    );
    unitIds.set('示范县人民政府', gov);
    unitIds.set(
      '示范县人民政府办公室',
      await seedStore.insertSeedUnit(
        trx,
        jId,
        {
          name: '示范县人民政府办公室',
          kind: 'county_office',
          office: demoOffice(i++, '示范县人民政府办公室政务公开股', '示范县城关镇人民路 1 号 3 楼 305 室'),
        },
        1,
        gov,
      ),
    );
    let order = 10;
    for (const d of DEMO.departments) {
      unitIds.set(
        d,
        await seedStore.insertSeedUnit(
          trx,
          jId,
          {
            name: d,
            kind: 'county_department',
            office: demoOffice(i++, `${d}办公室`, `示范县城关镇行政中心 ${order - 9} 号楼`),
          },
          order++,
          gov,
        ),
      );
    }
    unitIds.set(
      '示范县经济开发区管理委员会',
      await seedStore.insertSeedUnit(
        trx,
        jId,
        {
          name: '示范县经济开发区管理委员会',
          kind: 'management_committee',
          office: demoOffice(i++, '示范县经济开发区管理委员会党政办公室', '示范县经济开发区创业大道 8 号'),
        },
        order++,
        gov,
      ),
    );
    order = 100;
    const townshipJ = new Map<string, number>();
    for (const t of DEMO.townships) {
      const tId = await seedStore.ensureJurisdiction(trx, t.code, t.name, 'township', jId);
      townshipJ.set(t.code, tId);
      const u = townshipUnitFor(t.name)!;
      unitIds.set(
        u.name,
        await seedStore.insertSeedUnit(
          trx,
          tId,
          { ...u, office: demoOffice(i++, `${t.name}党政综合办公室`, `示范县${t.name}政府大院`) },
          order++,
          null,
        ),
      );
    }
    order = 200;
    for (const v of DEMO.villages) {
      const vId = await seedStore.ensureJurisdiction(
        trx,
        v.code,
        v.name.replace(/(村民|居民)委员会$/, ''),
        'village',
        townshipJ.get(v.township)!,
      );
      const t = DEMO.townships.find((x) => x.code === v.township)!;
      const parent = unitIds.get(townshipUnitFor(t.name)!.name)!;
      unitIds.set(
        v.name,
        await seedStore.insertSeedUnit(trx, vId, { name: v.name, kind: 'village_committee' }, order++, parent),
      );
    }
    await writeSetting(trx, DEMO_MARKER, SYSTEM_SCOPE, { county: DEMO.county.code });
    await writeAudit(trx, actor, {
      action: 'system.seed_demo',
      objectType: 'jurisdiction',
      objectId: jId,
      jurisdictionId: jId,
      unitId: gov,
      summary: `载入示范数据：示范县（${DEMO.townships.length} 个乡镇街道，${DEMO.departments.length} 个县直部门，${DEMO.villages.length} 个村（社区））`,
    });
  });
  for (const a of createAccount ? DEMO.accounts : []) {
    await createAccount!({
      username: a.username,
      displayName: a.displayName,
      password: DEMO.password,
      role: a.role,
      unitId: unitIds.get(a.unit)!,
    });
  }
}

/** The org part of the demo county (its accounts are the auth module's part, see auth/demo.ts). */
export async function seedDemoOrg(db: Db, actor: Actor): Promise<void> {
  await seedDemo(db, auditActor(actor));
}

export async function isDemo(db: Db): Promise<boolean> {
  return (await readSettingAt(db.k, DEMO_MARKER, SYSTEM_SCOPE)) !== undefined;
}

export async function isEmpty(db: Db): Promise<boolean> {
  return !(await seedStore.anySite(db.k));
}
