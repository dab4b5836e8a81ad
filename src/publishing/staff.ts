/**
 * What the back office reads of records: the list (within the actor's reach), the units an actor
 * may work for, and one record with everything its page shows and the steps the actor may take.
 */
import { type Actor, assertCan, can, reachIsEmpty, reachOf } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { parseJson } from '../platform/dialect.js';
import { ConflictError, ForbiddenError } from '../platform/errors.js';
import { type UnitRow, unitsInReach } from '../org/api.js';
import { access, type ItemChoice, itemChoices, unitRef, unitsReached, withUnitNames } from './core.js';
import { postingPeriodFor } from './deadline.js';
import { attachmentsOf, channelsOf } from './store/files.js';
import { eventsOf, versionsOf } from './store/history.js';
import { itemsOf } from './store/items.js';
import { staffRows } from './store/lists.js';
import { interpretationsOf, policySummary } from './store/records.js';

export interface StaffFilter {
  unitId?: number;
  status?: string;
  q?: string;
  kind?: string;
  page?: number;
}

export const PAGE_SIZE = 30;

export async function listForStaff(db: Db, actor: Actor, f: StaffFilter = {}) {
  const units = await unitsReached(db.k, actor, 'record.view');
  const page = Math.max(1, f.page ?? 1);
  const rows = await withUnitNames(
    db.k,
    await staffRows(db.k, units, {
      unitId: f.unitId,
      status: f.status,
      q: f.q,
      kind: f.kind,
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    }),
  );
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE, page };
}

/** Active units the actor may perform a publishing action for (unit pickers and filters). */
export async function unitsFor(db: Db, actor: Actor, action: 'record.view' | 'record.edit'): Promise<UnitRow[]> {
  const reach = reachOf(actor, action);
  if (reachIsEmpty(reach)) return [];
  return unitsInReach(db.k, reach, { activeOnly: true });
}

export async function getForStaff(db: Db, actor: Actor, id: number) {
  const { record, unit } = await access(db.k, actor, id, 'record.view');
  const [items, files, channels, events, versions, interpretations] = await Promise.all([
    itemsOf(db.k, id),
    attachmentsOf(db.k, id),
    channelsOf(db.k, id),
    eventsOf(db.k, id),
    versionsOf(db.k, id),
    interpretationsOf(db.k, id),
  ]);
  const policy = record.policy_id ? await policySummary(db.k, record.policy_id) : undefined;
  const ref = unitRef(unit);
  const open = ['draft', 'returned'].includes(record.status);
  const rights = {
    edit:
      can(actor, 'record.edit', ref) &&
      (open || (record.status === 'published' && record.pending_status !== 'submitted')),
    submit:
      can(actor, 'record.edit', ref) &&
      (open || (record.status === 'published' && ['draft', 'returned'].includes(record.pending_status ?? ''))),
    review:
      can(actor, 'record.review', ref) && (record.status === 'submitted' || record.pending_status === 'submitted'),
    publish: can(actor, 'record.publish', ref) && ['approved', 'scheduled'].includes(record.status),
    withdraw: can(actor, 'record.withdraw', ref) && record.status === 'published',
    assess: can(actor, 'record.assess', ref) && record.status === 'filed' && record.attribute === 'withheld',
    channel: can(actor, 'record.publish', ref) && record.status === 'published',
    delete: can(actor, 'record.edit', ref) && open && !record.published_at,
    interpret: can(actor, 'record.edit', ref) && record.kind === 'info' && record.status !== 'withdrawn',
  };
  // The 公示 period the record's catalog items ask for (its end is fixed at publication).
  const choices = items.length ? await itemChoices(db.k, unit.id) : [];
  const posting = postingPeriodFor(choices.filter((c) => items.some((i) => i.catalog_item_id === c.id)));
  const pending = record.pending_json
    ? parseJson<{ raw: Record<string, unknown> }>(record.pending_json, { raw: {} }).raw
    : null;
  return { record, unit, items, files, channels, events, versions, interpretations, policy, rights, pending, posting };
}

/** The records page: the list, the units to filter by and to draft for, and whether the settings are the actor's. */
export async function recordsOverview(db: Db, actor: Actor, f: StaffFilter, countyCode: string) {
  const [list, units, editable] = await Promise.all([
    listForStaff(db, actor, f),
    unitsFor(db, actor, 'record.view'),
    unitsFor(db, actor, 'record.edit'),
  ]);
  return {
    list,
    units,
    editable,
    canSettings: can(actor, 'record.settings', { id: -1, jurisdictionCode: countyCode }),
  };
}

export interface NewRecordForm {
  /** The units the actor may draft for. */
  editable: UnitRow[];
  /** The unit drafted for (null: the actor chooses one first). */
  unit: UnitRow | null;
  /** The policy a 政策解读 is drafted for. */
  policy: { id: number; title: string } | null;
  items: ItemChoice[];
}

/** What the form of a new record needs: the unit (or the units to choose from), the policy of a 解读, the items. */
export async function newRecordForm(
  db: Db,
  actor: Actor,
  opts: { unitId: number | null; policyId: number | null },
): Promise<NewRecordForm> {
  let policy: { id: number; title: string } | null = null;
  let unitId = opts.unitId;
  if (opts.policyId) {
    const p = await getForStaff(db, actor, opts.policyId);
    policy = { id: p.record.id, title: p.record.title };
    unitId = p.unit.id;
  }
  const editable = await unitsFor(db, actor, 'record.edit');
  if (!unitId) {
    if (!editable.length) assertCan(actor, 'record.edit', undefined, '您无权起草信息。');
    return { editable, unit: null, policy, items: [] };
  }
  const unit = editable.find((u) => u.id === unitId);
  if (!unit) throw new ForbiddenError('您无权为该单位起草信息。');
  return { editable, unit, policy, items: await itemChoices(db.k, unitId) };
}

/** What the form of an existing record needs, once the actor may edit it now. */
export async function editRecordForm(db: Db, actor: Actor, id: number) {
  const v = await getForStaff(db, actor, id);
  if (!can(actor, 'record.edit', unitRef(v.unit))) throw new ForbiddenError('您无权修改该单位的信息。');
  if (!v.rights.edit)
    throw new ConflictError(
      v.record.status === 'published'
        ? '该信息的变更正在审查中，审查完成前不能修改。'
        : '该信息正在审查或等待发布，不能修改；如需修改，请审核人先退回。',
    );
  return { ...v, choices: await itemChoices(db.k, v.unit.id) };
}
