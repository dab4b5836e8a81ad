import { describe, it, expect } from 'vitest';
import { feeByCount, feeByPages } from './fees.js';

describe('信息处理费 (国办函〔2020〕109号)', () => {
  it.each([
    [0, 1, 0],
    [9, 1, 0],
    [10, 1, 100],
    [29, 1, 100],
    [30, 1, 200],
    [39, 1, 200],
    [40, 1, 300],
    [50, 1, 400],
    [8, 5, 300], // the 9th and 10th are free, the 11th–13th cost 100 each
    [28, 4, 600], // 29th, 30th at 100; 31st, 32nd at 200
  ])('by count: %i earlier this month, %i item(s) → %i yuan', (prev, items, fee) =>
    expect(feeByCount(prev, items)).toBe(fee),
  );

  it.each([
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [150, 1700],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])('by pages: %i pages → %i yuan', (pages, fee) => expect(feeByPages(pages)).toBe(fee));
});
