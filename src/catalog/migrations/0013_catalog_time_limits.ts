/**
 * 0013_catalog_time_limits: every item of every published catalog version gets its 公开时限 as
 * read by the parser (`limit`), as versions published from now on store it, so that publishing
 * reads the reading back instead of parsing the text again. Versions are immutable records of
 * what was published; only this derived field is added, the text stays as it was.
 */
import type { Kysely } from 'kysely';
import { parseTimeLimit } from '../../calendar/timelimit.js';

export async function up(db: Kysely<any>): Promise<void> {
  for (let after = 0; ; ) {
    const rows: { id: number; snapshot_json: string }[] = await db
      .selectFrom('catalog_versions')
      .select(['id', 'snapshot_json'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(200)
      .execute();
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    for (const r of rows) {
      let snapshot: { items?: { timeLimit?: string; limit?: unknown }[] };
      try {
        snapshot = JSON.parse(r.snapshot_json);
      } catch {
        continue;
      }
      if (!Array.isArray(snapshot.items) || snapshot.items.every((i) => i.limit)) continue;
      for (const i of snapshot.items) i.limit ??= parseTimeLimit(i.timeLimit ?? '');
      await db
        .updateTable('catalog_versions')
        .set({ snapshot_json: JSON.stringify(snapshot) })
        .where('id', '=', r.id)
        .execute();
    }
  }
}

export async function down(): Promise<void> {
  // The field is derived; leaving it in place is harmless.
}
