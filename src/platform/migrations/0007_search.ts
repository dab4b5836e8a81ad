import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/**
 * Full-text search over published objects (see src/platform/search). `search_docs` holds the
 * filterable fields of every indexed object on both databases; the text index is per dialect:
 * - SQLite: FTS5 contentless table `search_fts` over the CJK bigram text produced by our own
 *   tokenizer, plus a `meta` column of filter tokens (jurisdiction code prefixes, unit, year,
 *   subject levels, …) so that counting, filtering and date order never leave the index. Its
 *   rowid is days(published_on) · 2³¹ + search_docs.id: rowid order is date order.
 *   contentless_delete=1 lets a row be deleted by rowid without the old text.
 * - PostgreSQL: `search_docs.tsv`, a tsvector built literally from the same bigrams (positions
 *   kept, so `<->` phrases give exact substring matches), with a GIN index; text beyond what one
 *   tsvector can position (16,383 positions, 256 per lexeme) goes to `search_overflow` rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = dialectOf(db) === 'postgres';
  // Binary (code point) ordering for the prefix-matched columns, so range scans are exact on PG.
  const binary = (c: any) => (pg ? c.modifyEnd(sql`collate "C"`) : c);
  let t = pg
    ? db.schema.createTable('search_docs').addColumn('id', 'serial', (c: any) => c.primaryKey())
    : db.schema.createTable('search_docs').addColumn('id', 'integer', (c: any) => c.primaryKey().autoIncrement());
  t = t
    .addColumn('object_type', 'text', (c: any) => c.notNull())
    .addColumn('object_id', 'integer', (c: any) => c.notNull())
    .addColumn('jurisdiction_code', 'text', (c: any) => binary(c.notNull()))
    .addColumn('unit_id', 'integer', (c: any) => c.notNull())
    .addColumn('title', 'text', (c: any) => c.notNull())
    .addColumn('published_on', 'text', (c: any) => c.notNull())
    .addColumn('year', 'integer', (c: any) => c.notNull())
    .addColumn('subject', 'text', (c: any) => binary(c))
    .addColumn('genre', 'text')
    .addColumn('attribute', 'text')
    .addColumn('column_slug', 'text')
    .addColumn('updated_at', 'text', (c: any) => c.notNull())
    .addUniqueConstraint('search_docs_object', ['object_type', 'object_id']);
  if (pg) t = t.addColumn('tsv', sql`tsvector`, (c: any) => c.notNull());
  await t.execute();
  await db.schema
    .createIndex('search_docs_jur_date')
    .on('search_docs')
    .columns(['jurisdiction_code', 'published_on'])
    .execute();
  await db.schema.createIndex('search_docs_date').on('search_docs').columns(['published_on', 'id']).execute();
  await db.schema.createIndex('search_docs_unit').on('search_docs').columns(['unit_id', 'published_on']).execute();
  await db.schema.createIndex('search_docs_year').on('search_docs').column('year').execute();
  await db.schema.createIndex('search_docs_subject').on('search_docs').column('subject').execute();
  await db.schema.createIndex('search_docs_genre').on('search_docs').column('genre').execute();
  await db.schema.createIndex('search_docs_attribute').on('search_docs').column('attribute').execute();
  await db.schema.createIndex('search_docs_column').on('search_docs').column('column_slug').execute();

  if (pg) {
    await sql`create index search_docs_tsv on search_docs using gin (tsv)`.execute(db);
    await sql`create table search_overflow (
      doc_id integer not null references search_docs(id) on delete cascade,
      part integer not null,
      tsv tsvector not null,
      primary key (doc_id, part))`.execute(db);
    await sql`create index search_overflow_tsv on search_overflow using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(title, body, meta, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 categories 'L* N* M* Co'")`.execute(
      db,
    );
  }
}

export async function down(): Promise<void> {
  throw new Error('0007_search cannot be rolled back');
}
