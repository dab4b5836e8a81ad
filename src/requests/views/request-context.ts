/** What the sections of a request's handling page share. */
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Errors } from '../../platform/ui/forms.js';
import type { AppEnv } from '../../platform/web/env.js';
import type { RequestPageData } from '../detail.js';

export interface RequestCtx {
  c: Context<AppEnv>;
  id: number;
  v: RequestPageData;
  q: RequestPageData['request'];
  errors?: Errors;
  message?: string;
  /** The errors of one consultee's answer form, keyed to its field ids. */
  consultErrors?: Errors;
  failed?: { step: string; consultationId?: string };
  today: string;
  /** A form posting to one of the request's steps. */
  action: (name: string, title: string, body: unknown, button: string, danger?: boolean) => Child;
  /** The date field of a step's form (today by default). */
  dateInput: (label: string) => Child;
}
