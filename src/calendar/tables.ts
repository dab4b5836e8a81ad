/** The tables of the calendar module (工作日历和法定期限); only its store queries them. */
import type { Generated } from 'kysely';

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

declare module '../platform/schema.js' {
  interface Database {
    calendar_overrides: CalendarOverrideTable;
    calendar_years: CalendarYearTable;
    clocks: ClockTable;
  }
}
