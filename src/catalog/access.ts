/** The catalog a request is about, with its unit, after the access check; shared by the services. */
import type { Kysely, Transaction } from 'kysely';
import { countyOf, type UnitRow, unitById } from '../org/api.js';
import { type Action, type Actor, assertCan } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ConflictError, NotFoundError } from '../platform/errors.js';
import type { Database } from '../platform/schema.js';
import { findCatalog } from './store/catalogs.js';

type K = Kysely<Database> | Transaction<Database>;

/** A unit as the access rules see it. */
export const unitRef = (u: UnitRow) => ({ id: u.id, jurisdictionCode: u.jurisdiction_code });

/** An item's name in messages: 一级事项 / 二级事项. */
export const itemName = (i: { level1: string; level2: string | null }) =>
  `${i.level1}${i.level2 ? ` / ${i.level2}` : ''}`;

export async function loadCatalog(k: K, id: number) {
  const catalog = await findCatalog(k, id);
  if (!catalog) throw new NotFoundError('该目录不存在。');
  const unit = await unitById(k, catalog.unit_id);
  if (!unit) throw new NotFoundError('该目录所属单位不存在。');
  return { catalog, unit };
}

/** Load a catalog and check that the actor may perform `action` on its unit. */
export async function catalogAccess(db: Db, actor: Actor, id: number, action: Action) {
  const x = await loadCatalog(db.k, id);
  assertCan(actor, action, unitRef(x.unit), '您无权查看或处理该单位的目录。');
  return x;
}

export function assertEditable(status: string) {
  if (status === 'submitted' || status === 'city_review')
    throw new ConflictError('目录正在审核中，审核完成（通过或退回）前不能修改。');
}

/** The code of the county (县级) a unit belongs to (org's countyOf). */
export async function countyCodeOf(k: K, unit: UnitRow): Promise<string> {
  return (await countyOf(k, unit.jurisdiction_id))?.code ?? unit.jurisdiction_code;
}
