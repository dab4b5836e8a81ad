/** 0005_reports, reports part: annual reports. */
import type { Kysely } from 'kysely';
import { dialectOf } from '../../platform/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // 政府信息公开工作年度报告 of a unit and year: edited sections and table 2 counts; tables 3 and 4
  // are computed from live data; a published report keeps the snapshot it was published with.
  await id(db.schema.createTable('annual_reports'))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('sections_json', 'text', (c: any) => c.notNull())
    .addColumn('table2_json', 'text', (c: any) => c.notNull())
    .addColumn('snapshot_json', 'text')
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('annual_reports_unit_year', ['unit_id', 'year'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0005_reports cannot be rolled back');
}
