/**
 * The statutory clocks of a request, kept by the calendar module: the reply period (20 working days
 * from the day of receipt, 条例第三十三条) and the 补正告知期限 (7 working days from the day of
 * receipt, 条例第三十条). Each period is computed when its clock starts and stored with it; everyone
 * else reads the stored due date back.
 */
import type { Kysely, Transaction } from 'kysely';
import { ValidationError } from '../platform/errors.js';
import type { Database } from '../platform/schema.js';
import { clocksOf, type StoredClock } from '../calendar/api.js';
import { CalendarMissingError } from '../calendar/calendar.js';
import { ClockError, type ClockEvent } from '../calendar/clock.js';
import type { IsoDate } from '../calendar/dates.js';
import { addClockEvent, clockOf, startClock } from '../calendar/service.js';
import {
  CORRECTION_NOTICE_PURPOSE,
  CORRECTION_NOTICE_WORKING_DAYS,
  REPLY_PURPOSE,
  REPLY_WORKING_DAYS,
} from './model.js';
import type { RequestRow } from './store/requests.js';

type K = Kysely<Database> | Transaction<Database>;

/** Start the reply clock on the day of receipt; its due date, or null while it cannot be computed. */
export async function startReplyClock(
  k: K,
  jurisdictionId: number,
  requestId: number,
  receivedOn: IsoDate,
  note: string,
): Promise<IsoDate | null> {
  const res = await startClock(
    k,
    {
      jurisdictionId,
      objectType: 'info_request',
      objectId: requestId,
      purpose: REPLY_PURPOSE,
      spec: { amount: REPLY_WORKING_DAYS, unit: 'workday' },
      events: [{ type: 'start', date: receivedOn, note }],
    },
    { allowUncomputable: true },
  );
  return res?.due ?? null;
}

/** The reply clock of a request with where it stands (undefined without one or without a calendar). */
export const replyClockOf = (k: K, requestId: number, today?: IsoDate) =>
  clockOf(k, 'info_request', requestId, REPLY_PURPOSE, today).catch(() => undefined);

/** The reply clock as stored (events and the last computed due date). */
export async function storedReplyClock(k: K, requestId: number): Promise<StoredClock | undefined> {
  return (await clocksOf(k, 'info_request', REPLY_PURPOSE, [requestId])).get(String(requestId));
}

/**
 * Add an event to the reply clock: the new due date, null while paused, undefined when it cannot be
 * computed for want of a calendar. A refused event (e.g. extended beyond 20 working days) is a
 * validation error of the form.
 */
export async function replyClockEvent(k: K, requestId: number, event: ClockEvent): Promise<IsoDate | null | undefined> {
  try {
    const res = await addClockEvent(k, 'info_request', requestId, REPLY_PURPOSE, event);
    return res ? res.due : undefined;
  } catch (e) {
    if (e instanceof ClockError) throw new ValidationError({ _form: e.message }, `${e.message}。`);
    if (e instanceof CalendarMissingError) throw new ValidationError({ _form: e.message }, e.message);
    throw e;
  }
}

/**
 * Start the clock of the one-time 补正告知 (收到申请之日起 7 个工作日内, 条例第三十条): the one place
 * where the 补正告知期限 is computed. It stops when the notice goes out or the handler finds the
 * contents clear after all. Returns the due date (null while it cannot be computed).
 */
export async function startCorrectionNoticeClock(
  k: K,
  jurisdictionId: number,
  requestId: number,
  receivedOn: IsoDate,
): Promise<IsoDate | null> {
  const res = await startClock(
    k,
    {
      jurisdictionId,
      objectType: 'info_request',
      objectId: requestId,
      purpose: CORRECTION_NOTICE_PURPOSE,
      spec: { amount: CORRECTION_NOTICE_WORKING_DAYS, unit: 'workday' },
      events: [{ type: 'start', date: receivedOn, note: '收到内容需补正的申请' }],
    },
    { allowUncomputable: true },
  );
  return res?.due ?? null;
}

/** The 补正告知期限 clock of a request as stored (undefined when it has none). */
export async function noticeClockOf(k: K, requestId: number): Promise<StoredClock | undefined> {
  return (await clocksOf(k, 'info_request', CORRECTION_NOTICE_PURPOSE, [requestId])).get(String(requestId));
}

/** The notice clocks of many requests at once, by request id (for the queue). */
export const noticeClocksOf = (k: K, requestIds: readonly number[]) =>
  clocksOf(k, 'info_request', CORRECTION_NOTICE_PURPOSE, requestIds);

/** The reply clocks of many requests at once, by request id (for the queue). */
export const replyClocksOf = (k: K, requestIds: readonly number[]) =>
  clocksOf(k, 'info_request', REPLY_PURPOSE, requestIds);

/** The notice clock with where it stands (undefined without one or without a calendar). */
export const noticeClockStatusOf = (k: K, requestId: number) =>
  clockOf(k, 'info_request', requestId, CORRECTION_NOTICE_PURPOSE).catch(() => undefined);

/**
 * The 补正告知期限 of a received request, read from its clock. A request found complete at intake
 * has none until a 补正 notice goes out after all: then the clock is started now, from the day of
 * receipt (the period of 条例第三十条 applies to every 补正 notice), and read back.
 */
export async function correctionNoticeDue(
  trx: Transaction<Database>,
  r: Pick<RequestRow, 'id' | 'jurisdiction_id' | 'received_on'>,
): Promise<IsoDate | null> {
  const c = await noticeClockOf(trx, r.id);
  if (c) return c.dueDate;
  if (!r.received_on) return null;
  return startCorrectionNoticeClock(trx, r.jurisdiction_id, r.id, r.received_on);
}

/** Stop the 补正告知期限 clock of a request, if it runs. */
export async function stopNoticeClock(k: K, requestId: number, date: IsoDate, note: string): Promise<void> {
  const c = await noticeClockOf(k, requestId);
  if (c && !c.closed)
    await addClockEvent(k, 'info_request', requestId, CORRECTION_NOTICE_PURPOSE, { type: 'stop', date, note });
}
