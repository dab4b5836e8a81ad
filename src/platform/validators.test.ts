import { describe, it, expect } from 'vitest';
import { isValidCreditCode, isValidResidentId } from './validators.js';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91350100M000100Y44', false],
    ['9135010OM000100Y43', false], // letter O is not in the alphabet
    ['91350100M000100Y4', false],
  ])('%s → %s', (code, ok) => expect(isValidCreditCode(code)).toBe(ok));
});

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['110105194912310021', false], // wrong check digit
    ['110105199002300012', false], // 2月30日 does not exist
    ['11010519491231002', false],
  ])('%s → %s', (id, ok) => expect(isValidResidentId(id)).toBe(ok));
});
