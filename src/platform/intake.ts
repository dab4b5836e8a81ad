/**
 * Public intake: the checks every submission from the portal passes before a module looks at
 * its content — the honeypot field that people never fill in, a per-address limit, and a dedupe
 * key for identical submissions (double clicks, resubmissions). 依申请公开 uses it today; 留言,
 * 意见征集 and complaints use the same parts.
 */
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError, ValidationError } from './errors.js';
import type { Database } from './schema.js';
import { countInWindow, hit } from './throttle.js';

type K = Kysely<Database> | Transaction<Database>;

/** The hidden field of every public form (hidden from people, filled in by form-filling robots). */
export const HONEYPOT_FIELD = 'website';

/** Refuse a submission whose honeypot field holds anything; the message says nothing about why. */
export function checkHoneypot(raw: Record<string, unknown>): void {
  if (String(raw[HONEYPOT_FIELD] ?? '').trim()) throw new ValidationError({ _form: '提交未成功，请刷新页面后重试。' });
}

export class RateLimited extends AppError {
  constructor(message: string) {
    super(message, 429);
  }
}

export interface IntakeLimit {
  /** What is counted, e.g. 'ysq' (依申请公开 submissions). */
  kind: string;
  perWindow: number;
  windowMinutes: number;
  /** The Chinese message when the limit is reached. */
  message: string;
}

const keyOf = (limit: IntakeLimit, ip: string | null) => `${limit.kind}:${ip ?? 'unknown'}`;

/** Throw RateLimited when this address has reached its limit in the window. */
export async function checkRate(k: K, limit: IntakeLimit, ip: string | null): Promise<void> {
  if ((await countInWindow(k, keyOf(limit, ip), limit.windowMinutes)) >= limit.perWindow)
    throw new RateLimited(limit.message);
}

/** Count one accepted submission from this address. */
export async function countSubmission(k: K, limit: IntakeLimit, ip: string | null): Promise<void> {
  await hit(k, keyOf(limit, ip), limit.windowMinutes);
}

/** How long an identical submission counts as the same one. */
export const DEDUPE_MINUTES = 10;

/** The dedupe key of a submission: a hash of the parts that make two submissions the same. */
export const dedupeKey = (parts: string[]): string => crypto.createHash('sha256').update(parts.join('|')).digest('hex');

/** The earliest creation time an identical submission may have to count as this one. */
export const dedupeSince = (now = Date.now()): string => new Date(now - DEDUPE_MINUTES * 60_000).toISOString();
