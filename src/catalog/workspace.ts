/**
 * The back office's catalog page in one read: the catalog (items, notes, versions, events, 负面清单,
 * rights), the record counts of its items, and the items whose names differ from the county's
 * 政务服务事项 list.
 */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { getCatalog } from './catalogs.js';
import { recordCounts } from './records.js';
import { alignItems, serviceItemsOf } from './services.js';

export async function catalogWorkspace(db: Db, actor: Actor, id: number) {
  const v = await getCatalog(db, actor, id);
  const counts = await recordCounts(
    db,
    v.items.map((i) => i.id),
  );
  const serviceList = await serviceItemsOf(db, v.unit.jurisdiction_code);
  const mismatches = serviceList.length ? alignItems(v.items, serviceList) : [];
  return { ...v, counts, mismatches };
}

export type CatalogWorkspace = Awaited<ReturnType<typeof catalogWorkspace>>;
