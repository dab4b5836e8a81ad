/**
 * 信息处理费 (条例第四十二条; 国办函〔2020〕109号) in the workflow: the 收费通知 with the amount by count
 * (the applicant's requests in the same natural month) or by pages, the payment, and the request
 * closed as 其他处理 2 when the fee is not paid within 20 working days.
 */
import type { Actor } from '../platform/access.js';
import type { Db } from '../platform/db.js';
import { ValidationError } from '../platform/errors.js';
import { readSetting } from '../platform/settings.js';
import { addWorkingDays } from '../calendar/clock.js';
import { calendarFor, rulesFor } from '../calendar/service.js';
import { storedReplyClock } from './clocks.js';
import { countyCodeOf, dateField, loadForHandling, placeOf, requireState } from './common.js';
import { repliedEvent } from './domain-events.js';
import { FEE_PAYMENT_WORKING_DAYS, feeByCount, feeByPages } from './fees.js';
import { outcomeText } from './model.js';
import { FEE_PAUSES_CLOCK } from './settings.js';
import { requestStep } from './step.js';
import { countReceivedBetween } from './store/requests.js';

const FEE_PAUSE_NOTE = '等待缴纳信息处理费';

/**
 * 收费通知. Whether the payment period is left out of the reply period is marked uncertain in the
 * reference (regulations §1.6); the setting 'request.feePausesClock' (default: yes) decides.
 */
export async function feeNotice(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r } = loaded;
  requireState(r.status, ['processing'], '发出收费通知');
  const basis = String(raw.basis ?? '');
  const date = dateField(raw, 'date', '通知日期', r.received_on);
  let amount: number;
  let how: string;
  if (basis === 'count') {
    const items = Number(String(raw.items ?? '1').trim() || '1');
    if (!Number.isInteger(items) || items < 1 || items > 1000)
      throw new ValidationError({ items: '件数应为 1～1000 的整数' });
    const month = r.received_on!.slice(0, 7);
    // 同一申请人 (109号第四条) as at intake (applicantKey): by identity number, or, while the number awaits
    // 补正, by name with the same contacts — a namesake's requests are not counted against this applicant.
    const earlier = await countReceivedBetween(db.k, r, `${month}-01`, r.received_on!);
    amount = feeByCount(earlier, items);
    how = `按件计收：本自然月此前已申请 ${earlier} 件，本申请 ${items} 件`;
  } else if (basis === 'pages') {
    const pages = Number(String(raw.pages ?? '').trim());
    if (!Number.isInteger(pages) || pages < 1 || pages > 100000) throw new ValidationError({ pages: '页数应为正整数' });
    amount = feeByPages(pages);
    how = `按量计收：共 ${pages} 页`;
  } else throw new ValidationError({ basis: '请选择按件计收或按量计收（不得同时按两种标准计算）' });
  if (amount === 0) throw new ValidationError({ basis: `${how}，在免费范围内，不收取信息处理费` });
  const pauses = await readSetting(db.k, FEE_PAUSES_CLOCK, await placeOf(db.k, r));
  return requestStep(db, actor, loaded, {
    set: { status: 'fee_pending', fee_amount: amount, fee_notice_on: date },
    clock: pauses ? { type: 'pause', date, note: FEE_PAUSE_NOTE } : undefined,
    note: `${date} 发出收费通知，信息处理费 ${amount} 元（${how}，国办函〔2020〕109号），请于收到通知次日起 ${FEE_PAYMENT_WORKING_DAYS} 个工作日内缴纳`,
    action: 'request.fee',
    summary: `收费通知 ${amount} 元（${how}）`,
  });
}

export async function feePaid(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r } = loaded;
  requireState(r.status, ['fee_pending'], '登记缴费');
  const date = dateField(raw, 'date', '缴费日期', r.fee_notice_on);
  // The reply clock was paused by the notice only when the setting said so at the time.
  const paused = ((await storedReplyClock(db.k, id))?.events ?? []).some(
    (e) => e.type === 'pause' && e.note === FEE_PAUSE_NOTE,
  );
  return requestStep(db, actor, loaded, {
    set: { status: 'processing' },
    clock: paused ? { type: 'resume', date, note: '已缴纳信息处理费' } : undefined,
    note: `${date} 申请人已缴纳信息处理费 ${r.fee_amount} 元`,
    action: 'request.fee_paid',
    summary: `缴费 ${r.fee_amount} 元`,
  });
}

/** 逾期未缴费: after the 20 working days, 视为放弃申请 → 其他处理 2. */
export async function feeUnpaid(db: Db, actor: Actor, id: number, raw: Record<string, unknown>) {
  const loaded = await loadForHandling(db, actor, id);
  const { r, unit } = loaded;
  requireState(r.status, ['fee_pending'], '按逾期未缴费处理');
  const date = dateField(raw, 'date', '处理日期', r.fee_notice_on);
  const code = await countyCodeOf(db.k, r);
  let last: string | null = null;
  try {
    // counted from the day after the notice is received; the notice date stands in for receipt
    last = addWorkingDays(await calendarFor(db.k, code), r.fee_notice_on!, FEE_PAYMENT_WORKING_DAYS, {
      ...(await rulesFor(db.k, code)),
      countFromNextDay: true,
    }).due;
  } catch {
    throw new ValidationError({ date: '缴费期限所在年份的节假日安排尚未载入，暂不能认定逾期' });
  }
  if (date <= last) throw new ValidationError({ date: `缴费期限 ${last} 尚未届满` });
  return requestStep(db, actor, loaded, {
    set: { status: 'replied', outcome: 'other.unpaidFee', replied_on: date },
    clock: { type: 'stop', date, note: '逾期未缴费，不再处理' },
    note: '申请人逾期未缴纳信息处理费，视为放弃申请，不再处理',
    action: 'request.reply',
    summary: outcomeText('other.unpaidFee'),
    events: [repliedEvent(r.id, unit.id, 'other.unpaidFee', date)],
  });
}
