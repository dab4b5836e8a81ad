/**
 * The outbox of domain events ("record published", "request replied"). A module emits an event in
 * the same transaction as the change it reports, so an event exists exactly when its change does.
 * Consumers are declared by modules (`events` in the module object):
 *
 * - `inline` handlers run inside the emitting transaction — for what must never lag behind the
 *   change, such as the search index;
 * - `async` handlers run after commit, from the outbox job, in event order and at least once;
 *   each consumer keeps its own position (`outbox_cursors`), so a new consumer (subscriptions,
 *   supervision counters) can start from the events that exist when it is added.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Logger } from 'pino';
import type { Db } from './db.js';
import { nowIso, parseJson } from './dialect.js';
import type { Job } from './module.js';
import type { Database, OutboxEventTable } from './schema.js';

type K = Kysely<Database> | Transaction<Database>;

export interface DomainEvent {
  /** 'record.published', 'request.replied', … (the emitting module's name first). */
  type: string;
  /** What the event is about, e.g. 'info_record' and its id. */
  subjectType: string;
  subjectId: string | number;
  payload?: Record<string, unknown>;
}

export interface StoredEvent extends Required<DomainEvent> {
  id: number;
  createdAt: string;
}

export interface EventHandler {
  mode: 'inline' | 'async';
  /** Inline handlers get the emitting transaction; async ones the database. */
  handle(k: K, event: StoredEvent): Promise<void>;
}

interface Subscription {
  consumer: string;
  type: string;
  handler: EventHandler;
}

const subscriptions: Subscription[] = [];

/** Register a consumer's handler of one event type (the composition does this for every module). */
export function subscribe(consumer: string, type: string, handler: EventHandler): void {
  if (subscriptions.some((s) => s.consumer === consumer && s.type === type)) return;
  subscriptions.push({ consumer, type, handler });
}

/** Append an event inside the caller's transaction and run the inline handlers there. */
export async function emit(k: K, event: DomainEvent): Promise<void> {
  const createdAt = nowIso();
  const payload = event.payload ?? {};
  const row = await k
    .insertInto('outbox_events')
    .values({
      type: event.type,
      subject_type: event.subjectType,
      subject_id: String(event.subjectId),
      payload_json: JSON.stringify(payload),
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const stored: StoredEvent = { ...event, subjectId: String(event.subjectId), payload, id: row.id, createdAt };
  for (const s of subscriptions)
    if (s.type === event.type && s.handler.mode === 'inline') await s.handler.handle(k, stored);
}

/** Events of a subject, oldest first (for process traces). */
export async function eventsOf(k: K, subjectType: string, subjectId: string | number): Promise<StoredEvent[]> {
  const rows = await k
    .selectFrom('outbox_events')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', String(subjectId))
    .orderBy('id')
    .execute();
  return rows.map(toStored);
}

const toStored = (r: Selectable<OutboxEventTable>): StoredEvent => ({
  id: Number(r.id),
  type: r.type,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  payload: parseJson<Record<string, unknown>>(r.payload_json, {}),
  createdAt: r.created_at,
});

/**
 * Deliver pending events to the async consumers: for each consumer, the events after its cursor,
 * in order, `limit` at a time. A handler that fails stops that consumer at the failed event (it is
 * retried on the next run); the others go on. Runs under the jobs' lease, so one server at a time.
 */
export async function deliverEvents(db: Db, logger: Logger, limit = 200): Promise<number> {
  const consumers = [...new Set(subscriptions.filter((s) => s.handler.mode === 'async').map((s) => s.consumer))];
  let delivered = 0;
  for (const consumer of consumers) {
    const mine = subscriptions.filter((s) => s.consumer === consumer && s.handler.mode === 'async');
    const cursor = await db.k
      .selectFrom('outbox_cursors')
      .select('last_id')
      .where('consumer', '=', consumer)
      .executeTakeFirst();
    let last = cursor ? Number(cursor.last_id) : 0;
    const rows = await db.k
      .selectFrom('outbox_events')
      .selectAll()
      .where('id', '>', last)
      .where(
        'type',
        'in',
        mine.map((s) => s.type),
      )
      .orderBy('id')
      .limit(limit)
      .execute();
    for (const r of rows) {
      const event = toStored(r);
      try {
        for (const s of mine) if (s.type === event.type) await s.handler.handle(db.k, event);
      } catch (e) {
        logger.warn({ consumer, event: event.id, err: (e as Error).message }, 'event handler failed; retried later');
        break;
      }
      last = event.id;
      delivered++;
    }
    if (rows.length) await setCursor(db.k, consumer, last);
  }
  return delivered;
}

async function setCursor(k: K, consumer: string, last: number): Promise<void> {
  await k
    .insertInto('outbox_cursors')
    .values({ consumer, last_id: last, updated_at: nowIso() })
    .onConflict((oc) => oc.column('consumer').doUpdateSet({ last_id: last, updated_at: nowIso() }))
    .execute();
}

/** Delivers domain events to the async consumers every 5 seconds. */
export const deliverEventsJob: Job = {
  name: 'outbox.deliver',
  label: '分发领域事件',
  everyMs: 5_000,
  async run(ctx) {
    const n = await deliverEvents(ctx.db, ctx.logger);
    return n ? `已分发 ${n} 个事件` : undefined;
  },
};
