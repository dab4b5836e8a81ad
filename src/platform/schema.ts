import type { Generated } from 'kysely';

/**
 * Table types shared by both dialects. Conventions that keep one code base portable:
 * ids are 32-bit integers, booleans are integers 0/1, timestamps are ISO-8601 UTC text,
 * calendar dates are 'YYYY-MM-DD' text and JSON is stored as text.
 */
/** Counters per key in a time window (platform/throttle.ts; 0012_platform replaced login_throttle). */
export interface ThrottleTable {
  key: string;
  count: number;
  window_start: string;
  locked_until: string | null;
}

/** Domain events (platform/outbox.ts). */
export interface OutboxEventTable {
  id: Generated<number>;
  type: string;
  subject_type: string;
  subject_id: string;
  payload_json: string;
  created_at: string;
}

/** Each async consumer's position in the outbox. */
export interface OutboxCursorTable {
  consumer: string;
  last_id: number;
  updated_at: string;
}

/** One row per background job: who holds it and its last run (platform/jobs.ts). */
export interface JobLeaseTable {
  name: string;
  holder: string | null;
  lease_until: string | null;
  last_started_at: string | null;
  last_finished_at: string | null;
  last_result: string | null;
  last_error: string | null;
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

/**
 * Every table of the installation: the platform's below; each module adds its own in its
 * `tables.ts` (declaration merging), so the platform names no module's table.
 */
export interface Database {
  throttle: ThrottleTable;
  outbox_events: OutboxEventTable;
  outbox_cursors: OutboxCursorTable;
  job_leases: JobLeaseTable;
  audit_log: AuditLogTable;
  settings: SettingTable;
  notifications: NotificationTable;
  files: FileTable;
  search_docs: SearchDocTable;
}
