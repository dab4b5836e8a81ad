/**
 * The calendar module's read API for other modules: the clocks of many objects at once (for work
 * queues), next to the service's startClock / addClockEvent / clockOf for one object. Other
 * modules never query the `clocks` table.
 */
import type { Kysely, Transaction } from 'kysely';
import { parseJson } from '../platform/dialect.js';
import type { Database } from '../platform/schema.js';
import type { ClockEvent, ClockUnit } from './clock.js';
import { findClocks } from './store.js';

type K = Kysely<Database> | Transaction<Database>;

export interface StoredClock {
  objectId: string;
  jurisdictionId: number;
  amount: number;
  unit: ClockUnit;
  events: ClockEvent[];
  /** The due date as last computed (null while it cannot be: paused, or no calendar for the year). */
  dueDate: string | null;
  closed: boolean;
}

/** The clocks of a purpose for many objects, by object id (one query). */
export async function clocksOf(
  k: K,
  objectType: string,
  purpose: string,
  objectIds: readonly (string | number)[],
): Promise<Map<string, StoredClock>> {
  const ids = [...new Set(objectIds.map(String))];
  const out = new Map<string, StoredClock>();
  if (ids.length === 0) return out;
  const rows = await findClocks(k, objectType, purpose, ids);
  for (const r of rows)
    out.set(r.object_id, {
      objectId: r.object_id,
      jurisdictionId: r.jurisdiction_id,
      amount: r.amount,
      unit: r.unit as ClockUnit,
      events: parseJson<ClockEvent[]>(r.events_json, []),
      dueDate: r.due_date,
      closed: r.closed === 1,
    });
  return out;
}

/** The stored due date of one object's clock (undefined when it has none). */
export async function clockDue(
  k: K,
  objectType: string,
  objectId: string | number,
  purpose: string,
): Promise<string | null | undefined> {
  return (await clocksOf(k, objectType, purpose, [objectId])).get(String(objectId))?.dueDate;
}
