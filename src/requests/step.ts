/**
 * A handling step of a request on the platform's workflow step (platform/workflow.ts): the step's
 * own rows, the reply clock's event, the state change (only from the state the step was checked
 * against), the public note, then — written by the platform in the same transaction — the audit
 * entry, the domain events and the applicant's notification.
 */
import type { Transaction } from 'kysely';
import { type Actor, auditActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { nowIso } from '../platform/dialect.js';
import { ConflictError } from '../platform/errors.js';
import type { DomainEvent } from '../platform/outbox.js';
import type { Database } from '../platform/schema.js';
import { runStepIn } from '../platform/workflow.js';
import type { ClockEvent } from '../calendar/clock.js';
import type { IsoDate } from '../calendar/dates.js';
import { replyClockEvent } from './clocks.js';
import type { Loaded } from './common.js';
import { applicantMessages } from './notices.js';
import { insertEvent } from './store/events.js';
import { type RequestPatch, updateRequestFrom } from './store/requests.js';

/** Steps the applicant is told about (补正, 延期, 答复, 收费, 转办). */
const NOTIFY_APPLICANT = new Set([
  'request.correction',
  'request.extend',
  'request.reply',
  'request.fee',
  'request.transfer',
]);

export interface RequestStep {
  /** The change of the request's row (status and the step's fields). */
  set: RequestPatch;
  /** An event of the reply clock; its new due date is added to the note. */
  clock?: ClockEvent;
  /** The public note (办理过程), also the text of the applicant's notification. */
  note: string;
  /** The audit action, also the type of the public event. */
  action: string;
  summary: string;
  /** The step's own rows first (a consultation, a side clock): a refusal there leaves nothing written. Returns more of the note. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a step may or may not add to the note
  also?: (trx: Transaction<Database>) => Promise<string | void>;
  /** More of the audit entry's `after` (beside the changed fields). */
  audit?: Record<string, unknown>;
  /** The audit entry's `after` instead of the changed fields. */
  after?: Record<string, unknown>;
  /** Domain events of the step (platform/outbox.ts). */
  events?: DomainEvent[];
}

/** Run a step in its own transaction: returns the reply clock's due date after it (null when none). */
export function requestStep(db: Db, actor: Actor, loaded: Loaded, s: RequestStep): Promise<IsoDate | null> {
  return db.k.transaction().execute((trx) => requestStepIn(trx, actor, loaded, s));
}

/** Run a step inside a transaction the caller holds (when it read or wrote something first). */
export async function requestStepIn(
  trx: Transaction<Database>,
  actor: Actor,
  { r, unit }: Loaded,
  s: RequestStep,
): Promise<IsoDate | null> {
  const who = auditActor(actor);
  const done = await runStepIn(trx, {
    actor: who,
    change: async (trx) => {
      const more = s.also ? ((await s.also(trx)) ?? '') : '';
      const due = s.clock ? await replyClockEvent(trx, r.id, s.clock) : undefined;
      if (!(await updateRequestFrom(trx, r.id, r.status, { ...s.set, updated_at: nowIso() })))
        throw new ConflictError('该申请刚被他人办理，请刷新页面后重试。');
      const dueNote =
        more +
        (s.clock && s.clock.type !== 'stop'
          ? due
            ? `；答复期限：${due}`
            : due === undefined
              ? '；答复期限待载入节假日安排后计算'
              : ''
          : '');
      const note = s.note + dueNote;
      await insertEvent(trx, { requestId: r.id, type: s.action, note, actorName: who.name, at: nowIso() });
      return { due: due ?? null, note };
    },
    audit: {
      action: s.action,
      objectType: 'info_request',
      objectId: r.id,
      unitId: unit.id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `${r.number}：${s.summary}`,
      before: { status: r.status },
      after: s.after ?? { ...s.set, ...s.audit },
    },
    events: s.events,
    notify: ({ note }) => (NOTIFY_APPLICANT.has(s.action) ? applicantMessages(r, unit.name, note) : []),
  });
  return done.due;
}
