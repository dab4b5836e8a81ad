import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';

/** The org module's migrations (names order globally with every module's; see platform/db.ts). */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
