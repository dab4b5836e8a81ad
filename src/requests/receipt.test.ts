/** The day of receipt by channel (条例第三十一条), established in one place (receipt.ts receiptDate). */
import { describe, it, expect } from 'vitest';
import type { ValidationError } from '../platform/errors.js';
import { receiptDate } from './receipt.js';

const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as ValidationError).fieldErrors;
  }
  throw new Error('not refused');
};

describe('receiptDate', () => {
  const today = '2025-09-30';
  it('takes the day of submission for requests handed in or made orally', () => {
    expect(receiptDate('in_person', '2025-09-20', null, 'registration', today)).toBe('2025-09-20');
    expect(receiptDate('oral', '2025-09-20', '2025-09-25', 'registration', today)).toBe('2025-09-20');
  });
  it('takes the day of signing for registered mail, and the same-day confirmation for ordinary mail', () => {
    expect(receiptDate('registered_mail', '2025-09-18', '2025-09-22', 'registration', today)).toBe('2025-09-22');
    expect(refused(() => receiptDate('registered_mail', '2025-09-18', null, 'registration', today))).toEqual({
      received_on: '请填写签收日期',
    });
    expect(refused(() => receiptDate('ordinary_mail', '2025-09-18', null, 'registration', today))).toEqual({
      received_on: '请填写与申请人确认的日期（应为收到信函的当日）',
    });
    expect(refused(() => receiptDate('registered_mail', '2025-09-18', '2025-09-17', 'registration', today))).toEqual({
      received_on: '收到日期应在提交日期之后、今天之前',
    });
  });
  it('waits for both sides to confirm for fax, e-mail and online requests; confirming without a date means today', () => {
    expect(receiptDate('fax', '2025-09-18', null, 'registration', today)).toBeNull();
    expect(receiptDate('email', '2025-09-18', '2025-09-19', 'registration', today)).toBe('2025-09-19');
    expect(receiptDate('online', '2025-09-18', '', 'confirmation', today)).toBe(today);
    expect(refused(() => receiptDate('online', '2025-09-18', '2025-10-01', 'confirmation', today))).toEqual({
      received_on: '确认日期应在提交日期之后、今天之前',
    });
    expect(refused(() => receiptDate('online', '2025-09-18', '19/09/2025', 'confirmation', today))).toEqual({
      received_on: '日期应为“年-月-日”格式',
    });
  });
});
