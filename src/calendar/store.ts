/** The only code that queries the calendar's tables: calendar_overrides, calendar_years and clocks. */
import type { Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { CalendarOverrideTable, CalendarYearTable, ClockTable } from './tables.js';

type K = Kysely<Database> | Transaction<Database>;

export type OverrideRow = Selectable<CalendarOverrideTable>;
export type ClockRow = Selectable<ClockTable>;

// ---- overrides and imported years ------------------------------------------------------------

export async function overridesIn(k: K, scopes: string[]) {
  return k
    .selectFrom('calendar_overrides')
    .select(['scope', 'date', 'type', 'name'])
    .where('scope', 'in', scopes)
    .execute();
}

export async function importedYearsIn(k: K, scopes: string[]): Promise<Selectable<CalendarYearTable>[]> {
  return k.selectFrom('calendar_years').selectAll().where('scope', 'in', scopes).orderBy('year').execute();
}

export async function listOverrides(k: K, scopes: string[], year?: number): Promise<OverrideRow[]> {
  let q = k.selectFrom('calendar_overrides').selectAll().where('scope', 'in', scopes);
  if (year) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
  return q.orderBy('date').execute();
}

export async function findOverride(k: K, id: number): Promise<OverrideRow | undefined> {
  return k.selectFrom('calendar_overrides').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOverrideOn(k: K, scope: string, date: string): Promise<OverrideRow | undefined> {
  return k
    .selectFrom('calendar_overrides')
    .selectAll()
    .where('scope', '=', scope)
    .where('date', '=', date)
    .executeTakeFirst();
}

/** Add or replace the adjustment of a date in a scope. */
export async function upsertOverride(k: K, row: Insertable<CalendarOverrideTable>): Promise<void> {
  await k
    .insertInto('calendar_overrides')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['scope', 'date']).doUpdateSet({
        type: row.type,
        name: row.name,
        note: row.note,
        created_by: row.created_by,
        created_at: row.created_at,
      }),
    )
    .execute();
}

export async function deleteOverride(k: K, id: number): Promise<void> {
  await k.deleteFrom('calendar_overrides').where('id', '=', id).execute();
}

/** Mark a year as covered by a full official schedule in a scope (replacing an earlier mark). */
export async function replaceImportedYear(k: K, row: Insertable<CalendarYearTable>): Promise<void> {
  await k.deleteFrom('calendar_years').where('scope', '=', row.scope).where('year', '=', row.year).execute();
  await k.insertInto('calendar_years').values(row).execute();
}

// ---- clocks ----------------------------------------------------------------------------------

export async function insertClock(k: K, row: Insertable<ClockTable>): Promise<void> {
  await k.insertInto('clocks').values(row).execute();
}

export async function findClock(
  k: K,
  objectType: string,
  objectId: string,
  purpose: string,
): Promise<ClockRow | undefined> {
  return k
    .selectFrom('clocks')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('object_id', '=', objectId)
    .where('purpose', '=', purpose)
    .executeTakeFirst();
}

export async function findClocks(k: K, objectType: string, purpose: string, objectIds: string[]): Promise<ClockRow[]> {
  if (objectIds.length === 0) return [];
  return k
    .selectFrom('clocks')
    .selectAll()
    .where('object_type', '=', objectType)
    .where('purpose', '=', purpose)
    .where('object_id', 'in', objectIds)
    .execute();
}

export async function updateClock(k: K, id: number, patch: Updateable<ClockTable>): Promise<void> {
  await k.updateTable('clocks').set(patch).where('id', '=', id).execute();
}

/** The open clocks of these jurisdictions. */
export async function openClocks(k: K, jurisdictionIds: number[]): Promise<ClockRow[]> {
  if (jurisdictionIds.length === 0) return [];
  return k
    .selectFrom('clocks')
    .selectAll()
    .where('closed', '=', 0)
    .where('jurisdiction_id', 'in', jurisdictionIds)
    .execute();
}
