/**
 * 责任清单 and progress by domain: which unit compiles each of the 26 domains, with which
 * cooperating units, by when; and where each domain stands (not started … published, overdue).
 */
import type { Db } from '../platform/db.js';
import { nowIso, parseJson } from '../platform/dialect.js';
import { writeAudit } from '../platform/audit.js';
import { ValidationError } from '../platform/errors.js';
import { assertCan, auditActor, type Actor } from '../platform/access.js';
import * as orgStore from '../org/store.js';
import { DOMAINS } from './vocabulary.js';
import { isIsoDate, todayInChina } from '../calendar/dates.js';
import type { Snapshot } from './service.js';

export interface Scope {
  code: string;
  jurisdictionId: number;
  name: string;
}

export type DomainProgress = 'not_started' | 'drafting' | 'submitted' | 'returned' | 'published';
export const PROGRESS_LABELS: Record<DomainProgress, string> = {
  not_started: '未开始',
  drafting: '编制中',
  submitted: '审核中',
  returned: '已退回',
  published: '已发布',
};

export interface DutyRow {
  slug: string;
  domain: string;
  leadUnitId: number | null;
  leadUnitName: string | null;
  cooperating: { id: number; name: string }[];
  dueDate: string | null;
  progress: DomainProgress;
  overdue: boolean;
  items: number;
}

export async function listDuties(db: Db, actor: Actor, scope: Scope, today = todayInChina()): Promise<DutyRow[]> {
  assertCan(actor, 'catalog.view');
  const duties = await db.k
    .selectFrom('catalog_duties')
    .selectAll()
    .where('jurisdiction_id', '=', scope.jurisdictionId)
    .execute();
  const units = await orgStore.listUnits(db.k, { all: true }, { jurisdictionPrefix: scope.code });
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const leadIds = [...new Set(duties.map((d) => d.lead_unit_id).filter((x): x is number => x !== null))];
  const catalogs = leadIds.length
    ? await db.k
        .selectFrom('catalogs')
        .selectAll()
        .where('unit_id', 'in', leadIds)
        .where('kind', '=', 'standard')
        .execute()
    : [];
  const catIds = catalogs.map((c) => c.id);
  const working = catIds.length
    ? await db.k
        .selectFrom('catalog_items')
        .select(['catalog_id', 'domain'])
        .where('catalog_id', 'in', catIds)
        .execute()
    : [];
  const versions = catIds.length
    ? await db.k
        .selectFrom('catalog_versions')
        .innerJoin('catalogs', (j) =>
          j
            .onRef('catalogs.id', '=', 'catalog_versions.catalog_id')
            .onRef('catalogs.current_version', '=', 'catalog_versions.version'),
        )
        .select(['catalog_versions.catalog_id', 'catalog_versions.snapshot_json'])
        .where('catalog_versions.catalog_id', 'in', catIds)
        .execute()
    : [];
  const publishedDomains = new Map(
    versions.map((v) => [
      v.catalog_id,
      new Set(parseJson<Snapshot>(v.snapshot_json, { unitName: '', items: [], notes: [] }).items.map((i) => i.domain)),
    ]),
  );
  return DOMAINS.map((d) => {
    const duty = duties.find((x) => x.domain === d.name);
    const cat = duty?.lead_unit_id ? catalogs.find((c) => c.unit_id === duty.lead_unit_id) : undefined;
    const items = cat ? working.filter((w) => w.catalog_id === cat.id && w.domain === d.name).length : 0;
    let progress: DomainProgress = 'not_started';
    if (cat && publishedDomains.get(cat.id)?.has(d.name)) progress = 'published';
    else if (cat && items > 0)
      progress =
        cat.status === 'submitted' || cat.status === 'city_review'
          ? 'submitted'
          : cat.status === 'returned'
            ? 'returned'
            : 'drafting';
    const cooperating = parseJson<number[]>(duty?.cooperating_json, []).map((id) => ({
      id,
      name: unitName.get(id) ?? `#${id}`,
    }));
    return {
      slug: d.slug,
      domain: d.name,
      leadUnitId: duty?.lead_unit_id ?? null,
      leadUnitName: duty?.lead_unit_id ? (unitName.get(duty.lead_unit_id) ?? null) : null,
      cooperating,
      dueDate: duty?.due_date ?? null,
      progress,
      overdue: Boolean(duty?.due_date && duty.due_date < today && progress !== 'published'),
      items,
    };
  });
}

/** Whether approved catalogs of the county go on to the city (经市政府审核把关); default off. */
export async function cityReviewRequired(db: Db, code: string): Promise<boolean> {
  const r = await db.k
    .selectFrom('settings')
    .select('value')
    .where('scope', '=', code)
    .where('key', '=', 'catalog.cityReview')
    .executeTakeFirst();
  return r ? parseJson<boolean>(r.value, false) : false;
}

export async function setCityReview(db: Db, actor: Actor, scope: Scope, on: boolean): Promise<void> {
  assertCan(actor, 'catalog.plan', { id: 0, jurisdictionCode: scope.code });
  const before = await cityReviewRequired(db, scope.code);
  if (before === on) return;
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ scope: scope.code, key: 'catalog.cityReview', value: JSON.stringify(on), updated_at: nowIso() })
      .onConflict((oc) => oc.columns(['scope', 'key']).doUpdateSet({ value: JSON.stringify(on), updated_at: nowIso() }))
      .execute();
    await writeAudit(trx, who, {
      action: 'catalog.duty',
      objectType: 'setting',
      objectId: 'catalog.cityReview',
      jurisdictionId: scope.jurisdictionId,
      summary: `${scope.name}目录${on ? '须' : '不再须'}经市级审核后发布`,
      before: { cityReview: before },
      after: { cityReview: on },
    });
  });
}

/** Units that lead an overdue domain (for the per-unit board). */
export function overdueLeads(rows: DutyRow[]): Set<number> {
  return new Set(rows.filter((r) => r.overdue && r.leadUnitId).map((r) => r.leadUnitId!));
}

export async function setDuty(db: Db, actor: Actor, scope: Scope, raw: Record<string, unknown>): Promise<void> {
  assertCan(actor, 'catalog.plan', { id: 0, jurisdictionCode: scope.code });
  const domain = DOMAINS.find((d) => d.slug === raw.domain);
  const errors: Record<string, string> = {};
  if (!domain) errors.domain = '请选择领域';
  const units = await orgStore.listUnits(db.k, { all: true }, { jurisdictionPrefix: scope.code, activeOnly: true });
  const ids = new Set(units.map((u) => u.id));
  const lead = raw.lead_unit_id ? Number(raw.lead_unit_id) : null;
  if (lead !== null && !ids.has(lead)) errors.lead_unit_id = '责任单位须是本县（区）的单位';
  const coop = ([] as unknown[])
    .concat(raw.cooperating ?? [])
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  if (coop.some((n) => !ids.has(n))) errors.cooperating = '配合单位须是本县（区）的单位';
  if (lead !== null && coop.includes(lead)) errors.cooperating = '配合单位不能与责任单位相同';
  const due = String(raw.due_date ?? '').trim();
  if (due && !isIsoDate(due)) errors.due_date = '完成时间应为“年-月-日”格式';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const before = await db.k
    .selectFrom('catalog_duties')
    .selectAll()
    .where('jurisdiction_id', '=', scope.jurisdictionId)
    .where('domain', '=', domain!.name)
    .executeTakeFirst();
  const row = {
    lead_unit_id: lead,
    cooperating_json: JSON.stringify([...new Set(coop)]),
    due_date: due || null,
    updated_at: nowIso(),
  };
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await trx
      .insertInto('catalog_duties')
      .values({ jurisdiction_id: scope.jurisdictionId, domain: domain!.name, ...row })
      .onConflict((oc) => oc.columns(['jurisdiction_id', 'domain']).doUpdateSet(row))
      .execute();
    await writeAudit(trx, who, {
      action: 'catalog.duty',
      objectType: 'catalog_duty',
      objectId: domain!.slug,
      jurisdictionId: scope.jurisdictionId,
      unitId: lead,
      summary: `${scope.name}责任清单：${domain!.name}由${lead ? units.find((u) => u.id === lead)!.name : '（未指定）'}负责${due ? `，${due}前完成` : ''}`,
      before: before
        ? {
            lead_unit_id: before.lead_unit_id,
            cooperating: parseJson(before.cooperating_json, []),
            due_date: before.due_date,
          }
        : undefined,
      after: { lead_unit_id: lead, cooperating: coop, due_date: due || null },
    });
  });
}
