import type { Migration } from 'kysely';
import * as m0006 from './0006_publishing.js';
import * as m0010 from './0010_record_doc_class.js';

/** The publishing module's migrations (names order globally with every module's; see platform/db.ts). */
export const migrations: Record<string, Migration> = {
  '0006_publishing': m0006,
  '0010_record_doc_class': m0010,
};
