/** Queries of published records for the annual report (table 2, 第二十条第（一）项). */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

/**
 * The published (or withdrawn) 规章 and 行政规范性文件 of the units (index info_records_unit_doc_class),
 * with the first publication time from the kept versions of changed records (published_on is that
 * of the current version).
 */
export async function docClassRecords(k: K, unitIds: number[]) {
  return k
    .selectFrom('info_records as r')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('info_record_versions')
          .select('record_id')
          .select(sql<string | null>`min(published_at)`.as('first_at'))
          .groupBy('record_id')
          .as('v'),
      (join) => join.onRef('v.record_id', '=', 'r.id'),
    )
    .select([
      'r.doc_class',
      'r.status',
      'r.published_on',
      'r.validity',
      'r.validity_on',
      'r.withdrawn_at',
      'v.first_at',
    ])
    .where('r.unit_id', 'in', unitIds)
    .where('r.kind', '=', 'info')
    .where('r.doc_class', 'in', ['rule', 'normative'])
    .where('r.status', 'in', ['published', 'withdrawn'])
    .where('r.published_on', 'is not', null)
    .execute();
}
