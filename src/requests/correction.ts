/**
 * 补正 (条例第三十条): the one-time notice within 7 working days of receipt (the 补正告知期限, read from
 * its clock), the corrected request restarting the reply period, and the request closed when no
 * correction comes in time. A request flagged 需补正 at intake may also be found clear after all.
 */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ConflictError, ValidationError } from '../platform/errors.js';
import { isIsoDate } from '../calendar/dates.js';
import { correctionNoticeDue, noticeClockOf, stopNoticeClock } from './clocks.js';
import { dateField, loadForHandling, requireState } from './common.js';
import { correctedEvent, repliedEvent } from './domain-events.js';
import { intakeItems } from './intake.js';
import { outcomeText } from './model.js';
import { requestStep, requestStepIn } from './step.js';

/** 补正告知 (条例第三十条): once only, listing what is missing and a reasonable period. */
export async function sendCorrection(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r } = loaded;
  requireState(r.status, ['processing'], '发出补正告知');
  if (r.correction_count > 0) throw new ConflictError('补正告知只能一次性发出（条例第三十条），本申请已发出过。');
  const items = String(raw.items ?? '').trim();
  if (!items) throw new ValidationError({ items: '请列明需要补正的事项' });
  const date = dateField(raw, 'date', '告知日期', r.received_on);
  const until = String(raw.until ?? '').trim();
  if (!isIsoDate(until) || until <= date) throw new ValidationError({ until: '请填写补正期限（告知日期之后的日期）' });
  return db.k.transaction().execute(async (trx) => {
    // The 补正告知期限 as its clock holds it (no calendar for the period: not flagged).
    const noticeDue = await correctionNoticeDue(trx, r);
    const late = noticeDue !== null && date > noticeDue;
    return requestStepIn(trx, actor, loaded, {
      set: { status: 'correction', correction_count: 1, correction_due: until },
      clock: { type: 'pause', date, note: '等待申请人补正' },
      also: (trx) => stopNoticeClock(trx, id, date, '已发出补正告知'),
      note: `${date} 发出补正告知，请于 ${until} 前补正：${items}${late ? '（已超过收到申请之日起 7 个工作日的告知期限）' : ''}`,
      action: 'request.correction',
      summary: `补正告知（补正期限 ${until}）${late ? '，告知逾期' : ''}`,
    });
  });
}

/**
 * The handler finds a request flagged 需补正 at intake clear enough after all (e.g. the office
 * knows the document meant): no 补正 notice, handling goes on; the 补正告知期限 clock stops.
 */
export async function clearIntake(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r } = loaded;
  requireState(r.status, ['processing'], '认定申请内容明确');
  const items = intakeItems(r);
  const notice = await noticeClockOf(db.k, id);
  if (!items.length || r.correction_count > 0 || !notice || notice.closed)
    throw new ConflictError('该申请没有待处理的补正事项。');
  const reason = String(raw.reason ?? '').trim();
  if (!reason) throw new ValidationError({ reason: '请说明认定申请内容明确、无需补正的理由' });
  const date = dateField(raw, 'date', '认定日期', r.received_on);
  return requestStep(db, actor, loaded, {
    set: {},
    note: `${date} 经审查，申请内容可以确定所需政府信息，无需补正`,
    action: 'request.intake_clear',
    summary: `认定无需补正（${reason}）`,
    audit: { reason, items: items.map((x) => x.key) },
    also: (trx) => stopNoticeClock(trx, id, date, '认定无需补正'),
  });
}

/** The corrected request arrives: the reply period starts again (条例第三十条). */
export async function receiveCorrection(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r, unit } = loaded;
  requireState(r.status, ['correction'], '登记补正');
  const date = dateField(raw, 'date', '收到补正日期', r.received_on);
  return requestStep(db, actor, loaded, {
    set: { status: 'processing' },
    clock: { type: 'restart', date, note: '收到补正后的申请' },
    note: `${date} 收到补正后的申请，答复期限重新起算`,
    action: 'request.corrected',
    summary: `收到补正（${date}）`,
    events: [correctedEvent(r.id, unit.id, date)],
  });
}

/** No correction in time: 视为放弃申请 → 其他处理 1. */
export async function closeWithoutCorrection(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r, unit } = loaded;
  requireState(r.status, ['correction'], '按逾期未补正处理');
  const date = dateField(raw, 'date', '处理日期');
  if (r.correction_due && date <= r.correction_due)
    throw new ValidationError({ date: `补正期限 ${r.correction_due} 尚未届满` });
  return requestStep(db, actor, loaded, {
    set: { status: 'replied', outcome: 'other.noCorrection', replied_on: date },
    clock: { type: 'stop', date, note: '逾期未补正，不再处理' },
    note: '申请人逾期未补正，视为放弃申请，不再处理（条例第三十条）',
    action: 'request.reply',
    summary: outcomeText('other.noCorrection'),
    events: [repliedEvent(r.id, unit.id, 'other.noCorrection', date)],
  });
}
