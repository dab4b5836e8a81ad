/** The audit log page's reading: who may see which entries (the log itself is platform/audit.ts). */
import * as org from '../org/api.js';
import { listUnits } from '../org/service.js';
import { type Actor, assertCan, reachOf } from '../platform/access.js';
import { queryAudit } from '../platform/audit.js';
import type { Db } from '../platform/db.js';
import { ValidationError } from '../platform/errors.js';

export interface AuditFilter {
  actor?: string;
  unitId?: number;
  action?: string;
  objectType?: string;
  objectId?: string;
  /** Inclusive dates 'YYYY-MM-DD' in China Standard Time. */
  from?: string;
  to?: string;
  /** Keyset pagination: entries with id below this. */
  before?: number;
  limit?: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Midnight of a CST calendar date as a UTC ISO instant. */
const cstStart = (d: string) => new Date(Date.parse(`${d}T00:00:00+08:00`)).toISOString();

export async function listAudit(db: Db, actor: Actor, f: AuditFilter) {
  assertCan(actor, 'audit.view');
  const errors: Record<string, string> = {};
  if (f.from && !DATE.test(f.from)) errors.from = '日期格式应为 年-月-日';
  if (f.to && !DATE.test(f.to)) errors.to = '日期格式应为 年-月-日';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  const reach = reachOf(actor, 'audit.view');
  const isSystemAdmin = actor.kind === 'system' || actor.grants.some((g) => g.role === 'system_admin');
  let scope: Parameters<typeof queryAudit>[1]['scope'] = 'all';
  if (!reach.all) {
    const inReach = await org.unitIdsInReach(db.k, reach);
    scope = {
      unitIds: inReach === 'all' ? [] : inReach,
      jurisdictionIds: await org.jurisdictionIdsUnder(db.k, reach.jurisdictionPrefixes),
      // Entries tied to no unit (e.g. failed logins with unknown user names) are for system administrators.
      unattached: isSystemAdmin,
    };
  }
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const rows = await queryAudit(db.k, {
    actor: f.actor,
    unitId: f.unitId,
    action: f.action,
    objectType: f.objectType,
    objectId: f.objectId,
    fromAt: f.from ? cstStart(f.from) : undefined,
    toAt: f.to ? new Date(Date.parse(cstStart(f.to)) + 86400_000).toISOString() : undefined,
    before: f.before,
    limit,
    scope,
  });
  return { rows: rows.slice(0, limit), nextBefore: rows.length > limit ? rows[limit - 1].id : undefined };
}

/**
 * The audit log page: the entries (none, with one message per field, when the filter's dates are
 * wrong) and the units to filter by.
 */
export async function auditLog(db: Db, actor: Actor, f: AuditFilter) {
  let result: Awaited<ReturnType<typeof listAudit>> = { rows: [], nextBefore: undefined };
  let errors: Record<string, string> | undefined;
  try {
    result = await listAudit(db, actor, f);
  } catch (err) {
    if (!(err instanceof ValidationError)) throw err;
    errors = err.fieldErrors;
  }
  const units = await listUnits(db, actor);
  return { ...result, errors, units };
}

export type AuditLog = Awaited<ReturnType<typeof auditLog>>;
