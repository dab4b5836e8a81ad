import type { Migration } from 'kysely';
import * as m0004 from './0004_requests.js';
import * as m0008 from './0008_request_consultations.js';
import * as m0009 from './0009_report_indexes.js';

/** The requests module's migrations (names order globally with every module's; see platform/db.ts). */
export const migrations: Record<string, Migration> = {
  '0004_requests': m0004,
  '0008_request_consultations': m0008,
  '0009_report_indexes': m0009,
};
