/** Calendar dates as 'YYYY-MM-DD' strings (no time zone: a date is a date in China). */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const;

export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

function toUtc(date: IsoDate): number {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`不是有效日期：${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

const fromUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: IsoDate, n: number): IsoDate => fromUtc(toUtc(date) + n * 86_400_000);
/**
 * The date n months later (n < 0: earlier). Without a corresponding day in the target month, its
 * last day (民法典第二百零二条: 没有对应日的，月末日为期间的最后一日): 03-31 − 1 month → 02-28.
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
export const weekday = (date: IsoDate): number => new Date(toUtc(date)).getUTCDay();
export const isWeekend = (date: IsoDate): boolean => {
  const w = weekday(date);
  return w === 0 || w === 6;
};
export const yearOf = (date: IsoDate): number => Number(date.slice(0, 4));
export const weekdayLabel = (date: IsoDate): string => WEEKDAYS[weekday(date)];
export const daysBetween = (a: IsoDate, b: IsoDate): number => Math.round((toUtc(b) - toUtc(a)) / 86_400_000);

/** Today's date in China Standard Time (UTC+8). */
export const todayInChina = (now: Date = new Date()): IsoDate => fromUtc(now.getTime() + 8 * 3_600_000);

/** '2025-10-11（星期六）' */
export const withWeekday = (date: IsoDate): string => `${date}（${weekdayLabel(date)}）`;

/** A short form for spans within one year: '10-08'. */
export const monthDay = (date: IsoDate): string => date.slice(5);
