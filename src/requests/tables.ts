/** The tables of the requests module (依申请公开); only its store queries them. */
import type { Generated } from 'kysely';

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
  /** JSON list of the 条例第二十九条 contents missing at intake (→ 补正); null when complete. */
  intake_missing: string | null;
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

declare module '../platform/schema.js' {
  interface Database {
    info_requests: InfoRequestTable;
    info_request_events: InfoRequestEventTable;
    info_request_documents: InfoRequestDocumentTable;
    info_request_appeals: InfoRequestAppealTable;
    info_request_consultations: InfoRequestConsultationTable;
  }
}
