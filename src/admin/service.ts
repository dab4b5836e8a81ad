import type { Db } from '../platform/db.js';
import { assertCan, reachOf, type Actor } from '../auth/policy.js';
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
  let q = db.k.selectFrom('audit_log').selectAll();
  if (!reach.all) {
    const { unitIds, jurisdictionPrefixes } = reach;
    q = q.where((eb) =>
      eb.or([
        ...(unitIds.length ? [eb('audit_log.unit_id', 'in', unitIds)] : []),
        ...jurisdictionPrefixes.flatMap((p) => [
          eb(
            'audit_log.jurisdiction_id',
            'in',
            eb.selectFrom('jurisdictions').select('id').where('code', 'like', `${p}%`),
          ),
          eb(
            'audit_log.unit_id',
            'in',
            eb
              .selectFrom('units')
              .innerJoin('jurisdictions', 'jurisdictions.id', 'units.jurisdiction_id')
              .select('units.id')
              .where('jurisdictions.code', 'like', `${p}%`),
          ),
        ]),
        // Entries tied to no unit (e.g. failed logins with unknown user names) are for system administrators.
        ...(isSystemAdmin
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
  if (f.from) q = q.where('at', '>=', cstStart(f.from));
  if (f.to) q = q.where('at', '<', new Date(Date.parse(cstStart(f.to)) + 86400_000).toISOString());
  if (f.before) q = q.where('id', '<', f.before);
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), nextBefore: rows.length > limit ? rows[limit - 1].id : undefined };
}
