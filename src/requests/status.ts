/** The applicant's view of a request: status and dates only, with 申请编号 + 查询码; never anyone else's data. */
import crypto from 'node:crypto';
import type { Db } from '../platform/db.js';
import { AppError, ValidationError } from '../platform/errors.js';
import { countInWindow, hit } from '../platform/throttle.js';
import { jurisdictionById, unitById } from '../org/api.js';
import { replyClockOf } from './clocks.js';
import { hashCode } from './registration.js';
import { listPublicEvents } from './store/events.js';
import { findRequestByNumber } from './store/requests.js';

export const QUERY_THROTTLE = { failures: 10, minutes: 15 } as const;

export class QueryThrottled extends AppError {
  constructor() {
    super(`查询失败次数过多，请 ${QUERY_THROTTLE.minutes} 分钟后再试。`, 429);
  }
}

/**
 * The status of a request of this portal's county (`countyCode`, the site's) for whoever holds its
 * number and query code.
 */
export async function publicStatus(db: Db, countyCode: string, number: string, code: string, ip: string | null = null) {
  const n = number.trim();
  const c = code.trim().toUpperCase();
  if (!n || !c) throw new ValidationError({ number: '请填写申请编号和查询码' });
  // Query codes are not guessable, but only if guessing is slowed down: failures are counted per address.
  const key = `ysqq:${ip ?? 'unknown'}`;
  if ((await countInWindow(db.k, key, QUERY_THROTTLE.minutes)) >= QUERY_THROTTLE.failures) throw new QueryThrottled();
  const fail = async () => {
    await hit(db.k, key, QUERY_THROTTLE.minutes);
    throw new ValidationError({ number: '申请编号或查询码不正确' });
  };
  const r = await findRequestByNumber(db.k, n);
  // A request of another county is not found here: it was filed with its own county's portal.
  const county = r ? await jurisdictionById(db.k, r.jurisdiction_id) : undefined;
  // The same answer for a wrong number and a wrong code: numbers are guessable, codes are not.
  if (
    !r ||
    !county?.code.startsWith(countyCode) ||
    r.query_code_hash.length !== 64 ||
    !crypto.timingSafeEqual(Buffer.from(r.query_code_hash), Buffer.from(hashCode(c)))
  )
    return fail();
  const unit = await unitById(db.k, r.unit_id);
  const events = await listPublicEvents(db.k, r.id);
  const clock = await replyClockOf(db.k, r.id);
  return {
    number: r.number,
    unitName: unit?.name ?? '',
    status: r.status,
    submittedAt: r.submitted_at,
    receivedOn: r.received_on,
    repliedOn: r.replied_on,
    due: clock?.result.due ?? null,
    steps: clock?.result.steps ?? [],
    events,
  };
}
