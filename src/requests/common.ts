/**
 * What the services of the module start from: a request with its receiving unit, loaded with the
 * access check of the action, and the small checks every step makes (state, dates).
 */
import { type Action, type Actor, assertCan } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ConflictError, NotFoundError, ValidationError } from '../platform/errors.js';
import type { Place } from '../platform/settings.js';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/schema.js';
import { jurisdictionById, type UnitRow, unitById } from '../org/api.js';
import { type IsoDate, isIsoDate, todayInChina } from '../calendar/dates.js';
import { STATUS_LABELS } from './model.js';
import { findRequest, type RequestRow } from './store/requests.js';

type K = Kysely<Database> | Transaction<Database>;

/** A request and its receiving unit. */
export interface Loaded {
  r: RequestRow;
  unit: UnitRow;
}

export const unitRef = (u: UnitRow) => ({ id: u.id, jurisdictionCode: u.jurisdiction_code });

/** The request and its unit, if the actor may perform the action on the unit's requests. */
export async function loadRequest(db: Db, actor: Actor, id: number, action: Action, message: string): Promise<Loaded> {
  const r = await findRequest(db.k, id);
  if (!r) throw new NotFoundError('该申请不存在。');
  const unit = await unitById(db.k, r.unit_id);
  if (!unit) throw new NotFoundError('该申请的受理机关不存在。');
  assertCan(actor, action, unitRef(unit), message);
  return { r, unit };
}

/** For a handling step: only the receiving unit's handlers. */
export const loadForHandling = (db: Db, actor: Actor, id: number) =>
  loadRequest(db, actor, id, 'request.handle', '只有受理机关的依申请办理员可以办理该申请。');

/**
 * The code of the county (the portal) a request was filed with: its `jurisdiction_id`. Calendars,
 * counting rules and settings are read for it.
 */
export async function countyCodeOf(k: K, r: Pick<RequestRow, 'jurisdiction_id'>): Promise<string> {
  const j = await jurisdictionById(k, r.jurisdiction_id);
  if (!j) throw new NotFoundError('该申请所属的行政区不存在。');
  return j.code;
}

/** Where the settings of a request are read: its county and its receiving unit. */
export async function placeOf(k: K, r: Pick<RequestRow, 'jurisdiction_id' | 'unit_id'>): Promise<Place> {
  return { jurisdictionCode: await countyCodeOf(k, r), unitId: r.unit_id };
}

export function requireState(status: string, allowed: string[], action: string) {
  if (!allowed.includes(status))
    throw new ConflictError(`该申请当前为“${STATUS_LABELS[status] ?? status}”，不能${action}。`);
}

/** A date of a form (today when empty), not after today and not before `min`. */
export function dateField(raw: Record<string, unknown>, key: string, label: string, min?: string | null): IsoDate {
  const v = String(raw[key] ?? '').trim() || todayInChina();
  if (!isIsoDate(v)) throw new ValidationError({ [key]: `${label}应为“年-月-日”格式` });
  if (v > todayInChina()) throw new ValidationError({ [key]: `${label}不能晚于今天` });
  if (min && v < min) throw new ValidationError({ [key]: `${label}不能早于 ${min}` });
  return v;
}

/** Masks for those who may see a request but not the applicant's identity and contacts. */
export const mask = (s: string | null, keep = 1) =>
  s ? s.slice(0, keep) + '*'.repeat(Math.max(s.length - keep, 1)) : null;
export const maskId = (s: string) =>
  s.length > 8 ? `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}` : '*'.repeat(s.length);
