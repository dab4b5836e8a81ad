/**
 * A unit's catalogs: created on first use, read with everything the catalog page shows, the
 * 未涉及领域 declarations, and the progress board of the units an actor sees.
 */
import { type UnitRow, unitById, unitsInReach } from '../org/api.js';
import { type Actor, assertCan, auditActor, can, reachOf } from '../platform/access.js';
import { writeAudit } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { assertEditable, catalogAccess, unitRef } from './access.js';
import { type CatalogKind, categoriesFor } from './kinds.js';
import * as catalogs from './store/catalogs.js';
import { hasItemInDomain, itemCounts, itemsOf } from './store/items.js';
import { negativesOf } from './store/negatives.js';
import { versionsOf } from './store/versions.js';
import { DOMAINS } from './vocabulary.js';

/** The catalog of a unit, created (empty, in draft) the first time an editor opens it. */
export async function catalogForUnit(
  db: Db,
  actor: Actor,
  unitId: number,
  kind: CatalogKind = 'standard',
): Promise<number> {
  const unit = await unitById(db.k, unitId);
  if (!unit) throw new NotFoundError('该单位不存在。');
  assertCan(actor, 'catalog.view', unitRef(unit), '您无权查看该单位的目录。');
  const found = await catalogs.findCatalogId(db.k, unitId, kind);
  if (found) return found;
  const created = await catalogs.insertCatalog(db.k, unitId, kind);
  if (created) return created;
  const again = await catalogs.findCatalogId(db.k, unitId, kind);
  if (again === undefined) throw new NotFoundError('该目录不存在。');
  return again;
}

export async function getCatalog(db: Db, actor: Actor, id: number) {
  const { catalog, unit } = await catalogAccess(db, actor, id, 'catalog.view');
  const items = await itemsOf(db.k, id);
  const notes = await catalogs.domainNotes(db.k, id);
  const versions = await versionsOf(db.k, id);
  const events = await catalogs.recentEvents(db.k, id);
  const negatives = await negativesOf(db.k, id);
  const ref = unitRef(unit);
  return {
    catalog,
    unit,
    items,
    notes,
    versions,
    events,
    negatives,
    categories: categoriesFor(catalog.kind as CatalogKind, unit.jurisdiction_level),
    rights: {
      edit: can(actor, 'catalog.edit', ref) && ['draft', 'returned', 'published'].includes(catalog.status),
      review: can(actor, 'catalog.review', ref) && catalog.status === 'submitted',
      cityReview: can(actor, 'catalog.cityReview', ref) && catalog.status === 'city_review',
    },
  };
}

/** 未涉及领域事项说明: declare (or, with an empty reason, withdraw) that a domain does not apply. */
export async function setDomainNote(
  db: Db,
  actor: Actor,
  catalogId: number,
  domainSlug: string,
  reason: string,
): Promise<void> {
  const { catalog, unit } = await catalogAccess(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  const domain = DOMAINS.find((d) => d.slug === domainSlug);
  if (!domain) throw new ValidationError({ domain: '未知的领域' });
  const text = reason.trim();
  if (text.length > 500) throw new ValidationError({ reason: '说明不能超过 500 个字' });
  const has = await hasItemInDomain(db.k, catalogId, domain.name);
  if (text && has) throw new ValidationError({ reason: `本目录已有${domain.name}领域的事项，不能同时声明未涉及` });
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await catalogs.deleteDomainNote(trx, catalogId, domain.name);
    if (text) await catalogs.insertDomainNote(trx, catalogId, domain.name, text);
    await catalogs.markEdited(trx, catalogId, catalog.status);
    await catalogs.addEvent(
      trx,
      catalogId,
      'domain_note',
      who.name,
      text ? `声明未涉及${domain.name}领域：${text}` : `撤销${domain.name}领域未涉及说明`,
    );
    await writeAudit(trx, who, {
      action: 'catalog.domain_note',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: text ? `${unit.name}声明未涉及${domain.name}领域` : `${unit.name}撤销${domain.name}领域未涉及说明`,
      after: { domain: domain.name, reason: text },
    });
  });
}

export interface BoardRow {
  unit: UnitRow;
  catalogId: number | null;
  status: string;
  version: number;
  items: number;
  updatedAt: string | null;
}

/** Where the standard catalog of every unit the actor sees stands. */
export async function progressBoard(db: Db, actor: Actor): Promise<BoardRow[]> {
  assertCan(actor, 'catalog.view');
  const units = await unitsInReach(db.k, reachOf(actor, 'catalog.view'), { activeOnly: true });
  const cats = await catalogs.catalogsOfUnits(
    db.k,
    units.map((u) => u.id),
    'standard',
  );
  const n = await itemCounts(
    db.k,
    cats.map((c) => c.id),
  );
  const byUnit = new Map(cats.map((c) => [c.unit_id, c]));
  return units.map((u) => {
    const c = byUnit.get(u.id);
    return {
      unit: u,
      catalogId: c?.id ?? null,
      status: c ? c.status : 'not_started',
      version: c?.current_version ?? 0,
      items: c ? (n.get(c.id) ?? 0) : 0,
      updatedAt: c?.updated_at ?? null,
    };
  });
}

/** The catalogs waiting for this actor's review (county or city). */
export async function reviewQueue(db: Db, actor: Actor): Promise<BoardRow[]> {
  const board = await progressBoard(db, actor);
  return board.filter(
    (r) =>
      (r.status === 'submitted' && can(actor, 'catalog.review', unitRef(r.unit))) ||
      (r.status === 'city_review' && can(actor, 'catalog.cityReview', unitRef(r.unit))),
  );
}
