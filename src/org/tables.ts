/** The tables of the org module (行政区、门户和单位); only its store queries them. */
import type { Generated } from 'kysely';

/**
 * Table types shared by both dialects. Conventions that keep one code base portable:
 * ids are 32-bit integers, booleans are integers 0/1, timestamps are ISO-8601 UTC text,
 * calendar dates are 'YYYY-MM-DD' text and JSON is stored as text.
 */
export interface JurisdictionTable {
  id: Generated<number>;
  code: string;
  name: string;
  /** province | city | county | township | village */
  level: string;
  parent_id: number | null;
  created_at: string;
}

export interface SiteTable {
  id: Generated<number>;
  jurisdiction_id: number;
  name: string;
  host: string | null;
  created_at: string;
  updated_at: string;
}

export interface UnitTable {
  id: Generated<number>;
  jurisdiction_id: number;
  parent_id: number | null;
  kind: string;
  name: string;
  short_name: string | null;
  credit_code: string | null;
  sort_order: number;
  active: number;
  receives_requests: number;
  office_name: string | null;
  office_address: string | null;
  office_hours: string | null;
  office_phone: string | null;
  office_fax: string | null;
  office_email: string | null;
  office_postcode: string | null;
  office_website: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../platform/schema.js' {
  interface Database {
    jurisdictions: JurisdictionTable;
    sites: SiteTable;
    units: UnitTable;
  }
}
