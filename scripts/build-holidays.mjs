#!/usr/bin/env node
// Build data/holidays/CN/<year>.json (China's official working-day calendar:
// statutory holidays and 调休 make-up working days) from the npm package
// chinese-days (MIT, https://github.com/vsme/chinese-days).
//
// Usage:
//   node scripts/build-holidays.mjs [path-to-chinese-days] [output-dir]
//
// The package is NOT a dependency of this project. Install it somewhere else:
//   mkdir -p /tmp/cdays && cd /tmp/cdays && npm init -y && npm install chinese-days@1.5.7
// and pass its folder (default: /tmp/cdays/node_modules/chinese-days).
// Output dir default: data/holidays/CN next to this script's project root.
//
// What is read: dist/years/<year>.json (cross-checked against
// dist/chinese-days.json) and, for the Mid-Autumn date, getLunarDate() from
// dist/index.min.js. Each package entry looks like "Spring Festival,春节,4"
// (English name, Chinese name, statutory day count); `holidays` are 放假 days,
// `workdays` are 调休上班 days. The package's `inLieuDays` (which off days are
// 调休 rather than statutory) is not needed here and is ignored.
//
// Output per year: 2-space indented JSON, one day per line, sorted by date:
//   { "year", "region": "CN", "source", "notices": [...], "days": [...] }
// where each day is { "date": "YYYY-MM-DD", "type": "off"|"workday", "name" }.
//
// The official State Council notices are the authority; this script only
// transcribes the package and applies the corrections listed below. Re-check
// every generated year against its notice before committing.

import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIRST_YEAR = 2019;
const LAST_YEAR = 2026;
const EXPECTED_VERSION = '1.5.7';

const here = dirname(fileURLToPath(import.meta.url));
const pkgDir = resolve(process.argv[2] ?? '/tmp/cdays/node_modules/chinese-days');
const outDir = resolve(process.argv[3] ?? join(here, '..', 'data', 'holidays', 'CN'));

// Notices of the General Office of the State Council (国务院办公厅). Only
// fill docNumber / published where verified; null means "not verified".
// `published` is the public release date (normally the date signed at the
// end of the notice and the date of the Xinhua / gov.cn release).
const mainTitle = (year) => `国务院办公厅关于${year}年部分节假日安排的通知`;
const NOTICES = {
  2019: [
    // 国办发明电〔2018〕15号 is signed 2018-12-04 but was released a couple of
    // days later; the exact release date is not verified, so it stays null.
    { title: mainTitle(2019), docNumber: '国办发明电〔2018〕15号', published: null },
    // Amendment: Labour Day changed from 1 day to 5/1–5/4 with 4/28 and 5/5 worked.
    {
      title: '国务院办公厅关于调整2019年劳动节假期安排的通知',
      docNumber: '国办发明电〔2019〕3号',
      published: '2019-03-22',
    },
  ],
  2020: [
    { title: mainTitle(2020), docNumber: '国办发明电〔2019〕16号', published: '2019-11-21' },
    { title: '国务院办公厅关于延长2020年春节假期的通知', docNumber: '国办发明电〔2020〕1号', published: '2020-01-27' },
  ],
  2021: [{ title: mainTitle(2021), docNumber: '国办发明电〔2020〕27号', published: '2020-11-25' }],
  2022: [{ title: mainTitle(2022), docNumber: '国办发明电〔2021〕11号', published: '2021-10-25' }],
  2023: [{ title: mainTitle(2023), docNumber: '国办发明电〔2022〕16号', published: '2022-12-08' }],
  2024: [{ title: mainTitle(2024), docNumber: '国办发明电〔2023〕7号', published: '2023-10-25' }],
  2025: [{ title: mainTitle(2025), docNumber: '国办发明电〔2024〕12号', published: '2024-11-12' }],
  2026: [{ title: mainTitle(2026), docNumber: null, published: '2025-11-04' }],
};

// Package English name -> official Chinese name used in the notices.
const NAMES = {
  "New Year's Day": '元旦',
  'Spring Festival': '春节',
  'Tomb-sweeping Day': '清明节',
  'Labour Day': '劳动节',
  'Dragon Boat Festival': '端午节',
  'Mid-autumn Festival': '中秋节',
  'National Day': '国庆节',
};
const COMBINED_AUTUMN = '国庆节、中秋节';

// 国办发明电〔2020〕1号 extended the 2020 Spring Festival (originally 1/24–1/30,
// with Saturday 2/1 to be worked) to 2/2. The package already has these as
// plain Spring Festival off days and has dropped the 2/1 make-up workday; we
// only rename them so the extension is visible.
const EXTENSION_NAME = '春节（延长假期）';
const EXTENSIONS = ['2020-01-31', '2020-02-01', '2020-02-02'];

function fail(msg) {
  console.error(`build-holidays: ${msg}`);
  process.exit(1);
}

function readJson(p) {
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch (err) {
    fail(`cannot read ${p}: ${err.message}`);
  }
}

function weekday(date) {
  return new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
}

function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function parseEntry(date, value) {
  const [en, zh] = String(value).split(',');
  const name = NAMES[en];
  if (!name) fail(`${date}: unknown holiday "${value}"`);
  return { en, zh, name };
}

// ---- load the package ------------------------------------------------------

try {
  statSync(join(pkgDir, 'package.json'));
} catch {
  fail(`${pkgDir} does not look like an installed chinese-days package`);
}
const pkg = readJson(join(pkgDir, 'package.json'));
if (pkg.name !== 'chinese-days') fail(`${pkgDir} is ${pkg.name}, not chinese-days`);
if (pkg.version !== EXPECTED_VERSION) {
  console.warn(
    `build-holidays: WARNING chinese-days ${pkg.version} (expected ${EXPECTED_VERSION}); ` +
      're-check every year against the State Council notices.',
  );
}
const SOURCE = `chinese-days@${pkg.version} (MIT), checked against the State Council notice`;

const all = readJson(join(pkgDir, 'dist', 'chinese-days.json'));
const lunar = createRequire(import.meta.url)(join(pkgDir, 'dist', 'index.min.js'));
if (typeof lunar.getLunarDate !== 'function') fail('dist/index.min.js has no getLunarDate()');

function midAutumn(year) {
  // Lunar 8/15 (not in a leap month); always between early September and early October.
  for (let d = `${year}-09-01`; d <= `${year}-10-31`; d = addDays(d, 1)) {
    const l = lunar.getLunarDate(d);
    if (l.lunarMon === 8 && l.lunarDay === 15 && !l.isLeap) return d;
  }
  fail(`no Mid-Autumn date found for ${year}`);
}

// ---- build one year --------------------------------------------------------

function buildYear(year) {
  const data = readJson(join(pkgDir, 'dist', 'years', `${year}.json`));
  for (const kind of ['holidays', 'workdays']) {
    const fromYear = data[kind] ?? fail(`${year}.json has no ${kind}`);
    const fromAll = Object.fromEntries(Object.entries(all[kind]).filter(([d]) => d.startsWith(`${year}-`)));
    if (JSON.stringify(Object.entries(fromYear).sort()) !== JSON.stringify(Object.entries(fromAll).sort())) {
      fail(`${year}: dist/years/${year}.json and dist/chinese-days.json disagree on ${kind}`);
    }
  }

  const off = new Map(); // date -> parsed entry
  const work = new Map();
  for (const [date, v] of Object.entries(data.holidays)) off.set(date, parseEntry(date, v));
  for (const [date, v] of Object.entries(data.workdays)) work.set(date, parseEntry(date, v));

  for (const date of [...off.keys(), ...work.keys()]) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !date.startsWith(`${year}-`)) fail(`${year}: bad date ${date}`);
  }
  for (const date of work.keys()) {
    if (off.has(date)) fail(`${date} is both an off day and a workday`);
    const wd = weekday(date);
    if (wd !== 0 && wd !== 6) fail(`${date}: make-up workday is not a Saturday or Sunday`);
  }

  // Combined National Day / Mid-Autumn break: the run of consecutive off days
  // that contains 10-01 also contains the Mid-Autumn festival day (2020, 2023,
  // 2025 in this range). The package does not always mark it (2020 is all
  // "National Day"; 2023 and 2025 mark just one day "Mid-autumn"), so detect it
  // from the lunar calendar and name the whole run and its workdays together.
  const names = new Map([...off].map(([d, e]) => [d, e.name]));
  const workNames = new Map([...work].map(([d, e]) => [d, e.name]));
  const nd = `${year}-10-01`;
  if (off.has(nd)) {
    let start = nd;
    let end = nd;
    while (off.has(addDays(start, -1))) start = addDays(start, -1);
    while (off.has(addDays(end, 1))) end = addDays(end, 1);
    const ma = midAutumn(year);
    if (ma >= start && ma <= end) {
      for (const [d, e] of off) {
        if (d >= start && d <= end) {
          if (e.name !== '国庆节' && e.name !== '中秋节') fail(`${d}: unexpected ${e.name} in the autumn break`);
          names.set(d, COMBINED_AUTUMN);
        }
      }
      for (const [d, e] of work) {
        if (e.name === '国庆节' || e.name === '中秋节') workNames.set(d, COMBINED_AUTUMN);
      }
    }
  }

  for (const d of EXTENSIONS) {
    if (!d.startsWith(`${year}-`)) continue;
    if (off.get(d)?.name !== '春节') fail(`${d}: expected a Spring Festival off day in the package`);
    names.set(d, EXTENSION_NAME);
  }

  const days = [
    ...[...names].map(([date, name]) => ({ date, type: 'off', name })),
    ...[...workNames].map(([date, name]) => ({ date, type: 'workday', name })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // A December 元旦 day (e.g. 2022-12-31) comes from the NEXT year's notice.
  const notices = [...(NOTICES[year] ?? [{ title: mainTitle(year), docNumber: null, published: null }])];
  if (days.some((d) => d.name === '元旦' && d.date.slice(5, 7) === '12')) {
    const next = NOTICES[year + 1]?.[0] ?? { title: mainTitle(year + 1), docNumber: null, published: null };
    notices.push(next);
  }

  return { year, region: 'CN', source: SOURCE, notices, days };
}

// ---- serialise (2-space indent, one notice / day per line) ----------------

function inline(obj) {
  return `{ ${Object.entries(obj)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(', ')} }`;
}

function serialise(cal) {
  const list = (arr) => `[\n${arr.map((x) => `    ${inline(x)}`).join(',\n')}\n  ]`;
  return (
    '{\n' +
    `  "year": ${cal.year},\n` +
    `  "region": ${JSON.stringify(cal.region)},\n` +
    `  "source": ${JSON.stringify(cal.source)},\n` +
    `  "notices": ${list(cal.notices)},\n` +
    `  "days": ${list(cal.days)}\n` +
    '}\n'
  );
}

function workingDays(cal) {
  const off = new Set(cal.days.filter((d) => d.type === 'off').map((d) => d.date));
  const extra = cal.days.filter((d) => d.type === 'workday').length;
  let n = 0;
  for (let d = `${cal.year}-01-01`; d <= `${cal.year}-12-31`; d = addDays(d, 1)) {
    const wd = weekday(d);
    if (wd !== 0 && wd !== 6 && !off.has(d)) n++;
  }
  return n + extra;
}

mkdirSync(outDir, { recursive: true });
for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
  const cal = buildYear(year);
  const text = serialise(cal);
  JSON.parse(text); // sanity: valid JSON
  writeFileSync(join(outDir, `${year}.json`), text);
  const offN = cal.days.filter((d) => d.type === 'off').length;
  const workN = cal.days.filter((d) => d.type === 'workday').length;
  console.log(`${year}: ${offN} off days, ${workN} make-up workdays, ${workingDays(cal)} working days`);
}
