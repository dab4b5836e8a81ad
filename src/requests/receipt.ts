/**
 * The day of receipt (收到申请之日, 条例第三十一条), established once by the channel's rule and stored
 * with the request (`received_on`); the reply period and the 补正告知期限 run from it. Everything
 * else reads the stored date.
 */
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError, ValidationError } from '../platform/errors.js';
import { runStep } from '../platform/workflow.js';
import { type IsoDate, isIsoDate, todayInChina } from '../calendar/dates.js';
import { startCorrectionNoticeClock, startReplyClock } from './clocks.js';
import { loadRequest } from './common.js';
import { receivedEvent } from './domain-events.js';
import { incompleteNote, intakeItems } from './intake.js';
import { CHANNELS, type Channel } from './model.js';
import { applicantMessages } from './notices.js';
import { insertEvent } from './store/events.js';
import { updateRequestFrom } from './store/requests.js';

/**
 * 收到申请之日 by the channel (RECEIPT_RULES): the day of submission when handed in (当面、口头), the
 * day of signing for registered mail, the day of confirmation with the applicant otherwise (平信 on
 * the day it arrives; 网上、传真、电子邮件 when both sides confirm). `given` is the date the office
 * enters; at registration a request still to be confirmed has none (null), at confirmation an empty
 * date is today. The only place the day of receipt is established.
 */
export function receiptDate(
  channel: Channel,
  submittedOn: IsoDate,
  given: string | null,
  at: 'registration' | 'confirmation',
  today: IsoDate = todayInChina(),
): IsoDate | null {
  const rule = at === 'confirmation' ? 'confirm' : CHANNELS[channel].receipt;
  const date = at === 'confirmation' ? given || today : given;
  if (date && !isIsoDate(date)) throw new ValidationError({ received_on: '日期应为“年-月-日”格式' });
  const inRange = (d: string) => d >= submittedOn && d <= today;
  if (rule === 'submitted') return submittedOn;
  if (rule === 'signed' || rule === 'confirm_same_day') {
    if (!date)
      throw new ValidationError({
        received_on: rule === 'signed' ? '请填写签收日期' : '请填写与申请人确认的日期（应为收到信函的当日）',
      });
    if (!inRange(date)) throw new ValidationError({ received_on: '收到日期应在提交日期之后、今天之前' });
    return date;
  }
  if (!date) return null; // 双方确认之日 not reached yet
  if (!inRange(date)) throw new ValidationError({ received_on: '确认日期应在提交日期之后、今天之前' });
  return date;
}

/** Confirm receipt of an online / fax / e-mail request: the day of confirmation is the day of receipt. */
export async function confirmReceipt(
  db: Db,
  actor: Actor,
  id: number,
  raw: Record<string, unknown>,
): Promise<IsoDate | null> {
  const { r, unit } = await loadRequest(db, actor, id, 'request.handle', '您无权查看或办理该申请。');
  if (r.status !== 'awaiting_confirmation') throw new ConflictError('该申请已确认收到。');
  const date = receiptDate(
    r.channel as Channel,
    r.submitted_at.slice(0, 10),
    String(raw.received_on ?? '').trim(),
    'confirmation',
  )!;
  const who = auditActor(actor);
  const missing = intakeItems(r);
  const { due } = await runStep(db, {
    actor: who,
    change: async (trx) => {
      if (
        !(await updateRequestFrom(trx, id, r.status, { received_on: date, status: 'processing', updated_at: nowIso() }))
      )
        throw new ConflictError('该申请已确认收到。');
      const due = await startReplyClock(trx, r.jurisdiction_id, id, date, '双方确认收到申请');
      await insertEvent(trx, {
        requestId: id,
        type: 'received',
        note: `已确认收到申请。收到申请之日：${date}；答复期限：${due ?? '待载入节假日安排后计算'}`,
        actorName: who.name,
        at: nowIso(),
      });
      if (missing.length) await startCorrectionNoticeClock(trx, r.jurisdiction_id, id, date);
      return { due };
    },
    audit: {
      action: 'request.confirm',
      objectType: 'info_request',
      objectId: id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `确认收到申请 ${r.number}，收到申请之日 ${date}`,
      before: { status: r.status },
      after: { status: 'processing', received_on: date },
    },
    events: [receivedEvent(id, unit.id, date)],
    notify: ({ due }) =>
      applicantMessages(
        r,
        unit.name,
        `已确认收到，收到申请之日为 ${date}，答复期限为 ${due ?? '待载入节假日安排后计算'}${missing.length ? `。${incompleteNote(missing)}` : ''}`,
      ),
  });
  return due;
}
