/**
 * Time the annual report on an existing bench database (not run by tests, not part of `npm run bench`):
 *   npx tsx bench/report-timing.ts <copy-of-gongkai.sqlite | postgres://…> [--indexes] [--runs N] [--year Y]
 * Prints p50 over N runs (after one warm-up) of reportFor for the county government (the roll-up)
 * and of table3ForUnits for 示范县民政局, and a digest of the report data so that two code versions
 * can be compared on the same database. `--indexes` first applies migration 0009_report_indexes
 * directly (bench databases may carry migrations of other branches, so `migrate` is not used).
 * Work on a copy: `--indexes` writes to the file. A PostgreSQL URL is opened as it is (migrated
 * elsewhere; e.g. the bench database's jurisdictions, units and info_requests copied in with \copy).
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { systemActor } from '../src/platform/access.js';
import { reportFor } from '../src/reports/annual.js';
import { table3ForUnits } from '../src/reports/statistics.js';
import { openPostgres, type Db } from '../src/platform/db.js';
import { openBenchDb } from './generate.js';
import { percentile, timeRuns } from './load.js';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!file) throw new Error('usage: tsx bench/report-timing.ts <gongkai.sqlite copy> [--indexes] [--runs N] [--year Y]');
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const runs = opt('--runs', 5);
const year = opt('--year', 2025);

async function timeIt(fn: () => Promise<unknown>): Promise<{ p50: number; all: number[] }> {
  const t = await timeRuns(runs, fn);
  return { p50: percentile(t, 50), all: t.map((x) => Math.round(x)) };
}

const db: Db = file.startsWith('postgres') ? await openPostgres(file) : openBenchDb(file);
try {
  if (args.includes('--indexes')) {
    const t = performance.now();
    const m = await import('../src/requests/migrations/0009_report_indexes.js');
    await m.up(db.k);
    await sql`ANALYZE`.execute(db.k);
    console.log(`0009_report_indexes applied and ANALYZE run in ${Math.round(performance.now() - t)} ms`);
  }
  const gov = await db.k
    .selectFrom('units')
    .select('id')
    .where('kind', '=', 'county_government')
    .executeTakeFirstOrThrow();
  const unit = await db.k
    .selectFrom('units')
    .select(['id', 'name'])
    .where('name', '=', '示范县民政局')
    .executeTakeFirstOrThrow();
  const actor = systemActor('性能测试');
  const county = await timeIt(() => reportFor(db, actor, gov.id, year));
  const one = await timeIt(() => table3ForUnits(db, [unit.id], year));
  const data = (await reportFor(db, actor, gov.id, year)).data;
  const unitT3 = await table3ForUnits(db, [unit.id], year);
  const digest = crypto.createHash('sha256').update(JSON.stringify({ data, unitT3 })).digest('hex').slice(0, 16);
  console.log(`reportFor 示范县人民政府 ${year}: p50 ${county.p50.toFixed(1)} ms  (runs ${county.all.join(', ')})`);
  console.log(`table3ForUnits ${unit.name} ${year}: p50 ${one.p50.toFixed(1)} ms  (runs ${one.all.join(', ')})`);
  console.log(
    `county new ${data.table3.newReceived.total}, carried ${data.table3.carriedOver.total}, done ${data.table3.total.total}, forward ${data.table3.carryForward.total}, checks ${data.checks.length}`,
  );
  console.log(`digest of report data + unit table 3: ${digest}`);
} finally {
  await db.close();
}
