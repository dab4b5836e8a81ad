/**
 * Review of a catalog: submission (every item complete, every 公开时限 readable or set by hand),
 * the 县政府办公室 review with per-item return comments, the optional city review, and publication
 * as a numbered version with a full snapshot.
 */
import type { Transaction } from 'kysely';
import { parseTimeLimit } from '../calendar/timelimit.js';
import type { UnitRow } from '../org/api.js';
import { type Actor, auditActor } from '../platform/access.js';
import { writeAudit } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError, ValidationError } from '../platform/errors.js';
import type { Database } from '../platform/schema.js';
import { readSetting } from '../platform/settings.js';
import { catalogAccess, itemName } from './access.js';
import { missingFields } from './guidelines.js';
import type { Snapshot } from './model.js';
import { cityReviewSetting } from './settings.js';
import * as catalogs from './store/catalogs.js';
import * as items from './store/items.js';
import { negativesOf } from './store/negatives.js';
import { insertVersion } from './store/versions.js';

export async function submit(db: Db, actor: Actor, catalogId: number, raw: Record<string, unknown>): Promise<void> {
  const { catalog, unit } = await catalogAccess(db, actor, catalogId, 'catalog.edit');
  if (!['draft', 'returned'].includes(catalog.status))
    throw new ConflictError(catalog.status === 'published' ? '目录没有修改，无需提交。' : '目录已提交，正在审核中。');
  const reason = String(raw.reason ?? '').trim();
  const list = await items.itemsInIdOrder(db.k, catalogId);
  const errors: Record<string, string> = {};
  if (list.length === 0) errors._form = '目录中还没有事项，不能提交。';
  const incomplete = list.filter((i) => missingFields(i).length > 0);
  if (incomplete.length)
    errors._form = `以下事项内容不完整，请补充后再提交：${incomplete
      .slice(0, 10)
      .map((i) => `“${itemName(i)}”缺少${missingFields(i).join('、')}`)
      .join('；')}`;
  const unread = list.filter((i) => parseTimeLimit(i.timeLimit).status === 'manual' && !i.manualRule);
  if (unread.length && !errors._form)
    errors._form = `以下事项的公开时限无法自动解析（需人工设定），请在事项中人工设定期限规则后再提交：${unread
      .slice(0, 10)
      .map((i) => `“${itemName(i)}”（${i.timeLimit}）`)
      .join('；')}`;
  const open = list.filter((i) => i.reviewComment);
  if (open.length && !errors._form)
    errors._form = `以下退回意见尚未处理：${open.map((i) => `“${itemName(i)}”`).join('、')}。修改该事项后再提交。`;
  if (catalog.current_version > 0 && !reason) errors.reason = '请说明本次修改的内容和原因';
  if (reason.length > 500) errors.reason = '说明不能超过 500 个字';
  if (Object.keys(errors).length)
    throw new ValidationError(errors, errors._form ?? '提交的内容有误，请按提示修改后重新提交。');
  const who = auditActor(actor);
  await db.k.transaction().execute(async (trx) => {
    await catalogs.updateCatalog(trx, catalogId, {
      status: 'submitted',
      submitted_at: nowIso(),
      review_comment: reason || null,
      updated_at: nowIso(),
    });
    await catalogs.addEvent(trx, catalogId, 'submit', who.name, reason || '提交审核');
    await writeAudit(trx, who, {
      action: 'catalog.submit',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${unit.name}提交目录审核（${list.length} 项）`,
      after: { items: list.length, reason },
    });
  });
}

/** 县政府办公室 review: approve, or return with comments on individual items (at least one comment). */
export async function review(
  db: Db,
  actor: Actor,
  catalogId: number,
  raw: Record<string, unknown>,
): Promise<'returned' | 'city_review' | 'published'> {
  const { catalog, unit } = await catalogAccess(db, actor, catalogId, 'catalog.review');
  if (catalog.status !== 'submitted') throw new ConflictError('该目录不在待审核状态。');
  const decision = String(raw.decision ?? '');
  const comment = String(raw.comment ?? '').trim();
  const itemComments = new Map<number, string>();
  for (const [k, v] of Object.entries(raw)) {
    const m = /^item_(\d+)$/.exec(k);
    if (m && typeof v === 'string' && v.trim()) itemComments.set(Number(m[1]), v.trim());
  }
  if (decision !== 'approve' && decision !== 'return')
    throw new ValidationError({ decision: '请选择“通过”或“退回修改”' });
  if (decision === 'return' && itemComments.size === 0 && !comment)
    throw new ValidationError({ comment: '退回时请至少填写一条意见（总体意见或对具体事项的意见）' });
  const ids = new Set(await items.itemIdsOf(db.k, catalogId));
  for (const id of itemComments.keys())
    if (!ids.has(id)) throw new ValidationError({ comment: '意见所指的事项不属于该目录' });
  const who = auditActor(actor);
  if (decision === 'return') {
    await db.k.transaction().execute(async (trx) => {
      for (const [id, text] of itemComments) await items.updateItemRow(trx, id, { review_comment: text });
      await catalogs.updateCatalog(trx, catalogId, {
        status: 'returned',
        review_comment: comment || null,
        updated_at: nowIso(),
      });
      await catalogs.addEvent(
        trx,
        catalogId,
        'return',
        who.name,
        [comment, ...[...itemComments.values()]].filter(Boolean).join('；'),
      );
      await writeAudit(trx, who, {
        action: 'catalog.return',
        objectType: 'catalog',
        objectId: catalogId,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `退回${unit.name}目录：${itemComments.size} 项意见${comment ? `；${comment}` : ''}`,
        after: { comment, items: Object.fromEntries(itemComments) },
      });
    });
    return 'returned';
  }
  const needCity = await readSetting(db.k, cityReviewSetting, { jurisdictionCode: unit.jurisdiction_code });
  return db.k.transaction().execute(async (trx) => {
    await catalogs.addEvent(trx, catalogId, 'approve', who.name, comment || '县政府办公室审核通过');
    await writeAudit(trx, who, {
      action: 'catalog.approve',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `审核通过${unit.name}目录${needCity ? '，报市级审核' : ''}`,
    });
    if (needCity) {
      await catalogs.updateCatalog(trx, catalogId, { status: 'city_review', updated_at: nowIso() });
      return 'city_review' as const;
    }
    await publish(trx, catalogId, unit, who.name, who);
    return 'published' as const;
  });
}

export async function cityReview(
  db: Db,
  actor: Actor,
  catalogId: number,
  raw: Record<string, unknown>,
): Promise<'returned' | 'published'> {
  const { catalog, unit } = await catalogAccess(db, actor, catalogId, 'catalog.cityReview');
  if (catalog.status !== 'city_review') throw new ConflictError('该目录不在待市级审核状态。');
  const decision = String(raw.decision ?? '');
  const comment = String(raw.comment ?? '').trim();
  if (decision !== 'approve' && decision !== 'return')
    throw new ValidationError({ decision: '请选择“通过”或“退回修改”' });
  if (decision === 'return' && !comment) throw new ValidationError({ comment: '退回时请填写意见' });
  const who = auditActor(actor);
  return db.k.transaction().execute(async (trx) => {
    if (decision === 'return') {
      await catalogs.updateCatalog(trx, catalogId, {
        status: 'returned',
        review_comment: comment,
        updated_at: nowIso(),
      });
      await catalogs.addEvent(trx, catalogId, 'city_return', who.name, comment);
      await writeAudit(trx, who, {
        action: 'catalog.return',
        objectType: 'catalog',
        objectId: catalogId,
        unitId: unit.id,
        jurisdictionId: unit.jurisdiction_id,
        summary: `市级审核退回${unit.name}目录：${comment}`,
      });
      return 'returned' as const;
    }
    await catalogs.addEvent(trx, catalogId, 'city_approve', who.name, comment || '市级审核通过');
    await writeAudit(trx, who, {
      action: 'catalog.city_approve',
      objectType: 'catalog',
      objectId: catalogId,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `市级审核通过${unit.name}目录`,
    });
    await publish(trx, catalogId, unit, who.name, who);
    return 'published' as const;
  });
}

/** The working copy becomes the next version: a full snapshot, 公开时限 read once. */
async function publish(
  trx: Transaction<Database>,
  catalogId: number,
  unit: UnitRow,
  approvedBy: string,
  who: { id: number | null; name: string; ip: string | null },
) {
  const c = await catalogs.findCatalog(trx, catalogId);
  if (!c) throw new ConflictError('该目录不存在。');
  const list = await items.itemsOf(trx, catalogId);
  const notes = await catalogs.domainNotes(trx, catalogId);
  const submitter = await catalogs.lastSubmitter(trx, catalogId);
  const version = c.current_version + 1;
  const negatives = await negativesOf(trx, catalogId);
  const snapshot: Snapshot = {
    unitName: unit.name,
    // The 公开时限 is read here, once, and read back by publishing (catalog/api.ts publishedItems).
    items: list.map((i) => ({ ...i, reviewComment: null, limit: parseTimeLimit(i.timeLimit) })),
    notes,
    negatives,
  };
  const now = nowIso();
  await insertVersion(trx, {
    catalog_id: catalogId,
    version,
    snapshot_json: JSON.stringify(snapshot),
    reason: c.review_comment ?? (version === 1 ? '首次发布' : '修订'),
    submitted_by: submitter ?? '—',
    approved_by: approvedBy,
    published_at: now,
  });
  await catalogs.updateCatalog(trx, catalogId, {
    status: 'published',
    current_version: version,
    review_comment: null,
    updated_at: now,
  });
  await items.clearReviewComments(trx, catalogId);
  await catalogs.addEvent(trx, catalogId, 'publish', approvedBy, `发布第 ${version} 版`);
  await writeAudit(trx, who, {
    action: 'catalog.publish',
    objectType: 'catalog',
    objectId: catalogId,
    unitId: unit.id,
    jurisdictionId: unit.jurisdiction_id,
    summary: `发布${unit.name}目录第 ${version} 版（${list.length} 项）`,
  });
}
