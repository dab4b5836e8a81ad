/** A user's grants: role rows of the auth module with their units' names and jurisdictions from org. */
import type { Kysely, Transaction } from 'kysely';
import * as org from '../org/api.js';
import type { Grant, Role } from '../platform/access.js';
import type { Database } from '../platform/schema.js';
import * as store from './store.js';

type K = Kysely<Database> | Transaction<Database>;

/** The grants of some users, by user id (two queries whatever the number of users). */
export async function grantsOf(k: K, userIds: number[]): Promise<Map<number, Grant[]>> {
  const out = new Map<number, Grant[]>();
  const rows = await store.roleRowsOf(k, userIds);
  if (rows.length === 0) return out;
  const units = await org.unitsByIds(
    k,
    rows.map((r) => r.unit_id),
  );
  for (const r of rows) {
    const u = units.get(r.unit_id);
    if (!u) continue;
    const list = out.get(r.user_id) ?? [];
    list.push({
      role: r.role as Role,
      unitId: r.unit_id,
      unitName: u.name,
      jurisdictionId: u.jurisdiction_id,
      jurisdictionCode: u.jurisdiction_code,
      jurisdictionName: u.jurisdiction_name,
    });
    out.set(r.user_id, list);
  }
  return out;
}
