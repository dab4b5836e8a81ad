import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0004 from './0004_requests.js';
import * as m0005 from './0005_reports.js';
import * as m0007 from './0007_search.js';
import * as m0011 from './0011_search_titles.js';
import * as m0012 from './0012_platform.js';

/**
 * The platform's own migrations. Names are permanent once released and order globally with the
 * modules' (platform/db.ts composeMigrations); a name shared with modules is one migration whose
 * platform part runs first.
 */
export const platformMigrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0004_requests': m0004,
  '0005_reports': m0005,
  '0007_search': m0007,
  '0011_search_titles': m0011,
  '0012_platform': m0012,
};
