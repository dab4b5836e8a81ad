/**
 * Reading holiday schedules from iCalendar (.ics) files such as the calendars published with
 * holiday packages or exported from office calendar software. Pure; errors name the line.
 */
import { addDays, isIsoDate, type IsoDate } from './dates.js';
import type { CalendarDay } from './calendar.js';

export interface IcsResult {
  days: CalendarDay[];
  errors: string[];
}

const SHORT_NAMES: Record<string, string> = {
  端午: '端午节',
  清明: '清明节',
  中秋: '中秋节',
  国庆: '国庆节',
  劳动: '劳动节',
};

function unfold(text: string): { line: string; no: number }[] {
  const out: { line: string; no: number }[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length) out[out.length - 1].line += raw.slice(1);
      else out.push({ line: raw, no: i + 1 });
    });
  return out;
}

const unescapeText = (v: string) =>
  v
    .replace(/\\n/gi, ' ')
    .replace(/\\([,;\\])/g, '$1')
    .trim();

function dateValue(v: string): IsoDate | null {
  const m = /^(\d{4})(\d{2})(\d{2})/.exec(v.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]}-${m[3]}`;
  return isIsoDate(d) ? d : null;
}

/** Decide 放假 or 调休上班 and the holiday name from an event's texts. */
export function classify(
  summary: string,
  description: string,
  appleSpecial: string,
): { type: 'off' | 'workday'; name: string } {
  const all = `${summary} ${description}`;
  const workday =
    /ALTERNATE-WORKDAY/i.test(appleSpecial) ||
    /[（(]班[)）]|补班|上班|调班|^班$/.test(summary.trim()) ||
    /^班$/.test(description.trim()) ||
    /补班|上班/.test(all);
  let name = summary
    .replace(/[（(][休班][)）]/g, '')
    .replace(/放假调休|放假|补班|上班|调休|休息|假期/g, '')
    .replace(/[\s·:：,，]+/g, '')
    .trim();
  name = SHORT_NAMES[name] ?? name;
  return { type: workday ? 'workday' : 'off', name: name || (workday ? '调休上班' : '节假日') };
}

export function parseIcs(text: string): IcsResult {
  const days = new Map<IsoDate, CalendarDay>();
  const errors: string[] = [];
  const lines = unfold(text);
  if (!lines.some((l) => l.line.trim() === 'BEGIN:VCALENDAR'))
    return { days: [], errors: ['不是 iCalendar（.ics）文件：缺少 BEGIN:VCALENDAR'] };
  let ev: {
    start?: IsoDate;
    end?: IsoDate;
    summary: string;
    description: string;
    apple: string;
    no: number;
    bad?: boolean;
  } | null = null;
  for (const { line, no } of lines) {
    const idx = line.indexOf(':');
    if (idx < 0) continue;
    const head = line.slice(0, idx).toUpperCase();
    const value = line.slice(idx + 1);
    const prop = head.split(';')[0];
    if (prop === 'BEGIN' && value.trim().toUpperCase() === 'VEVENT')
      ev = { summary: '', description: '', apple: '', no };
    else if (!ev) continue;
    else if (prop === 'DTSTART') {
      ev.start = dateValue(value) ?? undefined;
      if (!ev.start) {
        errors.push(`第 ${no} 行：DTSTART 不是有效日期（${value.trim()}）`);
        ev.bad = true;
      }
    } else if (prop === 'DTEND') {
      ev.end = dateValue(value) ?? undefined;
      if (!ev.end) {
        errors.push(`第 ${no} 行：DTEND 不是有效日期（${value.trim()}）`);
        ev.bad = true;
      }
    } else if (prop === 'SUMMARY') ev.summary = unescapeText(value);
    else if (prop === 'DESCRIPTION') ev.description = unescapeText(value);
    else if (prop === 'X-APPLE-SPECIAL-DAY') ev.apple = value.trim();
    else if (prop === 'END' && value.trim().toUpperCase() === 'VEVENT') {
      if (ev.bad) {
        // already reported
      } else if (!ev.start) {
        errors.push(`第 ${ev.no} 行开始的事件缺少开始日期（DTSTART）`);
      } else {
        const { type, name } = classify(ev.summary, ev.description, ev.apple);
        // DTEND of an all-day event is exclusive; without it the event is one day long.
        const end = ev.end && ev.end > ev.start ? ev.end : addDays(ev.start, 1);
        if (Math.round((Date.parse(end) - Date.parse(ev.start)) / 86_400_000) > 31) {
          errors.push(`第 ${ev.no} 行开始的事件“${ev.summary}”超过 31 天，不像节假日安排`);
        } else {
          for (let d = ev.start; d < end; d = addDays(d, 1)) {
            const prev = days.get(d);
            if (prev && prev.type !== type) errors.push(`第 ${ev.no} 行开始的事件：${d} 既标为放假又标为上班`);
            days.set(d, { date: d, type, name });
          }
        }
      }
      ev = null;
    }
  }
  if (!errors.length && days.size === 0) errors.push('文件中没有找到任何节假日事件（VEVENT）');
  return { days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)), errors };
}
