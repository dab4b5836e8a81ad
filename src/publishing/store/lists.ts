/**
 * The back office's lists of records: the staff list, the 公开时限 board, the 不予公开 re-assessment
 * queue and the policies missing their 解读. Each is limited to the units an actor reaches (`units`,
 * the ids from org's api, or 'all'); an empty list of units has no rows, and no query is made.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;
export type Units = readonly number[] | 'all';

export interface StaffQuery {
  unitId?: number;
  status?: string;
  q?: string;
  kind?: string;
  offset: number;
  limit: number;
}

/** The staff list, most recently changed first. */
export async function staffRows(k: K, units: Units, f: StaffQuery) {
  if (units !== 'all' && units.length === 0) return [];
  let q = k
    .selectFrom('info_records')
    .select([
      'info_records.id',
      'info_records.title',
      'info_records.index_no',
      'info_records.status',
      'info_records.pending_status',
      'info_records.attribute',
      'info_records.kind',
      'info_records.due_on',
      'info_records.published_on',
      'info_records.updated_at',
      'info_records.unit_id',
    ]);
  if (units !== 'all') q = q.where('info_records.unit_id', 'in', [...units]);
  if (f.unitId) q = q.where('info_records.unit_id', '=', f.unitId);
  if (f.status === 'changing') q = q.where('info_records.pending_status', 'is not', null);
  else if (f.status) q = q.where('info_records.status', '=', f.status);
  if (f.kind) q = q.where('info_records.kind', '=', f.kind);
  if (f.q)
    q = q.where((eb) => eb.or([eb('info_records.title', 'like', `%${f.q}%`), eb('info_records.index_no', '=', f.q!)]));
  return q
    .orderBy('info_records.updated_at', 'desc')
    .orderBy('info_records.id', 'desc')
    .limit(f.limit)
    .offset(f.offset)
    .execute();
}

export interface BoardQuery {
  countyCode: string;
  unitId?: number;
  today: string;
  soon: string;
  openStatuses: readonly string[];
}

/** The 公开时限 board: open records past due, open records due by `soon`, and late publications. */
export async function boardRows(k: K, units: Units, f: BoardQuery) {
  if (units !== 'all' && units.length === 0) return { overdue: [], atRisk: [], late: [] };
  const base = () => {
    let q = k
      .selectFrom('info_records')
      .select([
        'info_records.id',
        'info_records.title',
        'info_records.status',
        'info_records.due_on',
        'info_records.formed_on',
        'info_records.published_on',
        'info_records.due_note',
        'info_records.unit_id',
      ])
      .where('info_records.county_code', '=', f.countyCode);
    if (units !== 'all') q = q.where('info_records.unit_id', 'in', [...units]);
    if (f.unitId) q = q.where('info_records.unit_id', '=', f.unitId);
    return q;
  };
  const open = [...f.openStatuses];
  const [overdue, atRisk, late] = await Promise.all([
    base()
      .where('info_records.status', 'in', open)
      .where('info_records.due_on', '<', f.today)
      .orderBy('info_records.due_on')
      .limit(500)
      .execute(),
    base()
      .where('info_records.status', 'in', open)
      .where('info_records.due_on', '>=', f.today)
      .where('info_records.due_on', '<=', f.soon)
      .orderBy('info_records.due_on')
      .limit(500)
      .execute(),
    base()
      .where('info_records.status', '=', 'published')
      .whereRef('info_records.published_on', '>', 'info_records.due_on')
      .orderBy('info_records.published_on', 'desc')
      .limit(100)
      .execute(),
  ]);
  return { overdue, atRisk, late };
}

/** 不予公开 records of a county not assessed since `cutoff` (or never). */
export async function assessmentRows(k: K, units: Units, countyCode: string, cutoff: string) {
  if (units !== 'all' && units.length === 0) return [];
  let q = k
    .selectFrom('info_records')
    .select([
      'info_records.id',
      'info_records.title',
      'info_records.attribute_reason',
      'info_records.assessed_on',
      'info_records.reviewed_at',
      'info_records.unit_id',
    ])
    .where('info_records.county_code', '=', countyCode)
    .where('info_records.status', '=', 'filed')
    .where('info_records.attribute', '=', 'withheld')
    .where((eb) => eb.or([eb('info_records.assessed_on', 'is', null), eb('info_records.assessed_on', '<=', cutoff)]));
  if (units !== 'all') q = q.where('info_records.unit_id', 'in', [...units]);
  return q.orderBy('info_records.assessed_on').limit(500).execute();
}

/** Published policies of a county that need a 解读 and have none published. */
export async function missingInterpretationRows(k: K, units: Units, countyCode: string) {
  if (units !== 'all' && units.length === 0) return [];
  let q = k
    .selectFrom('info_records')
    .select(['info_records.id', 'info_records.title', 'info_records.published_on', 'info_records.unit_id'])
    .where('info_records.county_code', '=', countyCode)
    .where('info_records.kind', '=', 'info')
    .where('info_records.needs_interpretation', '=', 1)
    .where('info_records.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('info_records as i')
            .select('i.id')
            .whereRef('i.policy_id', '=', 'info_records.id')
            .where('i.status', '=', 'published'),
        ),
      ),
    );
  if (units !== 'all') q = q.where('info_records.unit_id', 'in', [...units]);
  return q.orderBy('info_records.published_on').limit(500).execute();
}
