// Checks the shipped official working-day calendar (data/holidays/CN/<year>.json)
// against the State Council notices. Reads the files directly, no project imports.
import fs from 'node:fs';
import { describe, it, expect } from 'vitest';

interface Day {
  date: string;
  type: 'off' | 'workday';
  name: string;
}
interface Notice {
  title: string;
  docNumber: string | null;
  published: string | null;
}
interface YearFile {
  year: number;
  region: string;
  source: string;
  notices: Notice[];
  days: Day[];
}

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026];
const fileUrl = (year: number) => new URL(`../../data/holidays/CN/${year}.json`, import.meta.url);
const load = (year: number): YearFile => JSON.parse(fs.readFileSync(fileUrl(year), 'utf8')) as YearFile;

const utcDay = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
/** Inclusive date range. */
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}
const offDates = (f: YearFile) => f.days.filter((d) => d.type === 'off').map((d) => d.date);
const workdayDates = (f: YearFile) => f.days.filter((d) => d.type === 'workday').map((d) => d.date);
const nameOf = (f: YearFile, date: string) => f.days.find((d) => d.date === date)?.name;

/** Mon–Fri that are not off days, plus make-up workdays. */
function workingDays(f: YearFile): number {
  const off = new Set(offDates(f));
  let n = 0;
  for (const d of range(`${f.year}-01-01`, `${f.year}-12-31`)) {
    const wd = utcDay(d);
    if (wd !== 0 && wd !== 6 && !off.has(d)) n++;
  }
  return n + workdayDates(f).length;
}

describe('shipped holiday files', () => {
  it('exist for every year 2019–2026 and not for 2027', () => {
    for (const y of YEARS) expect(fs.existsSync(fileUrl(y)), `${y}.json`).toBe(true);
    expect(fs.existsSync(fileUrl(2027))).toBe(false);
  });

  it.each(YEARS)('%i: well-formed, dates inside the year, sorted, unique', (year) => {
    const f = load(year);
    expect(f.year).toBe(year);
    expect(f.region).toBe('CN');
    expect(typeof f.source).toBe('string');
    expect(Array.isArray(f.notices)).toBe(true);
    expect(f.notices.length).toBeGreaterThan(0);
    expect(f.notices[0].title).toBe(`国务院办公厅关于${year}年部分节假日安排的通知`);
    for (const n of f.notices) {
      expect(typeof n.title).toBe('string');
      expect(n.docNumber === null || typeof n.docNumber === 'string').toBe(true);
      expect(n.published === null || /^\d{4}-\d{2}-\d{2}$/.test(n.published)).toBe(true);
    }
    expect(Array.isArray(f.days)).toBe(true);
    const dates = f.days.map((d) => d.date);
    for (const d of f.days) {
      expect(d.date).toMatch(new RegExp(`^${year}-\\d{2}-\\d{2}$`));
      expect(new Date(`${d.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d.date); // a real date
      expect(['off', 'workday']).toContain(d.type);
      expect(d.name.trim()).not.toBe('');
    }
    expect([...dates].sort()).toEqual(dates);
    expect(new Set(dates).size).toBe(dates.length);
  });

  it.each(YEARS)('%i: every make-up workday is a Saturday or Sunday', (year) => {
    for (const d of workdayDates(load(year))) expect([0, 6], d).toContain(utcDay(d));
  });

  it.each(YEARS)('%i: uses only the official holiday names', (year) => {
    const allowed = [
      '元旦',
      '春节',
      '清明节',
      '劳动节',
      '端午节',
      '中秋节',
      '国庆节',
      '国庆节、中秋节',
      '春节（延长假期）',
    ];
    for (const d of load(year).days) expect(allowed, d.date).toContain(d.name);
  });
});

describe('2025 (国办发明电〔2024〕12号)', () => {
  const f = load(2025);

  it('off days match the notice exactly', () => {
    expect(offDates(f)).toEqual([
      '2025-01-01',
      ...range('2025-01-28', '2025-02-04'),
      ...range('2025-04-04', '2025-04-06'),
      ...range('2025-05-01', '2025-05-05'),
      ...range('2025-05-31', '2025-06-02'),
      ...range('2025-10-01', '2025-10-08'),
    ]);
  });

  it('make-up workdays match the notice exactly', () => {
    expect(workdayDates(f)).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  it('names', () => {
    expect(nameOf(f, '2025-10-08')).toBe('国庆节、中秋节');
    expect(nameOf(f, '2025-10-06')).toBe('国庆节、中秋节');
    expect(nameOf(f, '2025-01-01')).toBe('元旦');
    expect(nameOf(f, '2025-05-31')).toBe('端午节');
    const feb8 = f.days.find((d) => d.date === '2025-02-08');
    expect(feb8).toEqual({ date: '2025-02-08', type: 'workday', name: '春节' });
  });

  it('notice', () => {
    expect(f.notices).toEqual([
      {
        title: '国务院办公厅关于2025年部分节假日安排的通知',
        docNumber: '国办发明电〔2024〕12号',
        published: '2024-11-12',
      },
    ]);
  });
});

describe('2026', () => {
  const f = load(2026);

  it('off days match the notice exactly', () => {
    expect(offDates(f)).toEqual([
      ...range('2026-01-01', '2026-01-03'),
      ...range('2026-02-15', '2026-02-23'),
      ...range('2026-04-04', '2026-04-06'),
      ...range('2026-05-01', '2026-05-05'),
      ...range('2026-06-19', '2026-06-21'),
      ...range('2026-09-25', '2026-09-27'),
      ...range('2026-10-01', '2026-10-07'),
    ]);
  });

  it('make-up workdays match the notice exactly', () => {
    expect(workdayDates(f)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('names', () => {
    expect(nameOf(f, '2026-09-25')).toBe('中秋节');
    expect(nameOf(f, '2026-10-01')).toBe('国庆节');
    expect(nameOf(f, '2026-02-15')).toBe('春节');
    expect(nameOf(f, '2026-01-04')).toBe('元旦');
    expect(nameOf(f, '2026-09-20')).toBe('国庆节'); // make-up day for National Day, not Mid-Autumn
  });

  it('notice', () => {
    expect(f.notices).toEqual([
      { title: '国务院办公厅关于2026年部分节假日安排的通知', docNumber: null, published: '2025-11-04' },
    ]);
  });
});

describe('earlier years', () => {
  it('2020: COVID extension of the Spring Festival (国办发明电〔2020〕1号)', () => {
    const f = load(2020);
    for (const d of ['2020-01-31', '2020-02-01', '2020-02-02']) {
      expect(f.days.find((x) => x.date === d)).toEqual({ date: d, type: 'off', name: '春节（延长假期）' });
    }
    // 2020-02-01 (Saturday) was a make-up workday in the original notice; the extension cancelled it.
    expect(workdayDates(f)).not.toContain('2020-02-01');
    expect(nameOf(f, '2020-01-30')).toBe('春节');
    expect(f.notices).toContainEqual({
      title: '国务院办公厅关于延长2020年春节假期的通知',
      docNumber: '国办发明电〔2020〕1号',
      published: '2020-01-27',
    });
    expect(nameOf(f, '2020-10-01')).toBe('国庆节、中秋节');
    expect(nameOf(f, '2020-10-10')).toBe('国庆节、中秋节');
  });

  it('2022: notice number', () => {
    expect(load(2022).notices[0]).toEqual({
      title: '国务院办公厅关于2022年部分节假日安排的通知',
      docNumber: '国办发明电〔2021〕11号',
      published: '2021-10-25',
    });
  });

  it('2023: 元旦 ends on 01-02; 中秋节、国庆节 combined 09-29..10-06', () => {
    const f = load(2023);
    expect(offDates(f)).toContain('2023-01-02');
    expect(offDates(f)).not.toContain('2023-01-03');
    expect(nameOf(f, '2023-01-03')).toBeUndefined();
    for (const d of range('2023-09-29', '2023-10-06')) expect(nameOf(f, d)).toBe('国庆节、中秋节');
    // 2023's 元旦 started on Saturday 2022-12-31, which therefore lives in the 2022 file.
    expect(load(2022).days.find((d) => d.date === '2022-12-31')).toEqual({
      date: '2022-12-31',
      type: 'off',
      name: '元旦',
    });
  });

  it('2019: Labour Day as amended by 国办发明电〔2019〕3号 (5/1–5/4, 4/28 and 5/5 worked)', () => {
    const f = load(2019);
    for (const d of range('2019-05-01', '2019-05-04')) expect(offDates(f)).toContain(d);
    expect(workdayDates(f)).toEqual(expect.arrayContaining(['2019-04-28', '2019-05-05']));
  });
});

describe('working days per year', () => {
  const counts = Object.fromEntries(YEARS.map((y) => [y, workingDays(load(y))]));
  console.log('working days per year:', counts);

  it('2025 and 2026 have 248 working days', () => {
    expect(counts[2025]).toBe(248);
    expect(counts[2026]).toBe(248);
  });

  it.each(YEARS)('%i is within 242..252', (year) => {
    expect(counts[year]).toBeGreaterThanOrEqual(242);
    expect(counts[year]).toBeLessThanOrEqual(252);
  });
});
