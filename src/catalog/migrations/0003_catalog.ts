import type { Kysely } from 'kysely';
import { dialectOf } from '../../platform/dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const id = (t: any) =>
    dialectOf(db) === 'sqlite'
      ? t.addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement())
      : t.addColumn('id', 'serial', (c: any) => c.primaryKey());

  // Full guideline tables imported by a county office (they replace the shipped partial rows of a domain).
  await id(db.schema.createTable('guideline_rows'))
    .addColumn('scope', 'text', (c: any) => c.notNull())
    .addColumn('domain', 'text', (c: any) => c.notNull())
    .addColumn('seq', 'integer', (c: any) => c.notNull())
    .addColumn('data_json', 'text', (c: any) => c.notNull())
    .addColumn('imported_by', 'text', (c: any) => c.notNull())
    .addColumn('imported_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('guideline_rows_scope')
    .on('guideline_rows')
    .columns(['scope', 'domain', 'seq'])
    .execute();

  await id(db.schema.createTable('catalogs'))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c: any) => c.notNull())
    .addColumn('status', 'text', (c: any) => c.notNull())
    .addColumn('current_version', 'integer', (c: any) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('catalogs_unit_kind', ['unit_id', 'kind'])
    .execute();
  await db.schema.createIndex('catalogs_status').on('catalogs').columns(['status', 'updated_at']).execute();

  await id(db.schema.createTable('catalog_items'))
    .addColumn('catalog_id', 'integer', (c: any) => c.notNull().references('catalogs.id'))
    .addColumn('domain', 'text', (c: any) => c.notNull())
    .addColumn('level1', 'text', (c: any) => c.notNull())
    .addColumn('level2', 'text')
    .addColumn('level3', 'text')
    .addColumn('elements', 'text', (c: any) => c.notNull())
    .addColumn('basis', 'text', (c: any) => c.notNull())
    .addColumn('time_limit', 'text', (c: any) => c.notNull())
    .addColumn('subject', 'text', (c: any) => c.notNull())
    .addColumn('channels_json', 'text', (c: any) => c.notNull())
    .addColumn('extra_channels_json', 'text', (c: any) => c.notNull())
    .addColumn('audience_public', 'integer', (c: any) => c.notNull())
    .addColumn('audience_specific', 'integer', (c: any) => c.notNull())
    .addColumn('specific_group', 'text')
    .addColumn('mode_proactive', 'integer', (c: any) => c.notNull())
    .addColumn('mode_on_request', 'integer', (c: any) => c.notNull())
    .addColumn('tiers_json', 'text', (c: any) => c.notNull())
    // A manual deadline rule for a 公开时限 the parser cannot read (需人工设定).
    .addColumn('time_rule_json', 'text')
    .addColumn('responsible_unit_id', 'integer', (c: any) => c.references('units.id'))
    .addColumn('contact', 'text')
    .addColumn('sort_order', 'integer', (c: any) => c.notNull())
    .addColumn('source', 'text', (c: any) => c.notNull())
    .addColumn('review_comment', 'text')
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_items_catalog')
    .on('catalog_items')
    .columns(['catalog_id', 'domain', 'sort_order'])
    .execute();

  // 未涉及领域事项说明: domains that do not apply to a unit, with the reason.
  await id(db.schema.createTable('catalog_domain_notes'))
    .addColumn('catalog_id', 'integer', (c: any) => c.notNull().references('catalogs.id'))
    .addColumn('domain', 'text', (c: any) => c.notNull())
    .addColumn('reason', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('catalog_domain_notes_unique', ['catalog_id', 'domain'])
    .execute();

  // Every published version keeps a full snapshot; the portal shows only these.
  await id(db.schema.createTable('catalog_versions'))
    .addColumn('catalog_id', 'integer', (c: any) => c.notNull().references('catalogs.id'))
    .addColumn('version', 'integer', (c: any) => c.notNull())
    .addColumn('snapshot_json', 'text', (c: any) => c.notNull())
    .addColumn('reason', 'text', (c: any) => c.notNull())
    .addColumn('submitted_by', 'text', (c: any) => c.notNull())
    .addColumn('approved_by', 'text', (c: any) => c.notNull())
    .addColumn('published_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('catalog_versions_unique', ['catalog_id', 'version'])
    .execute();

  await id(db.schema.createTable('catalog_events'))
    .addColumn('catalog_id', 'integer', (c: any) => c.notNull().references('catalogs.id'))
    .addColumn('action', 'text', (c: any) => c.notNull())
    .addColumn('actor_name', 'text', (c: any) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_events_catalog').on('catalog_events').columns(['catalog_id', 'at']).execute();

  // 责任清单: per domain, the responsible unit, cooperating units and the due date (annex tables of
  // county implementation plans: 领域 | 责任部门 | 配合部门 | 完成时间).
  await id(db.schema.createTable('catalog_duties'))
    .addColumn('jurisdiction_id', 'integer', (c: any) => c.notNull().references('jurisdictions.id'))
    .addColumn('domain', 'text', (c: any) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c: any) => c.references('units.id'))
    .addColumn('cooperating_json', 'text', (c: any) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('catalog_duties_unique', ['jurisdiction_id', 'domain'])
    .execute();

  // 负面清单: what the unit does not disclose, each with its ground under 条例第十四至十六条.
  await id(db.schema.createTable('catalog_negatives'))
    .addColumn('catalog_id', 'integer', (c: any) => c.notNull().references('catalogs.id'))
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('content', 'text', (c: any) => c.notNull())
    .addColumn('reason', 'text', (c: any) => c.notNull())
    .addColumn('basis', 'text', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_negatives_catalog').on('catalog_negatives').column('catalog_id').execute();

  // 梳理: structured records under an item, one per concrete entry (e.g. every school), with the
  // item's 要素 as fields.
  await id(db.schema.createTable('catalog_item_records'))
    .addColumn('item_id', 'integer', (c: any) => c.notNull())
    .addColumn('data_json', 'text', (c: any) => c.notNull())
    .addColumn('sort_order', 'integer', (c: any) => c.notNull())
    .addColumn('created_at', 'text', (c: any) => c.notNull())
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema
    .createIndex('catalog_item_records_item')
    .on('catalog_item_records')
    .columns(['item_id', 'sort_order'])
    .execute();

  // The county's 政务服务事项 list, for aligning catalog item names with service names.
  await id(db.schema.createTable('service_items'))
    .addColumn('scope', 'text', (c: any) => c.notNull())
    .addColumn('name', 'text', (c: any) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('unit_name', 'text')
    .addColumn('category', 'text')
    .addColumn('imported_by', 'text', (c: any) => c.notNull())
    .addColumn('imported_at', 'text', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('service_items_scope').on('service_items').columns(['scope', 'name']).execute();

  // An uploaded catalog waiting for confirmation after its preview (servers are stateless).
  await db.schema
    .createTable('catalog_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('catalog_id', 'integer', (c) => c.notNull().references('catalogs.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('items_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('0003_catalog cannot be rolled back');
}
