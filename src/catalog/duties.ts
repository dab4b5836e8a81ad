/**
 * 责任清单 and progress by domain: which unit compiles each of the 26 domains, with which
 * cooperating units, by when; and where each domain stands (not started … published, overdue).
 */
import { isIsoDate, todayInChina } from '../calendar/dates.js';
import { unitsUnder } from '../org/api.js';
import * as org from '../org/service.js';
import { type Actor, assertCan, auditActor, can } from '../platform/access.js';
import { writeAudit } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { nowIso, parseJson } from '../platform/dialect.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../platform/errors.js';
import { readSetting, writeSetting } from '../platform/settings.js';
import { progressBoard, reviewQueue } from './catalogs.js';
import { cityReviewSetting } from './settings.js';
import { catalogsOfUnits } from './store/catalogs.js';
import { dutiesOf, findDuty, upsertDuty } from './store/duties.js';
import { itemDomains } from './store/items.js';
import { currentSnapshots } from './store/versions.js';
import { DOMAINS } from './vocabulary.js';

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
  const duties = await dutiesOf(db.k, scope.jurisdictionId);
  const units = await unitsUnder(db.k, scope.code);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const leadIds = [...new Set(duties.map((d) => d.lead_unit_id).filter((x): x is number => x !== null))];
  const catalogs = await catalogsOfUnits(db.k, leadIds, 'standard');
  const catIds = catalogs.map((c) => c.id);
  const working = await itemDomains(db.k, catIds);
  const snapshots = await currentSnapshots(db.k, catIds);
  const publishedDomains = new Map(
    [...snapshots].map(([catalogId, snapshot]) => [catalogId, new Set(snapshot.items.map((i) => i.domain))]),
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
  return readSetting(db.k, cityReviewSetting, { jurisdictionCode: code });
}

export async function setCityReview(db: Db, actor: Actor, scope: Scope, on: boolean): Promise<void> {
  assertCan(actor, 'catalog.plan', { id: 0, jurisdictionCode: scope.code });
  const before = await cityReviewRequired(db, scope.code);
  if (before === on) return;
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await writeSetting(trx, cityReviewSetting, scope.code, on);
    await writeAudit(trx, who, {
      action: 'catalog.duty',
      objectType: 'setting',
      objectId: cityReviewSetting.key,
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
  const units = await unitsUnder(db.k, scope.code, { activeOnly: true });
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
  const before = await findDuty(db.k, scope.jurisdictionId, domain!.name);
  const row = {
    lead_unit_id: lead,
    cooperating_json: JSON.stringify([...new Set(coop)]),
    due_date: due || null,
    updated_at: nowIso(),
  };
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await upsertDuty(trx, scope.jurisdictionId, domain!.name, row);
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

/** The 责任清单 page: every domain's duty and progress, whether the actor plans, and the city review setting. */
export async function dutiesOverview(db: Db, actor: Actor, scope: Scope) {
  const rows = await listDuties(db, actor, scope);
  const plan = can(actor, 'catalog.plan', { id: 0, jurisdictionCode: scope.code });
  const cityReview = await cityReviewRequired(db, scope.code);
  return { rows, plan, cityReview };
}

/** One domain's duty, for the county office to change. */
export async function dutyOf(db: Db, actor: Actor, scope: Scope, slug: string): Promise<DutyRow> {
  const row = (await listDuties(db, actor, scope)).find((d) => d.slug === slug);
  if (!row) throw new NotFoundError('该领域不存在。');
  if (!can(actor, 'catalog.plan', { id: 0, jurisdictionCode: scope.code }))
    throw new ForbiddenError('只有县政府办公室可以调整责任清单。');
  return row;
}

/** What the duty form of a domain offers: the domain and the county's active units. */
export async function dutyChoices(db: Db, actor: Actor, scope: Scope, slug: string) {
  const domain = DOMAINS.find((x) => x.slug === slug);
  if (!domain) throw new NotFoundError('该领域不存在。');
  const units = await org.listUnits(db, actor, { jurisdictionPrefix: scope.code, activeOnly: true });
  return { domain, units };
}

/** The progress board of the catalogs page: every unit, the review queue, and the leads of overdue domains. */
export async function boardOverview(db: Db, actor: Actor, scope: Scope | null) {
  const board = await progressBoard(db, actor);
  const queue = await reviewQueue(db, actor);
  const late = scope ? overdueLeads(await listDuties(db, actor, scope)) : new Set<number>();
  return { board, queue, late };
}
