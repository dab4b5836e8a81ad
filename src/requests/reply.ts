/**
 * 答复 (条例第三十六条): the handler's 拟办意见, the unit reviewer's 审核 (including 保密审查, 条例第十七条)
 * when the county requires it, and the reply with exactly one result row of table 3; the clock stops.
 */
import type { Actor } from '../platform/access.js';
import { auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ValidationError } from '../platform/errors.js';
import { readSetting } from '../platform/settings.js';
import { todayInChina } from '../calendar/dates.js';
import { dateField, loadForHandling, loadRequest, placeOf, requireState } from './common.js';
import { repliedEvent } from './domain-events.js';
import { type Outcome, OUTCOMES, outcomeText } from './model.js';
import { REQUIRE_REVIEW } from './settings.js';
import { requestStep } from './step.js';

const pickOutcome = (raw: Record<string, unknown>): Outcome => {
  const outcome = String(raw.outcome ?? '') as Outcome;
  if (!(outcome in OUTCOMES) || outcome === 'other.noCorrection')
    throw new ValidationError({ outcome: '请选择答复结果' });
  return outcome;
};

/** 拟办意见: the handler proposes the reply for the reviewer's 审核 (including 保密审查). */
export async function propose(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  requireState(loaded.r.status, ['processing'], '提出拟办意见（征求意见中的申请请先结束征求意见）');
  const outcome = pickOutcome(raw);
  const note = String(raw.note ?? '')
    .trim()
    .slice(0, 2000);
  return requestStep(db, actor, loaded, {
    set: { status: 'review', proposed_outcome: outcome },
    note: `${todayInChina()} 提出拟办意见，报单位审核（含保密审查）`,
    action: 'request.propose',
    summary: `拟办意见：${outcomeText(outcome)}${note ? `（${note}）` : ''}`,
  });
}

/** 审核 by the unit's reviewer: approve (after 保密审查) or return with a comment. */
export async function review(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadRequest(db, actor, id, 'request.review', '只有受理机关的单位审核人员可以审核拟办意见。');
  const { r } = loaded;
  requireState(r.status, ['review'], '审核');
  const decision = String(raw.decision ?? '');
  const comment = String(raw.comment ?? '').trim();
  if (decision !== 'approve' && decision !== 'return') throw new ValidationError({ decision: '请选择审核结论' });
  if (decision === 'approve' && raw.secrecy !== '1' && raw.secrecy !== 'on')
    throw new ValidationError({ secrecy: '请确认已对拟公开的信息进行保密审查（条例第十七条）' });
  if (decision === 'return' && !comment) throw new ValidationError({ comment: '退回时请填写审核意见' });
  await requestStep(db, actor, loaded, {
    set: { status: decision === 'approve' ? 'approved' : 'processing', reviewed_by: auditActor(actor).name },
    note: `${todayInChina()} ${decision === 'approve' ? '拟办意见经审核（含保密审查）通过' : '拟办意见经审核退回重新办理'}`,
    action: 'request.review',
    summary: `审核${decision === 'approve' ? '通过' : '退回'}拟办意见（${outcomeText(r.proposed_outcome ?? '')}）${comment ? `：${comment}` : ''}`,
    after: { decision, comment },
  });
}

/** 答复: exactly one result row of table 3 — the one approved at 审核 when review is required; the clock stops. */
export async function reply(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r, unit } = loaded;
  const needReview = await readSetting(db.k, REQUIRE_REVIEW, await placeOf(db.k, r));
  requireState(
    r.status,
    needReview ? ['approved'] : ['processing', 'approved'],
    needReview ? '答复（须先提出拟办意见并经单位审核通过）' : '答复（征求意见中的申请请先结束征求意见）',
  );
  const outcome = r.status === 'approved' && !raw.outcome ? (r.proposed_outcome as Outcome) : pickOutcome(raw);
  if (r.status === 'approved' && outcome !== r.proposed_outcome)
    throw new ValidationError({
      outcome: `答复结果应与审核通过的拟办意见一致（${outcomeText(r.proposed_outcome ?? '')}）`,
    });
  const date = dateField(raw, 'date', '答复日期', r.received_on);
  return requestStep(db, actor, loaded, {
    set: { status: 'replied', outcome, replied_on: date },
    clock: { type: 'stop', date, note: '已答复' },
    note: `${date} 已作出答复：${outcomeText(outcome)}`,
    action: 'request.reply',
    summary: outcomeText(outcome),
    events: [repliedEvent(r.id, unit.id, outcome, date)],
  });
}
