/** Queries of imported full guideline tables (guideline_rows), by scope and domain. */
import type { Kysely, Transaction } from 'kysely';
import { insertMany } from '../../platform/dialect.js';
import type { Database } from '../../platform/schema.js';

type K = Kysely<Database> | Transaction<Database>;

/** The imported rows under any of these scopes, by domain and position. */
export async function guidelineRowsIn(k: K, scopes: string[]) {
  return k
    .selectFrom('guideline_rows')
    .selectAll()
    .where('scope', 'in', scopes)
    .orderBy('domain')
    .orderBy('seq')
    .execute();
}

/** Replace a domain's rows at a scope (numbered from 1 in the order given). */
export async function replaceGuidelineRows(
  k: K,
  scope: string,
  domain: string,
  items: unknown[],
  importedBy: string,
  importedAt: string,
): Promise<void> {
  await k.deleteFrom('guideline_rows').where('scope', '=', scope).where('domain', '=', domain).execute();
  let seq = 0;
  await insertMany(
    k as Kysely<Database>,
    'guideline_rows',
    items.map((item) => ({
      scope,
      domain,
      seq: ++seq,
      data_json: JSON.stringify(item),
      imported_by: importedBy,
      imported_at: importedAt,
    })),
  );
}
