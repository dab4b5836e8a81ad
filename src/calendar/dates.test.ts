import { describe, it, expect } from 'vitest';
import { addMonths } from './dates.js';

describe('addMonths', () => {
  it('keeps the day of the month, or takes the month end when the month has no such day (民法典第二百零二条)', () => {
    expect(addMonths('2025-03-15', -1)).toBe('2025-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', -12)).toBe('2023-02-28');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
    expect(addMonths('2026-01-10', -13)).toBe('2024-12-10');
    expect(addMonths('2025-06-30', 0)).toBe('2025-06-30');
  });
});
