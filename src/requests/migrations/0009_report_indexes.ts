import type { Kysely } from 'kysely';

/**
 * Indexes for the annual report (tables 3 and 4 and the fee total computed from live requests):
 * the report reads only the requests received in the year, or received earlier and replied on or
 * after 1 January or not replied at all, per unit (src/reports/service.ts).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Table 3, 一、本年新收: received in the year, per unit; the trailing columns are all the report
  // reads, so the rows themselves are not fetched.
  await db.schema
    .createIndex('info_requests_unit_received')
    .on('info_requests')
    .columns(['unit_id', 'received_on', 'replied_on', 'applicant_type', 'org_type', 'outcome'])
    .execute();
  // Table 3, 二、上年结转: received before the year and replied in or after it, or not replied.
  await db.schema
    .createIndex('info_requests_unit_replied')
    .on('info_requests')
    .columns(['unit_id', 'replied_on', 'received_on', 'applicant_type', 'org_type', 'outcome'])
    .execute();
  // 第六部分 fees: fee notices sent in the year, per unit.
  await db.schema
    .createIndex('info_requests_unit_fee_notice')
    .on('info_requests')
    .columns(['unit_id', 'fee_notice_on'])
    .execute();
  // Table 4: 复议 and 诉讼 filed in the year.
  await db.schema
    .createIndex('info_request_appeals_filed')
    .on('info_request_appeals')
    .columns(['filed_on', 'request_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'info_requests_unit_received',
    'info_requests_unit_replied',
    'info_requests_unit_fee_notice',
    'info_request_appeals_filed',
  ])
    await db.schema.dropIndex(name).ifExists().execute();
}
