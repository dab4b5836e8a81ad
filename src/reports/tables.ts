/** The tables of the reports module (年度报告); only its store queries them. */
import type { Generated } from 'kysely';

export interface AnnualReportTable {
  id: Generated<number>;
  unit_id: number;
  year: number;
  sections_json: string;
  table2_json: string;
  snapshot_json: string | null;
  status: string;
  published_at: string | null;
  updated_at: string;
}

declare module '../platform/schema.js' {
  interface Database {
    annual_reports: AnnualReportTable;
  }
}
