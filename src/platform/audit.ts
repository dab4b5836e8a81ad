import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';
import { nowIso } from './dialect.js';

/** Who did it, as the audit log records it. */
export interface AuditActor {
  id: number | null;
  name: string;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  objectType: string;
  objectId?: string | number | null;
  unitId?: number | null;
  jurisdictionId?: number | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/**
 * Append one entry. Call it inside the same transaction as the change it records, so that a
 * change is never written without its audit entry (and vice versa).
 */
export async function writeAudit(
  k: Kysely<Database> | Transaction<Database>,
  actor: AuditActor,
  e: AuditEntry,
): Promise<void> {
  await k
    .insertInto('audit_log')
    .values({
      at: nowIso(),
      actor_id: actor.id,
      actor_name: actor.name,
      unit_id: e.unitId ?? null,
      jurisdiction_id: e.jurisdictionId ?? null,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId == null ? null : String(e.objectId),
      summary: e.summary,
      before_json: json(e.before),
      after_json: json(e.after),
      ip: actor.ip,
    })
    .execute();
}

/** The fields that differ between two snapshots (for compact before/after records). */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] !== undefined && before[key] !== after[key]) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

export interface AuditQuery {
  actor?: string;
  unitId?: number;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** ISO instants: from (inclusive) and to (exclusive). */
  fromAt?: string;
  toAt?: string;
  /** Keyset pagination: entries with id below this. */
  before?: number;
  limit: number;
  /**
   * Whose entries: those of these units or jurisdictions, plus (for system administrators) the
   * entries tied to neither; 'all' for no restriction.
   */
  scope: 'all' | { unitIds: number[]; jurisdictionIds: number[]; unattached: boolean };
}

/** Audit entries, newest first (one more than the limit is fetched to tell whether more exist). */
export async function queryAudit(k: Kysely<Database>, f: AuditQuery) {
  let q = k.selectFrom('audit_log').selectAll();
  const scope = f.scope;
  if (scope !== 'all') {
    q = q.where((eb) =>
      eb.or([
        ...(scope.unitIds.length ? [eb('audit_log.unit_id', 'in', scope.unitIds)] : []),
        ...(scope.jurisdictionIds.length ? [eb('audit_log.jurisdiction_id', 'in', scope.jurisdictionIds)] : []),
        ...(scope.unattached
          ? [eb.and([eb('audit_log.unit_id', 'is', null), eb('audit_log.jurisdiction_id', 'is', null)])]
          : []),
        eb.lit(false),
      ]),
    );
  }
  if (f.actor) q = q.where('actor_name', 'like', `%${f.actor.replace(/[%_]/g, '')}%`);
  if (f.unitId) q = q.where('unit_id', '=', f.unitId);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.objectType) q = q.where('object_type', '=', f.objectType);
  if (f.objectId) q = q.where('object_id', '=', f.objectId);
  if (f.fromAt) q = q.where('at', '>=', f.fromAt);
  if (f.toAt) q = q.where('at', '<', f.toAt);
  if (f.before) q = q.where('id', '<', f.before);
  return q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
