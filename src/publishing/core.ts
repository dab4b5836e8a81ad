/**
 * What every publishing service shares: a record loaded with its unit and the access check, the
 * county of a unit (org's countyOf), the unit filter of an actor's reach, the catalog items a unit
 * can publish against, the settings of a county, and the domain events of a record.
 */
import type { Kysely, Transaction } from 'kysely';
import { type Action, type Actor, assertCan, reachOf } from '../platform/access.js';
import { NotFoundError, ValidationError } from '../platform/errors.js';
import type { DomainEvent } from '../platform/outbox.js';
import type { Database } from '../platform/schema.js';
import { readSetting, type SettingDef } from '../platform/settings.js';
import { type PublishedItem, publishedItems } from '../catalog/api.js';
import { countyOf, type UnitRow, unitById, unitIdsInReach, unitsByIds } from '../org/api.js';
import { type Attribute, PUBLIC_ATTRIBUTES } from './model.js';
import { findRecord, type RecordRow } from './store/records.js';

export type K = Kysely<Database> | Transaction<Database>;
export type { RecordRow, UnitRow };

export const unitRef = (u: UnitRow) => ({ id: u.id, jurisdictionCode: u.jurisdiction_code });

export const isPublic = (attribute: string) => PUBLIC_ATTRIBUTES.includes(attribute as Attribute);

/** The code of the county (县级) a unit belongs to (org/api.ts countyOf). */
export async function countyCodeOf(k: K, unit: UnitRow): Promise<string> {
  const county = await countyOf(k, unit.jurisdiction_id);
  if (!county) throw new NotFoundError('该单位不存在。');
  return county.code;
}

/** A setting of publishing as it applies in a county. */
export const countySetting = <T>(k: K, def: SettingDef<T>, countyCode: string): Promise<T> =>
  readSetting(k, def, { jurisdictionCode: countyCode });

export async function loadRecord(k: K, id: number): Promise<{ record: RecordRow; unit: UnitRow }> {
  const record = await findRecord(k, id);
  if (!record) throw new NotFoundError('该信息不存在。');
  const unit = await unitById(k, record.unit_id);
  if (!unit) throw new NotFoundError('该信息不存在。');
  return { record, unit };
}

/** A record and its unit, once the actor may perform `action` for the unit. */
export async function access(k: K, actor: Actor, id: number, action: Action) {
  const found = await loadRecord(k, id);
  assertCan(actor, action, unitRef(found.unit), '您无权处理该单位的信息。');
  return found;
}

/** The ids of the units whose records an actor may see for an action ('all' for no limit). */
export const unitsReached = (k: K, actor: Actor, action: Action) => unitIdsInReach(k, reachOf(actor, action));

/** Rows with a `unit_id`, each with the name of its unit (one query for all of them). */
export async function withUnitNames<R extends { unit_id: number }>(
  k: K,
  rows: R[],
): Promise<(R & { unit_name: string })[]> {
  const units = await unitsByIds(
    k,
    rows.map((r) => r.unit_id),
  );
  return rows.map((r) => ({ ...r, unit_name: units.get(r.unit_id)?.name ?? '' }));
}

/** A catalog item a record can be published against (catalog/api.ts: read from the published versions). */
export type ItemChoice = PublishedItem;

/** The items of the unit's published catalogs (标准目录, 补充目录, 面向村（居）目录). */
export const itemChoices = (k: K, unitId: number): Promise<ItemChoice[]> => publishedItems(k, unitId);

export async function resolveItems(k: K, unitId: number, ids: number[]): Promise<ItemChoice[]> {
  if (!ids.length) return [];
  const choices = await itemChoices(k, unitId);
  const picked = ids.map((id) => choices.find((c) => c.id === id));
  if (picked.some((p) => !p))
    throw new ValidationError({ item_ids: '所选目录事项不在本单位已发布的目录中，请重新选择' });
  return [...new Map((picked as ItemChoice[]).map((p) => [p.id, p])).values()];
}

/** A domain event about a record (consumed by the search index, see index.ts). */
export const recordEvent = (
  type: 'record.published' | 'record.withdrawn',
  recordId: number,
  payload: Record<string, unknown>,
): DomainEvent => ({ type, subjectType: 'info_record', subjectId: recordId, payload });
