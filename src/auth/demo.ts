/** The accounts of the fictional 示范县 (the auth module's part of the demo data; see org/seed.ts). */
import * as org from '../org/api.js';
import { DEMO } from '../org/seed.js';
import { type Role, systemActor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { bootstrapUser } from './users.js';

export async function seedDemoAccounts(db: Db, by = '系统（示范数据）'): Promise<void> {
  const units = new Map((await org.unitsUnder(db.k, DEMO.county.code)).map((u) => [u.name, u.id]));
  for (const a of DEMO.accounts) {
    const unitId = units.get(a.unit);
    if (!unitId) throw new Error(`示范数据中没有单位“${a.unit}”`);
    await bootstrapUser(
      db,
      {
        username: a.username,
        displayName: a.displayName,
        password: DEMO.password,
        grants: [{ role: a.role as Role, unitId }],
        mustChange: false,
      },
      systemActor(by),
    );
  }
}
