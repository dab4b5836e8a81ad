/**
 * Filling a catalog from elsewhere: adopting rows of a domain's standard guideline (标准目录), or
 * picking items of the unit's other catalogs (补充目录, 面向村（居）目录).
 */
import { type Actor, auditActor } from '../platform/access.js';
import { writeAudit } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import { assertEditable, catalogAccess } from './access.js';
import { getCatalog } from './catalogs.js';
import { guidelineDomainFor } from './guidelines.js';
import { type CatalogKind, categoriesFor } from './kinds.js';
import type { CatalogItem } from './model.js';
import { addEvent, deleteDomainNote, markEdited, otherCatalogsOfUnit } from './store/catalogs.js';
import * as store from './store/items.js';

export async function adoptRows(
  db: Db,
  actor: Actor,
  catalogId: number,
  domainSlug: string,
  seqs: number[],
): Promise<number> {
  const { catalog, unit } = await catalogAccess(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  if (catalog.kind !== 'standard') throw new ValidationError({ domain: '只有政务公开事项标准目录从领域指引采用事项' });
  const domain = await guidelineDomainFor(db, unit.jurisdiction_code, domainSlug);
  if (!domain) throw new ValidationError({ domain: '未知的领域' });
  const rows = domain.rows.filter((r) => seqs.includes(r.seq));
  if (rows.length === 0) throw new ValidationError({ rows: '请至少选择一个事项' });
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    let order = await store.lastSortOrder(trx, catalogId);
    const now = nowIso();
    await store.insertItems(
      trx,
      rows.map((r) => ({
        catalog_id: catalogId,
        ...store.itemColumns(r.item),
        responsible_unit_id: unit.id,
        contact: null,
        sort_order: ++order,
        source: `guideline:${domain.slug}:${r.seq}`,
        review_comment: null,
        created_at: now,
        updated_at: now,
      })),
    );
    await deleteDomainNote(trx, catalogId, domain.name);
    await markEdited(trx, catalogId, catalog.status);
    await addEvent(trx, catalogId, 'adopt', who.name, `采用${domain.name}领域指引事项 ${rows.length} 项`);
    await writeAudit(trx, who, {
      action: 'catalog.adopt',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}采用${domain.name}领域指引事项 ${rows.length} 项`,
      after: { domain: domain.name, rows: rows.map((r) => r.seq) },
    });
    return rows.length;
  });
}

/** What the adoption page shows: the domain's guideline (as the county works from it). */
export async function adoptionForm(db: Db, actor: Actor, catalogId: number, domainSlug: string) {
  const v = await getCatalog(db, actor, catalogId);
  if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑，不能采用事项。');
  const domain = await guidelineDomainFor(db, v.unit.jurisdiction_code, domainSlug);
  if (!domain) throw new NotFoundError('该领域不存在。');
  return { catalog: v.catalog, unit: v.unit, domain };
}

/** 面向村（居）目录: pick items from the unit's other catalogs, filed under a village category. */
export async function copyItems(
  db: Db,
  actor: Actor,
  catalogId: number,
  itemIds: number[],
  category: string,
): Promise<number> {
  const { catalog, unit } = await catalogAccess(db, actor, catalogId, 'catalog.edit');
  assertEditable(catalog.status);
  if (!categoriesFor(catalog.kind as CatalogKind, unit.jurisdiction_level).includes(category))
    throw new ValidationError({ category: '请选择类别' });
  if (itemIds.length === 0) throw new ValidationError({ items: '请至少选择一个事项' });
  const others = await otherCatalogsOfUnit(db.k, unit.id, catalogId);
  const rows = await store.itemRowsIn(
    db.k,
    others.map((o) => o.id),
    itemIds,
  );
  if (rows.length !== new Set(itemIds).size) throw new ValidationError({ items: '所选事项不属于本单位的其他目录' });
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    let order = await store.lastSortOrder(trx, catalogId);
    const now = nowIso();
    await store.insertItems(
      trx,
      rows.map((r) => {
        const {
          id: _id,
          catalog_id: _c,
          sort_order: _s,
          source: _src,
          review_comment: _rc,
          created_at: _ca,
          updated_at: _ua,
          ...rest
        } = r;
        return {
          ...rest,
          domain: category,
          catalog_id: catalogId,
          sort_order: ++order,
          source: `copy:${r.id}`,
          review_comment: null,
          created_at: now,
          updated_at: now,
        };
      }),
    );
    await markEdited(trx, catalogId, catalog.status);
    await addEvent(trx, catalogId, 'copy', who.name, `从本单位目录选取 ${rows.length} 项，列入“${category}”`);
    await writeAudit(trx, who, {
      action: 'catalog.item_add',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}${'面向村（居）目录'}选取 ${rows.length} 项（${category}）`,
      after: { items: rows.map((r) => r.id), category },
    });
    return rows.length;
  });
}

/** Items of the unit's other catalogs, for picking. */
export async function pickableItems(db: Db, actor: Actor, catalogId: number): Promise<CatalogItem[]> {
  const { unit } = await catalogAccess(db, actor, catalogId, 'catalog.edit');
  const others = await otherCatalogsOfUnit(db.k, unit.id, catalogId);
  return store.itemsOfCatalogs(
    db.k,
    others.map((o) => o.id),
  );
}

/** What the picking page shows: the catalog, its categories and the items of the unit's other catalogs. */
export async function pickingForm(db: Db, actor: Actor, catalogId: number) {
  const v = await getCatalog(db, actor, catalogId);
  if (!v.rights.edit) throw new ConflictError('目录正在审核中或您无权编辑。');
  return { catalog: v.catalog, categories: v.categories, items: await pickableItems(db, actor, catalogId) };
}
