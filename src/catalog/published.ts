/**
 * Published catalogs as the portal shows them: the current version of each catalog of a county,
 * any version of one catalog, the items of one domain across the county, and what changed between
 * two versions. The portal only ever shows versions, never the working copy.
 */
import { unitsUnder } from '../org/api.js';
import type { Db } from '../platform/db.js';
import { NotFoundError } from '../platform/errors.js';
import { loadCatalog } from './access.js';
import type { CatalogItemData, Snapshot } from './model.js';
import { publishedCatalogsOfUnits } from './store/catalogs.js';
import { recordCounts } from './store/records.js';
import { currentStandardSnapshots, findVersion, readSnapshot, versionsOf } from './store/versions.js';

/** Published catalogs of a county for the portal (current versions only), in unit order. */
export async function publishedCatalogs(db: Db, countyCode: string) {
  const units = await unitsUnder(db.k, countyCode, { activeOnly: true });
  const byId = new Map(units.map((u, n) => [u.id, { unit: u, n }]));
  const rows = await publishedCatalogsOfUnits(db.k, [...byId.keys()]);
  return rows
    .map((c) => {
      const { unit, n } = byId.get(c.unit_id)!;
      return {
        row: {
          id: c.id,
          kind: c.kind,
          current_version: c.current_version,
          updated_at: c.updated_at,
          unit_name: unit.name,
          unit_id: unit.id,
          unit_kind: unit.kind,
        },
        n,
      };
    })
    .sort((a, b) => a.n - b.n)
    .map((x) => x.row);
}

/** A published version of a catalog of the county (the current one by default), with the version history. */
export async function publishedVersion(db: Db, countyCode: string, catalogId: number, version?: number) {
  const { catalog, unit } = await loadCatalog(db.k, catalogId);
  if (!unit.jurisdiction_code.startsWith(countyCode) || catalog.current_version === 0 || unit.active !== 1)
    throw new NotFoundError('该目录尚未发布。');
  const v = version ?? catalog.current_version;
  const row = await findVersion(db.k, catalogId, v);
  if (!row) throw new NotFoundError('该版本不存在。');
  const versions = (await versionsOf(db.k, catalogId)).map((x) => ({
    version: x.version,
    reason: x.reason,
    published_at: x.published_at,
    approved_by: x.approved_by,
  }));
  return {
    catalog,
    unit,
    version: row.version,
    publishedAt: row.published_at,
    reason: row.reason,
    snapshot: readSnapshot(row.snapshot_json, unit.name),
    versions,
  };
}

/** The published items of one domain across a county's units (portal domain pages). */
export async function publishedDomainItems(db: Db, countyCode: string, domain: string) {
  const units = await unitsUnder(db.k, countyCode, { activeOnly: true });
  const order = new Map(units.map((u, n) => [u.id, n]));
  const names = new Map(units.map((u) => [u.id, u.name]));
  const rows = await currentStandardSnapshots(db.k, [...order.keys()]);
  return rows
    .sort((a, b) => order.get(a.unitId)! - order.get(b.unitId)!)
    .map((r) => ({
      catalogId: r.catalogId,
      unitName: names.get(r.unitId)!,
      items: r.snapshot.items.filter((i) => i.domain === domain),
    }))
    .filter((r) => r.items.length > 0);
}

export interface ItemDiff {
  kind: 'added' | 'removed' | 'changed';
  label: string;
  fields: { field: string; before: string; after: string }[];
}

const FIELD_LABELS: [keyof CatalogItemData, string][] = [
  ['domain', '所属领域'],
  ['level1', '一级事项'],
  ['level2', '二级事项'],
  ['level3', '三级事项'],
  ['elements', '公开内容（要素）'],
  ['basis', '公开依据'],
  ['timeLimit', '公开时限'],
  ['subject', '公开主体'],
  ['channels', '公开渠道和载体'],
  ['extraChannels', '其他渠道'],
  ['audiencePublic', '公开对象：全社会'],
  ['audienceSpecific', '公开对象：特定群体'],
  ['specificGroup', '特定群体'],
  ['modeProactive', '公开方式：主动'],
  ['modeOnRequest', '公开方式：依申请'],
  ['tiers', '公开层级'],
];

const show = (v: unknown): string =>
  Array.isArray(v) ? v.join('、') : typeof v === 'boolean' ? (v ? '√' : '—') : v == null || v === '' ? '—' : String(v);
const itemLabel = (i: CatalogItemData) =>
  `${i.domain}：${i.level1}${i.level2 ? ` / ${i.level2}` : ''}${i.level3 ? ` / ${i.level3}` : ''}`;

/** Differences between two published versions, item by item (items keep their id across versions). */
export function diffSnapshots(a: Snapshot, b: Snapshot): ItemDiff[] {
  const before = new Map(a.items.map((i) => [i.id, i]));
  const after = new Map(b.items.map((i) => [i.id, i]));
  const out: ItemDiff[] = [];
  for (const i of b.items) {
    const old = before.get(i.id);
    if (!old) {
      out.push({ kind: 'added', label: itemLabel(i), fields: [] });
      continue;
    }
    const fields = FIELD_LABELS.filter(([k]) => JSON.stringify(old[k]) !== JSON.stringify(i[k])).map(([k, label]) => ({
      field: label,
      before: show(old[k]),
      after: show(i[k]),
    }));
    if (fields.length) out.push({ kind: 'changed', label: itemLabel(i), fields });
  }
  for (const i of a.items) if (!after.has(i.id)) out.push({ kind: 'removed', label: itemLabel(i), fields: [] });
  const negA = new Map((a.negatives ?? []).map((n) => [n.id, n]));
  const negB = new Map((b.negatives ?? []).map((n) => [n.id, n]));
  for (const n of b.negatives ?? [])
    if (!negA.has(n.id)) out.push({ kind: 'added', label: `负面清单：${n.name}`, fields: [] });
  for (const n of a.negatives ?? [])
    if (!negB.has(n.id)) out.push({ kind: 'removed', label: `负面清单：${n.name}`, fields: [] });
  return out;
}

/** Two published versions of a catalog and what changed between them (portal version comparison). */
export async function compareVersions(db: Db, countyCode: string, catalogId: number, from: number, to: number) {
  const a = await publishedVersion(db, countyCode, catalogId, from || -1);
  const b = await publishedVersion(db, countyCode, catalogId, to || -1);
  return { a, b, diff: diffSnapshots(a.snapshot, b.snapshot) };
}

/** A published version for the portal's catalog page, with its items' record counts when it is the current one. */
export async function publishedCatalogPage(db: Db, countyCode: string, catalogId: number, version?: number) {
  const p = await publishedVersion(db, countyCode, catalogId, version);
  const counts =
    p.version === p.catalog.current_version
      ? await recordCounts(
          db.k,
          p.snapshot.items.map((i) => i.id),
        )
      : new Map<number, number>();
  return { ...p, counts };
}

export type PublishedCatalogPage = Awaited<ReturnType<typeof publishedCatalogPage>>;
