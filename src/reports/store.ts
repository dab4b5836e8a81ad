/** The only code that queries the reports' table (annual_reports). */
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { Database } from '../platform/schema.js';
import type { AnnualReportTable } from './tables.js';

type K = Kysely<Database> | Transaction<Database>;

export async function findReport(k: K, unitId: number, year: number) {
  return k
    .selectFrom('annual_reports')
    .selectAll()
    .where('unit_id', '=', unitId)
    .where('year', '=', year)
    .executeTakeFirst();
}

export async function insertReport(k: K, row: Insertable<AnnualReportTable>): Promise<void> {
  await k.insertInto('annual_reports').values(row).execute();
}

export async function updateReport(k: K, id: number, patch: Updateable<AnnualReportTable>): Promise<void> {
  await k.updateTable('annual_reports').set(patch).where('id', '=', id).execute();
}

/** The published reports of these units, newest year first. */
export async function publishedOf(k: K, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return k
    .selectFrom('annual_reports')
    .select(['id', 'unit_id', 'year', 'published_at'])
    .where('status', '=', 'published')
    .where('unit_id', 'in', unitIds)
    .orderBy('year', 'desc')
    .execute();
}

/** A published report's frozen snapshot and its unit. */
export async function publishedSnapshot(k: K, id: number) {
  return k
    .selectFrom('annual_reports')
    .select(['unit_id', 'snapshot_json'])
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
}
