/**
 * The handlers' work queue: the newest requests of the units in reach, with where each clock stands
 * today. The requests come from the store, their clocks from the calendar in one batch per purpose,
 * the unit names from org in one batch; they are merged here.
 */
import { type Actor, assertCan, reachOf } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { jurisdictionById, unitIdsInReach, unitsByIds } from '../org/api.js';
import { clocksOf, type StoredClock } from '../calendar/api.js';
import { type ClockStatus, clockStatus, computeClock } from '../calendar/clock.js';
import { type IsoDate, todayInChina } from '../calendar/dates.js';
import { calendarFor, rulesFor } from '../calendar/service.js';
import { noticeClocksOf, replyClocksOf } from './clocks.js';
import { mask } from './common.js';
import { awaitsCorrectionNotice, CONSULTATION_PURPOSE } from './model.js';
import { openConsultationsOf } from './store/consultations.js';
import { latestRequests } from './store/requests.js';

/** How many requests the queue shows (the newest). */
const QUEUE_LIMIT = 500;

export interface QueueRow {
  id: number;
  number: string;
  unitName: string;
  name: string;
  channel: string;
  status: string;
  receivedOn: string | null;
  due: string | null;
  clock: ClockStatus | null;
  /** 需补正: the 补正 items found at intake while the one notice is not yet out. */
  needsCorrection: boolean;
  /** 补正告知期限 (条例第三十条) and where it stands. */
  correctionNoticeDue: string | null;
  correctionNoticeClock: ClockStatus | null;
  /** The earliest due date of the open consultations, and whether one has passed (条例第三十二条、第三十四条). */
  consultationDue: string | null;
  consultationLapsed: boolean;
}

const MATCH: Record<string, (r: QueueRow) => boolean> = {
  new: (r) => r.status === 'awaiting_confirmation',
  correction: (r) => r.status === 'correction',
  needs_correction: (r) => r.needsCorrection,
  consultation_lapsed: (r) => r.consultationLapsed,
  consultation: (r) => r.status === 'consultation',
  review: (r) => r.status === 'review',
  due_soon: (r) => r.clock?.state === 'due_soon',
  overdue: (r) => r.clock?.state === 'overdue',
  open: (r) => !['replied', 'delivered', 'archived'].includes(r.status),
};

/** The work queue: requests of the units in reach, with where each clock stands today. */
export async function queue(
  db: Db,
  actor: Actor,
  filter: { state?: string } = {},
  today: IsoDate = todayInChina(),
): Promise<QueueRow[]> {
  assertCan(actor, 'request.view');
  const k = db.k;
  const rows = await latestRequests(k, await unitIdsInReach(k, reachOf(actor, 'request.view')), QUEUE_LIMIT);
  const ids = rows.map((r) => r.id);
  const [units, reply, notice, open] = await Promise.all([
    unitsByIds(
      k,
      rows.map((r) => r.unit_id),
    ),
    replyClocksOf(k, ids),
    noticeClocksOf(k, ids),
    openConsultationsOf(k, ids),
  ]);
  // Open consultations of the listed requests with each consultee's due date.
  const consultationClocks = await clocksOf(
    k,
    'info_request_consultation',
    CONSULTATION_PURPOSE,
    open.map((c) => c.id),
  );
  const cals = new Map<
    number,
    { cal: Awaited<ReturnType<typeof calendarFor>>; rules: Awaited<ReturnType<typeof rulesFor>> }
  >();
  const statusOf = async (jurisdictionId: number, clock: StoredClock | undefined) => {
    if (!clock) return null;
    if (!cals.has(jurisdictionId)) {
      const code = (await jurisdictionById(k, jurisdictionId))!.code;
      cals.set(jurisdictionId, { cal: await calendarFor(k, code), rules: await rulesFor(k, code) });
    }
    const { cal, rules } = cals.get(jurisdictionId)!;
    try {
      return clockStatus(
        cal,
        computeClock(cal, { amount: clock.amount, unit: 'workday' }, clock.events, rules),
        today,
        rules,
      );
    } catch {
      return null;
    }
  };
  const out: QueueRow[] = [];
  for (const r of rows) {
    const replyClock = reply.get(String(r.id));
    const noticeClock = notice.get(String(r.id));
    const status = await statusOf(r.jurisdiction_id, replyClock);
    const needsCorrection = awaitsCorrectionNotice(r, !!noticeClock && !noticeClock.closed);
    const noticeStatus = needsCorrection ? await statusOf(r.jurisdiction_id, noticeClock) : null;
    const known = open
      .filter((c) => c.request_id === r.id)
      .map((c) => consultationClocks.get(String(c.id))?.dueDate)
      .filter((d): d is string => !!d)
      .sort();
    out.push({
      id: r.id,
      number: r.number,
      unitName: units.get(r.unit_id)?.name ?? '',
      name: mask(r.name, 1)!,
      channel: r.channel,
      status: r.status,
      receivedOn: r.received_on,
      due: replyClock?.dueDate ?? null,
      clock: status,
      needsCorrection,
      correctionNoticeDue: needsCorrection ? (noticeClock?.dueDate ?? null) : null,
      correctionNoticeClock: noticeStatus,
      consultationDue: known[0] ?? null,
      consultationLapsed: known.some((d) => d < today),
    });
  }
  const m = filter.state ? MATCH[filter.state] : undefined;
  return m ? out.filter(m) : out;
}
