import type { Kysely } from 'kysely';

/**
 * 文件类别 of a government information record for table 2 of the annual report (regulations §2.3,
 * 第二十条第（一）项): 'rule' 规章, 'normative' 行政规范性文件, or null (neither). The report counts
 * the records of a class per unit (src/reports/table2.ts); the index serves that query.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('info_records').addColumn('doc_class', 'text').execute();
  await db.schema
    .createIndex('info_records_unit_doc_class')
    .on('info_records')
    .columns(['unit_id', 'doc_class'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('info_records_unit_doc_class').ifExists().execute();
  await db.schema.alterTable('info_records').dropColumn('doc_class').execute();
}
