/** The tables of the catalog module (目录、指引和政务服务事项); only its store queries them. */
import type { Generated } from 'kysely';

export interface GuidelineRowTable {
  id: Generated<number>;
  scope: string;
  domain: string;
  seq: number;
  data_json: string;
  imported_by: string;
  imported_at: string;
}

export interface CatalogTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  status: string;
  current_version: number;
  submitted_at: string | null;
  review_comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface CatalogItemTable {
  id: Generated<number>;
  catalog_id: number;
  domain: string;
  level1: string;
  level2: string | null;
  level3: string | null;
  elements: string;
  basis: string;
  time_limit: string;
  subject: string;
  channels_json: string;
  extra_channels_json: string;
  audience_public: number;
  audience_specific: number;
  specific_group: string | null;
  mode_proactive: number;
  mode_on_request: number;
  tiers_json: string;
  time_rule_json: string | null;
  responsible_unit_id: number | null;
  contact: string | null;
  sort_order: number;
  source: string;
  review_comment: string | null;
  created_at: string;
  updated_at: string;
}

export interface CatalogDomainNoteTable {
  id: Generated<number>;
  catalog_id: number;
  domain: string;
  reason: string;
  created_at: string;
}

export interface CatalogVersionTable {
  id: Generated<number>;
  catalog_id: number;
  version: number;
  snapshot_json: string;
  reason: string;
  submitted_by: string;
  approved_by: string;
  published_at: string;
}

export interface CatalogEventTable {
  id: Generated<number>;
  catalog_id: number;
  action: string;
  actor_name: string;
  comment: string | null;
  at: string;
}

export interface CatalogDutyTable {
  id: Generated<number>;
  jurisdiction_id: number;
  domain: string;
  lead_unit_id: number | null;
  cooperating_json: string;
  due_date: string | null;
  updated_at: string;
}

export interface CatalogImportTable {
  id: string;
  catalog_id: number;
  user_id: number;
  filename: string;
  items_json: string;
  created_at: string;
}

export interface CatalogNegativeTable {
  id: Generated<number>;
  catalog_id: number;
  name: string;
  content: string;
  reason: string;
  basis: string;
  created_at: string;
}

export interface CatalogItemRecordTable {
  id: Generated<number>;
  item_id: number;
  data_json: string;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface ServiceItemTable {
  id: Generated<number>;
  scope: string;
  name: string;
  code: string | null;
  unit_name: string | null;
  category: string | null;
  imported_by: string;
  imported_at: string;
}

declare module '../platform/schema.js' {
  interface Database {
    guideline_rows: GuidelineRowTable;
    catalogs: CatalogTable;
    catalog_items: CatalogItemTable;
    catalog_domain_notes: CatalogDomainNoteTable;
    catalog_versions: CatalogVersionTable;
    catalog_events: CatalogEventTable;
    catalog_duties: CatalogDutyTable;
    catalog_imports: CatalogImportTable;
    catalog_negatives: CatalogNegativeTable;
    catalog_item_records: CatalogItemRecordTable;
    service_items: ServiceItemTable;
  }
}
