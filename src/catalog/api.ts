/**
 * The catalog module's read API for other modules: the items of a unit's published catalogs, as
 * their current versions fixed them — with each item's 公开时限 read once, when the version was
 * published (stored in the snapshot; see publishVersion and migration 0013).
 */
import type { Kysely, Transaction } from 'kysely';
import type { ParsedTimeLimit } from '../calendar/timelimit.js';
import type { Database } from '../platform/schema.js';
import { publishedSnapshots } from './store/versions.js';
import type { ManualRule } from './model.js';

type K = Kysely<Database> | Transaction<Database>;

export interface PublishedItem {
  id: number;
  domain: string;
  /** 一级—二级—三级事项 */
  label: string;
  /** The 公开时限 as written in the catalog. */
  timeLimit: string;
  /** The same, as read when the version was published. */
  limit: ParsedTimeLimit;
  manualRule: ManualRule | null;
  /** standard | supplementary | village */
  catalogKind: string;
}

export const itemLabel = (i: { level1: string; level2: string | null; level3: string | null }) =>
  [i.level1, i.level2, i.level3].filter(Boolean).join('—');

/** The items of the unit's published catalogs (标准目录, 补充目录, 面向村（居）目录), in catalog order. */
export async function publishedItems(k: K, unitId: number): Promise<PublishedItem[]> {
  const snapshots = await publishedSnapshots(k, unitId);
  return snapshots.flatMap((s) =>
    s.snapshot.items.map((i) => ({
      id: i.id,
      domain: i.domain,
      label: itemLabel(i),
      timeLimit: i.timeLimit,
      limit: i.limit,
      manualRule: (i.manualRule ?? null) as ManualRule | null,
      catalogKind: s.kind,
    })),
  );
}
