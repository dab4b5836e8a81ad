/**
 * The publishing module's read API for other modules: facts about what was published, for the
 * annual report. Other modules never query the records' tables.
 */
import type { Kysely, Transaction } from 'kysely';
import { todayInChina } from '../calendar/dates.js';
import type { Database } from '../platform/schema.js';
import { docClassRecords } from './store/stats.js';

type K = Kysely<Database> | Transaction<Database>;

/** A published 规章 or 行政规范性文件 as table 2 counts it. */
export interface PublishedDocFact {
  docClass: string | null;
  /** First publication (China date); null if never published. */
  publishedOn: string | null;
  validity: string;
  validityOn: string | null;
  /** Withdrawal (China date); null if not withdrawn. A withdrawn record with an unknown date counts as withdrawn. */
  withdrawn: boolean;
  withdrawnOn: string | null;
}

const chinaDate = (iso: string | null | undefined): string | null => {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : todayInChina(new Date(ms));
};

/**
 * The facts of table 2 for a unit list: the published (or withdrawn) 规章 and 行政规范性文件 of the
 * units, dated by their first publication. The year is applied by the caller, so that a record
 * changed after the year is still counted.
 */
export async function publishedDocFacts(k: K, unitIds: number[]): Promise<PublishedDocFact[]> {
  if (!unitIds.length) return [];
  const rows = await docClassRecords(k, unitIds);
  return rows.map((r) => {
    const first = chinaDate(r.first_at);
    return {
      docClass: r.doc_class,
      publishedOn: first && r.published_on && first < r.published_on ? first : r.published_on,
      validity: r.validity,
      validityOn: r.validity_on,
      withdrawn: r.status === 'withdrawn',
      withdrawnOn: chinaDate(r.withdrawn_at),
    };
  });
}
