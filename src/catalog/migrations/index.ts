import type { Migration } from 'kysely';
import * as m0003 from './0003_catalog.js';
import * as m0013 from './0013_catalog_time_limits.js';

/** The catalog module's migrations (names order globally with every module's; see platform/db.ts). */
export const migrations: Record<string, Migration> = {
  '0003_catalog': m0003,
  '0013_catalog_time_limits': m0013,
};
