/** Public intake: honeypot, per-address limit and dedupe keys, shared by every public form. */
import { expect, it } from 'vitest';
import { describeEachDb } from '../testing.js';
import { ValidationError } from './errors.js';
import {
  checkHoneypot,
  checkRate,
  countSubmission,
  dedupeKey,
  dedupeSince,
  type IntakeLimit,
  RateLimited,
} from './intake.js';

const LIMIT: IntakeLimit = {
  kind: 'test',
  perWindow: 2,
  windowMinutes: 60,
  message: '同一网络地址每小时最多提交 2 次。',
};

it('refuses a filled honeypot with a message that says nothing about why', () => {
  expect(() => checkHoneypot({ website: 'http://spam.example' })).toThrow(ValidationError);
  expect(() => checkHoneypot({ website: '  ' })).not.toThrow();
  expect(() => checkHoneypot({})).not.toThrow();
});

it('keys identical submissions alike and different ones apart', () => {
  expect(dedupeKey(['990121', '张三', '低保名单'])).toBe(dedupeKey(['990121', '张三', '低保名单']));
  expect(dedupeKey(['990121', '张三', '低保名单'])).not.toBe(dedupeKey(['990121', '张三', '低保名单 ']));
  expect(dedupeKey(['a|b', 'c'])).toBe(dedupeKey(['a', 'b|c'])); // the parts are joined as they are stored
  expect(dedupeSince(Date.parse('2026-01-01T08:10:00Z'))).toBe('2026-01-01T08:00:00.000Z');
});

describeEachDb('public intake', (db) => {
  it('limits submissions per address and window, and counts only accepted ones', async () => {
    await checkRate(db().k, LIMIT, '10.1.1.1');
    await countSubmission(db().k, LIMIT, '10.1.1.1');
    await countSubmission(db().k, LIMIT, '10.1.1.1');
    await expect(checkRate(db().k, LIMIT, '10.1.1.1')).rejects.toBeInstanceOf(RateLimited);
    await expect(checkRate(db().k, LIMIT, '10.1.1.1')).rejects.toThrow('同一网络地址每小时最多提交 2 次。');
    await checkRate(db().k, LIMIT, '10.1.1.2');
    await checkRate(db().k, { ...LIMIT, kind: 'other' }, '10.1.1.1');
  });
});
