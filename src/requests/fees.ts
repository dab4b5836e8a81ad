/**
 * 信息处理费 (条例第四十二条; 国办函〔2020〕109号《政府信息公开信息处理费管理办法》): charged only
 * when the number or frequency of requests clearly exceeds a reasonable range, by count or by
 * volume (never both), each progressively.
 */

/** 第四条 按件计收: the fee of one request that is the n-th … (n+items−1)-th of the applicant in a natural month. */
export function feeByCount(previousThisMonth: number, items = 1): number {
  let total = 0;
  for (let n = previousThisMonth + 1; n <= previousThisMonth + items; n++) {
    if (n <= 10) continue; // 10件以下（含10件）的，不收费
    if (n <= 30)
      total += 100; // 11—30件（含30件）的部分：100元/件
    else total += 100 * (Math.floor((n - 31) / 10) + 2); // 31件以上：以10件为一档，每增加一档提高100元/件
  }
  return total;
}

/** 第五条 按量计收 (pages): 30 pages free; 31–100 at 10 yuan, 101–200 at 20, 201 and above at 40. */
export function feeByPages(pages: number): number {
  const band = (from: number, to: number, price: number) => Math.max(0, Math.min(pages, to) - from + 1) * price;
  return band(31, 100, 10) + band(101, 200, 20) + band(201, Number.MAX_SAFE_INTEGER, 40);
}

/** The applicant pays within 20 working days from the day after receiving the notice (109号, as restated by 四川). */
export const FEE_PAYMENT_WORKING_DAYS = 20;
