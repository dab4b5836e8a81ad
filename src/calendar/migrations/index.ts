import type { Migration } from 'kysely';
import * as m0002 from './0002_calendar.js';

/** The calendar module's migrations (names order globally with every module's; see platform/db.ts). */
export const migrations: Record<string, Migration> = {
  '0002_calendar': m0002,
};
