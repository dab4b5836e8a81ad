import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';
import { ftsRowid, ftsText, metaTokens } from '../search/indextext.js';
import { tokenizeRuns } from '../search/tokenize.js';

/**
 * SQLite: the titles again, in their own FTS5 table `search_title_fts(title, meta)` with the same
 * rowids as `search_fts`. "Title hits first" ordering (relevance above RANK_LIMIT hits) used a
 * `{title}` column filter on `search_fts`, which FTS5 applies posting by posting: a word in many
 * bodies but few titles cost a walk through every body posting (10 ms for 低保, 70 ms for
 * 低保 城关镇 at 1,000,000 records). Title doclists are short. Filled here from search_docs (which
 * keeps each title and filter field); PostgreSQL weights title lexemes instead and needs nothing.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) !== 'sqlite') return;
  // Kysely runs SQLite migrations outside a transaction: one here, so that an interrupted fill
  // leaves neither a half-filled table nor one that makes the next start fail on "already exists".
  await db.transaction().execute(async (t) => {
    await sql`create virtual table search_title_fts using fts5(title, meta, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 0 categories 'L* N* M* Co'")`.execute(
      t,
    );
    for (let after = 0; ; ) {
      const rows = await t
        .selectFrom('search_docs')
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(2000)
        .execute();
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const values = rows.map((r: any) => {
        const meta = metaTokens({
          jurisdictionCode: r.jurisdiction_code,
          unitId: r.unit_id,
          publishedOn: r.published_on,
          subject: r.subject,
          genre: r.genre,
          attribute: r.attribute,
          columnSlug: r.column_slug,
          objectType: r.object_type,
        });
        return sql`(${ftsRowid(r.published_on, r.id)}, ${ftsText(tokenizeRuns(r.title))}, ${meta})`;
      });
      await sql`insert into search_title_fts (rowid, title, meta) values ${sql.join(values)}`.execute(t);
    }
    await sql`insert into search_title_fts(search_title_fts) values('optimize')`.execute(t);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  if (dialectOf(db) === 'sqlite') await sql`drop table if exists search_title_fts`.execute(db);
}
