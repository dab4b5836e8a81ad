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

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  active: number;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  last_login_at: string | null;
  password_changed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  id: Generated<number>;
  user_id: number;
  role: string;
  unit_id: number;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  first_failure_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string;
  unit_id: number | null;
  jurisdiction_id: number | null;
  action: string;
  object_type: string;
  object_id: string | null;
  summary: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export interface SettingTable {
  scope: string;
  key: string;
  value: string;
  updated_at: string;
}

export interface CalendarOverrideTable {
  id: Generated<number>;
  scope: string;
  date: string;
  type: string;
  name: string;
  note: string | null;
  created_by: string;
  created_at: string;
}

export interface CalendarYearTable {
  scope: string;
  year: number;
  title: string;
  doc_number: string | null;
  published: string | null;
  imported_by: string;
  imported_at: string;
}

export interface ClockTable {
  id: Generated<number>;
  jurisdiction_id: number;
  object_type: string;
  object_id: string;
  purpose: string;
  amount: number;
  unit: string;
  events_json: string;
  started_on: string;
  due_date: string | null;
  state: string;
  closed: number;
  created_at: string;
  updated_at: string;
}

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

export interface InfoRequestTable {
  id: Generated<number>;
  jurisdiction_id: number;
  unit_id: number;
  number: string;
  query_code_hash: string;
  applicant_type: string;
  org_type: string | null;
  name: string;
  id_type: string;
  id_number: string;
  phone: string | null;
  address: string | null;
  postcode: string | null;
  email: string | null;
  description: string;
  doc_number: string | null;
  form: string;
  delivery: string;
  channel: string;
  submitted_at: string;
  received_on: string | null;
  status: string;
  correction_count: Generated<number>;
  correction_due: string | null;
  fee_amount: number | null;
  fee_notice_on: string | null;
  proposed_outcome: string | null;
  reviewed_by: string | null;
  outcome: string | null;
  replied_on: string | null;
  delivered_on: string | null;
  delivery_method: string | null;
  archived_on: string | null;
  dedupe_key: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface InfoRequestEventTable {
  id: Generated<number>;
  request_id: number;
  type: string;
  public_note: string;
  actor_name: string;
  at: string;
}

export interface InfoRequestDocumentTable {
  id: Generated<number>;
  request_id: number;
  unit_id: number;
  kind: string;
  year: number;
  seq: number;
  number: string;
  body: string;
  issued_on: string;
  issued_by: string;
}

export interface InfoRequestAppealTable {
  id: Generated<number>;
  request_id: number;
  kind: string;
  filed_on: string;
  result: string | null;
  decided_on: string | null;
  created_by: string;
  created_at: string;
}

export interface NotificationTable {
  id: Generated<number>;
  channel: string;
  recipient: string;
  subject: string;
  body: string;
  related_type: string;
  related_id: string;
  status: string;
  attempts: Generated<number>;
  lease_until: string | null;
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

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

export interface ApiTokenTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  token_hash: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked: Generated<number>;
}

export interface FileTable {
  id: Generated<number>;
  owner_type: string;
  owner_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

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

export interface Database {
  jurisdictions: JurisdictionTable;
  sites: SiteTable;
  units: UnitTable;
  users: UserTable;
  user_roles: UserRoleTable;
  sessions: SessionTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  calendar_overrides: CalendarOverrideTable;
  calendar_years: CalendarYearTable;
  clocks: ClockTable;
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
  info_requests: InfoRequestTable;
  info_request_events: InfoRequestEventTable;
  info_request_documents: InfoRequestDocumentTable;
  info_request_appeals: InfoRequestAppealTable;
  notifications: NotificationTable;
  annual_reports: AnnualReportTable;
  api_tokens: ApiTokenTable;
  files: FileTable;
  info_records: InfoRecordTable;
  info_record_items: InfoRecordItemTable;
  info_record_channels: InfoRecordChannelTable;
  info_record_files: InfoRecordFileTable;
  info_record_versions: InfoRecordVersionTable;
  info_record_events: InfoRecordEventTable;
  index_serials: IndexSerialTable;
}

// ---- 依申请公开: intake check and 征求意见 (migration 0008_request_consultations) ----------------

export interface InfoRequestTable {
  /** JSON list of the 条例第二十九条 contents missing at intake (→ 补正); null when complete. */
  intake_missing: string | null;
}

export interface InfoRequestConsultationTable {
  id: Generated<number>;
  request_id: number;
  /** third_party (条例第三十二条) | other_agency (条例第三十四条) */
  party_type: string;
  party_name: string;
  /** The day the 征求意见书 was sent, and the day the consultee received it (the period starts). */
  sent_on: string;
  received_on: string;
  /** open | answered | lapsed */
  status: string;
  /** agree | disagree, when answered */
  answer: string | null;
  reason: string | null;
  /** The legal consequence recorded on closing (e.g. 逾期未提出意见的视为同意公开). */
  consequence: string | null;
  closed_on: string | null;
  closed_by: string | null;
  created_by: string;
  created_at: string;
}

export interface Database {
  info_request_consultations: InfoRequestConsultationTable;
}

// --- search (0007_search) ---------------------------------------------------------------------

/** One indexed object; the text itself lives only in the index (FTS5 or tsvector). */
export interface SearchDocTable {
  id: Generated<number>;
  object_type: string;
  object_id: number;
  jurisdiction_code: string;
  unit_id: number;
  title: string;
  /** 'YYYY-MM-DD' */
  published_on: string;
  year: number;
  /** 主题分类 as '一级\\二级' text */
  subject: string | null;
  genre: string | null;
  attribute: string | null;
  column_slug: string | null;
  updated_at: string;
}

export interface Database {
  search_docs: SearchDocTable;
}
