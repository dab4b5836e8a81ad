import type { Db } from '../platform/db.js';
import { nowIso, flag } from '../platform/dialect.js';
import { writeAudit, changedFields } from '../platform/audit.js';
import { NotFoundError, ValidationError, ForbiddenError } from '../platform/errors.js';
import { parseInput } from '../platform/validation.js';
import { assertCan, auditActor, can, reachOf, type Actor, type Action } from '../platform/access.js';
import * as store from './store.js';
import { unitSchema, officeSchema, type OfficeInput } from './schema.js';
import {
  UNIT_KIND_LABELS,
  UNIT_KIND_LEVELS,
  LEVEL_LABELS,
  OFFICE_FIELDS,
  type JurisdictionLevel,
  type UnitKind,
} from './model.js';

export type { UnitRow, JurisdictionRow } from './store.js';

const unitRef = (u: store.UnitRow) => ({ id: u.id, jurisdictionCode: u.jurisdiction_code });

export async function listUnits(db: Db, actor: Actor, filter: store.UnitFilter = {}): Promise<store.UnitRow[]> {
  assertCan(actor, 'unit.view');
  return store.listUnits(db.k, reachOf(actor, 'unit.view'), filter);
}

export async function getUnit(db: Db, actor: Actor, id: number, action: Action = 'unit.view'): Promise<store.UnitRow> {
  const unit = await store.findUnit(db.k, id);
  if (!unit) throw new NotFoundError('该单位不存在。');
  assertCan(actor, action, unitRef(unit), '您无权查看或修改该单位的数据。');
  return unit;
}

/** Jurisdictions the actor may place units in (for the unit form). */
export async function listJurisdictionsFor(
  db: Db,
  actor: Actor,
  action: Action = 'unit.create',
): Promise<store.JurisdictionRow[]> {
  const reach = reachOf(actor, action);
  return store.listJurisdictions(db.k, reach.all ? 'all' : reach.jurisdictionPrefixes);
}

/** What the unit form offers: jurisdictions to place the unit in and its possible parents (none for the office-only form). */
export async function unitFormChoices(
  db: Db,
  actor: Actor,
  opts: { id?: number; officeOnly?: boolean } = {},
): Promise<{ jurisdictions: store.JurisdictionRow[]; parents: store.UnitRow[] }> {
  if (opts.officeOnly) return { jurisdictions: [], parents: [] };
  const jurisdictions = await listJurisdictionsFor(db, actor, opts.id === undefined ? 'unit.create' : 'unit.update');
  const parents = (await listUnits(db, actor)).filter((u) => u.id !== opts.id);
  return { jurisdictions, parents };
}

async function checkPlacement(
  db: Db,
  actor: Actor,
  action: Action,
  input: { kind: UnitKind; jurisdiction_id: number; parent_id: number | null },
  selfId?: number,
) {
  const j = await store.findJurisdiction(db.k, input.jurisdiction_id);
  if (!j) throw new ValidationError({ jurisdiction_id: '所选行政区不存在' });
  if (!can(actor, action, { id: selfId ?? 0, jurisdictionCode: j.code })) {
    throw new ValidationError({ jurisdiction_id: '您无权在该行政区管理单位' });
  }
  const levels = UNIT_KIND_LEVELS[input.kind];
  if (!levels.includes(j.level as JurisdictionLevel)) {
    throw new ValidationError({
      kind: `“${UNIT_KIND_LABELS[input.kind]}”应属于${levels.map((l) => LEVEL_LABELS[l]).join('或')}行政区，而“${j.name}”是${LEVEL_LABELS[j.level as JurisdictionLevel] ?? j.level}行政区`,
    });
  }
  if (input.parent_id !== null) {
    if (input.parent_id === selfId) throw new ValidationError({ parent_id: '上级单位不能是本单位' });
    const parent = await store.findUnit(db.k, input.parent_id);
    if (!parent || !j.code.startsWith(parent.jurisdiction_code)) {
      throw new ValidationError({ parent_id: '上级单位须在同一行政区或其上级行政区内' });
    }
  }
  return j;
}

export async function createUnit(db: Db, actor: Actor, raw: unknown): Promise<number> {
  assertCan(actor, 'unit.create');
  const input = parseInput(unitSchema, raw);
  const j = await checkPlacement(db, actor, 'unit.create', input);
  if (await store.findUnitByName(db.k, j.id, input.name)) {
    throw new ValidationError({ name: `${j.name}已有名为“${input.name}”的单位` });
  }
  const now = nowIso();
  return db.k.transaction().execute(async (trx) => {
    const row = {
      ...input,
      active: flag(input.active),
      receives_requests: flag(input.receives_requests),
      created_at: now,
      updated_at: now,
    };
    const id = await store.insertUnit(trx, row);
    await writeAudit(trx, auditActor(actor), {
      action: 'unit.create',
      objectType: 'unit',
      objectId: id,
      unitId: id,
      jurisdictionId: j.id,
      summary: `新建单位“${input.name}”`,
      after: { ...input },
    });
    return id;
  });
}

export async function updateUnit(db: Db, actor: Actor, id: number, raw: unknown): Promise<void> {
  const unit = await getUnit(db, actor, id, 'unit.update');
  const input = parseInput(unitSchema, raw);
  const j = await checkPlacement(db, actor, 'unit.update', input, id);
  const other = await store.findUnitByName(db.k, j.id, input.name);
  if (other && other.id !== id) throw new ValidationError({ name: `${j.name}已有名为“${input.name}”的单位` });
  const patch = { ...input, active: flag(input.active), receives_requests: flag(input.receives_requests) };
  const diff = changedFields(unit as unknown as Record<string, unknown>, patch);
  if (Object.keys(diff.after).length === 0) return;
  await db.k.transaction().execute(async (trx) => {
    await store.updateUnit(trx, id, { ...patch, updated_at: nowIso() });
    await writeAudit(trx, auditActor(actor), {
      action: 'unit.update',
      objectType: 'unit',
      objectId: id,
      unitId: id,
      jurisdictionId: j.id,
      summary: `修改单位“${input.name}”`,
      ...diff,
    });
  });
}

/** Update only the 政府信息公开工作机构 record (a unit's own editor may do this). */
export async function updateUnitOffice(db: Db, actor: Actor, id: number, raw: unknown): Promise<void> {
  const unit = await getUnit(db, actor, id, 'unit.updateOffice');
  const input: OfficeInput = parseInput(officeSchema, raw);
  const diff = changedFields(unit as unknown as Record<string, unknown>, input);
  if (Object.keys(diff.after).length === 0) return;
  await db.k.transaction().execute(async (trx) => {
    await store.updateUnit(trx, id, { ...input, updated_at: nowIso() });
    await writeAudit(trx, auditActor(actor), {
      action: 'unit.update_office',
      objectType: 'unit',
      objectId: id,
      unitId: id,
      jurisdictionId: unit.jurisdiction_id,
      summary: `修改“${unit.name}”的政府信息公开工作机构信息`,
      ...diff,
    });
  });
}

export function canEditUnit(actor: Actor, unit: store.UnitRow): { full: boolean; office: boolean } {
  return { full: can(actor, 'unit.update', unitRef(unit)), office: can(actor, 'unit.updateOffice', unitRef(unit)) };
}

// ---- public (no account) -------------------------------------------------------------------

/** Active units of a county with their public office records, for the portal's 指南 page. */
export async function publicUnits(db: Db, countyCode: string): Promise<store.UnitRow[]> {
  return store.listUnits(db.k, { all: true }, { jurisdictionPrefix: countyCode, activeOnly: true });
}

export async function publicUnit(db: Db, countyCode: string, id: number): Promise<store.UnitRow> {
  const u = await store.findUnit(db.k, id);
  if (u?.active !== 1 || !u.jurisdiction_code.startsWith(countyCode)) throw new NotFoundError('该单位不存在。');
  return u;
}

export function hasOfficeRecord(u: store.UnitRow): boolean {
  return OFFICE_FIELDS.some(([k]) => Boolean(u[k]));
}

export { ForbiddenError };
