import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0005 from './0005_reports.js';

/** The auth module's migrations (names order globally with every module's; see platform/db.ts). */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0005_reports': m0005,
};
