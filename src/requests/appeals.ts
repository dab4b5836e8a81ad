/** 行政复议 and 行政诉讼 about a reply (年报表四, 条例第五十一条): filed, then decided. */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import { runStep } from '../platform/workflow.js';
import { dateField, loadForHandling, requireState } from './common.js';
import { APPEAL_KINDS, APPEAL_RESULTS, type AppealKind, type AppealResult } from './model.js';
import { findAppeal, insertAppeal, listAppealRows, setAppealResult } from './store/appeals.js';

export async function addAppeal(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r, unit } = await loadForHandling(db, actor, id);
  requireState(r.status, ['replied', 'delivered', 'archived'], '登记行政复议或行政诉讼（须在答复之后）');
  const kind = String(raw.kind ?? '');
  if (!(kind in APPEAL_KINDS)) throw new ValidationError({ kind: '请选择行政复议或行政诉讼的类型' });
  const filed = dateField(raw, 'filed_on', '申请复议或起诉日期', r.replied_on);
  const who = auditActor(actor);
  await runStep(db, {
    actor: who,
    change: (trx) =>
      insertAppeal(trx, {
        request_id: id,
        kind,
        filed_on: filed,
        result: null,
        decided_on: null,
        created_by: who.name,
        created_at: nowIso(),
      }),
    audit: {
      action: 'request.appeal',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：${APPEAL_KINDS[kind as AppealKind]}（${filed}）`,
    },
  });
}

export async function decideAppeal(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const { r, unit } = await loadForHandling(db, actor, id);
  const appealId = Number(raw.appeal_id);
  const a = await findAppeal(db.k, id, appealId);
  if (!a) throw new NotFoundError('该复议或诉讼记录不存在。');
  const result = String(raw.result ?? '');
  if (!(result in APPEAL_RESULTS)) throw new ValidationError({ result: '请选择结果' });
  const decided = dateField(raw, 'decided_on', '结果日期', a.filed_on);
  await runStep(db, {
    actor: auditActor(actor),
    change: (trx) => setAppealResult(trx, appealId, result, decided),
    audit: {
      action: 'request.appeal_result',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：${APPEAL_KINDS[a.kind as AppealKind]}${APPEAL_RESULTS[result as AppealResult]}（${decided}）`,
      before: { result: a.result },
      after: { result, decided_on: decided },
    },
  });
}

export async function listAppeals(db: Db, actor: Actor, id: number) {
  await loadForHandling(db, actor, id);
  return listAppealRows(db.k, id);
}
