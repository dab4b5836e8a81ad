/** Loading the shipped yearly schedules (data/holidays/CN/<year>.json). */
import fs from 'node:fs';
import type { YearSchedule, CalendarDay } from './calendar.js';
import { isIsoDate } from './dates.js';

const DIR = new URL('../../data/holidays/CN/', import.meta.url);
let cache: YearSchedule[] | undefined;

/** Validate one schedule (a shipped file or an administrator's import); throws with a Chinese message. */
export function validateSchedule(raw: unknown, where = '文件'): YearSchedule {
  const s = raw as Partial<YearSchedule>;
  if (!s || typeof s !== 'object') throw new Error(`${where}：不是有效的节假日安排`);
  if (!Number.isInteger(s.year) || s.year! < 1949 || s.year! > 2200)
    throw new Error(`${where}：缺少有效的年份（year）`);
  if (!Array.isArray(s.days)) throw new Error(`${where}：缺少日期列表（days）`);
  const seen = new Set<string>();
  s.days.forEach((d: Partial<CalendarDay>, i) => {
    const at = `${where} 第 ${i + 1} 个日期`;
    if (!d || typeof d.date !== 'string' || !isIsoDate(d.date))
      throw new Error(`${at}：日期应为“年-月-日”格式，如 2027-01-01`);
    if (!d.date.startsWith(`${s.year}-`)) throw new Error(`${at}：${d.date} 不在 ${s.year} 年内`);
    if (d.type !== 'off' && d.type !== 'workday') throw new Error(`${at}：类型应为 off（放假）或 workday（调休上班）`);
    if (typeof d.name !== 'string' || !d.name.trim()) throw new Error(`${at}：缺少节日名称`);
    if (seen.has(d.date)) throw new Error(`${at}：${d.date} 重复`);
    seen.add(d.date);
  });
  return {
    year: s.year!,
    region: typeof s.region === 'string' ? s.region : 'CN',
    source: typeof s.source === 'string' ? s.source : undefined,
    notices: Array.isArray(s.notices) ? s.notices : [],
    days: [...s.days].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

export function loadShippedSchedules(): YearSchedule[] {
  if (cache) return cache;
  const files = fs
    .readdirSync(DIR)
    .filter((f) => /^\d{4}\.json$/.test(f))
    .sort();
  cache = files.map((f) =>
    validateSchedule(JSON.parse(fs.readFileSync(new URL(f, DIR), 'utf8')), `data/holidays/CN/${f}`),
  );
  return cache;
}
