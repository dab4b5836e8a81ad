import type { Migration } from 'kysely';
import * as m0005 from './0005_reports.js';

/** The reports module's migrations (names order globally with every module's; see platform/db.ts). */
export const migrations: Record<string, Migration> = {
  '0005_reports': m0005,
};
