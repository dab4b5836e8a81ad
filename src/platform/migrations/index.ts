import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_calendar.js';
import * as m0003 from './0003_catalog.js';
import * as m0004 from './0004_requests.js';
import * as m0005 from './0005_reports.js';
import * as m0006 from './0006_publishing.js';
import * as m0007 from './0007_search.js';
import * as m0008 from './0008_request_consultations.js';
import * as m0009 from './0009_report_indexes.js';
import * as m0010 from './0010_record_doc_class.js';
import * as m0011 from './0011_search_titles.js';

/** Every migration, in order. Names are permanent once released. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_calendar': m0002,
  '0003_catalog': m0003,
  '0004_requests': m0004,
  '0005_reports': m0005,
  '0006_publishing': m0006,
  '0007_search': m0007,
  '0008_request_consultations': m0008,
  '0009_report_indexes': m0009,
  '0010_record_doc_class': m0010,
  '0011_search_titles': m0011,
};
