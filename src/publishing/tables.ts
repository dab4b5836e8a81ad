/** The tables of the publishing module (政府信息记录); only its store queries them. */
import type { Generated } from 'kysely';

export interface InfoRecordTable {
  id: Generated<number>;
  county_code: string;
  unit_id: number;
  /** info | interpretation */
  kind: string;
  policy_id: number | null;
  interp_form: string | null;
  index_no: string;
  title: string;
  publisher: string;
  doc_number: string | null;
  written_on: string | null;
  formed_on: string;
  subject: string;
  genre: string;
  keywords: string;
  summary: string;
  attribute: string;
  attribute_reason: string | null;
  attribute_note: string | null;
  validity: string;
  validity_on: string | null;
  /** 文件类别 for table 2 of the annual report: rule (规章) | normative (行政规范性文件) | null (neither). */
  doc_class: string | null;
  column_slug: string;
  column_item: string | null;
  body_html: string;
  body_text: string;
  needs_interpretation: Generated<number>;
  status: string;
  version: Generated<number>;
  due_on: string | null;
  due_note: string | null;
  scheduled_at: string | null;
  published_at: string | null;
  published_on: string | null;
  posting_end_on: string | null;
  pending_json: string | null;
  pending_status: string | null;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  assessed_on: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface InfoRecordItemTable {
  id: Generated<number>;
  record_id: number;
  catalog_item_id: number;
  domain: string;
  label: string;
}

export interface InfoRecordChannelTable {
  id: Generated<number>;
  record_id: number;
  channel: string;
  used_on: string;
  link: string | null;
  file_id: number | null;
  created_at: string;
}

export interface InfoRecordFileTable {
  id: Generated<number>;
  record_id: number;
  file_id: number;
  name: string;
  mime: string;
  size: number;
  text: string;
  downloads: Generated<number>;
  sort_order: number;
}

export interface InfoRecordVersionTable {
  id: Generated<number>;
  record_id: number;
  version: number;
  snapshot_json: string;
  published_at: string | null;
  replaced_at: string;
  reason: string;
}

export interface InfoRecordEventTable {
  id: Generated<number>;
  record_id: number;
  action: string;
  actor_name: string;
  comment: string | null;
  at: string;
}

export interface IndexSerialTable {
  unit_id: number;
  year: number;
  last: number;
}

declare module '../platform/schema.js' {
  interface Database {
    info_records: InfoRecordTable;
    info_record_items: InfoRecordItemTable;
    info_record_channels: InfoRecordChannelTable;
    info_record_files: InfoRecordFileTable;
    info_record_versions: InfoRecordVersionTable;
    info_record_events: InfoRecordEventTable;
    index_serials: IndexSerialTable;
  }
}
