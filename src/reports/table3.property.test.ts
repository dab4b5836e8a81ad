/**
 * The database aggregation of tables 3 and 4 (service.ts) against the pure reference definitions
 * (computeTable3, computeTable4) over every request and appeal of the units, on a varied, seeded
 * set: every outcome row and applicant column, dates on and around the year boundaries, requests
 * never received or never answered, answers without a valid outcome, empty dates, every status.
 */
import { it, expect } from 'vitest';
import type { Insertable } from 'kysely';
import { describeEachDb, seedDemoDb } from '../testing.js';
import type { InfoRequestAppealTable, InfoRequestTable } from '../requests/tables.js';
import { STATUS_LABELS } from '../requests/model.js';
import { table3ForUnits, table3Of, table4ForUnits } from './statistics.js';
import { RESULT_KEYS, computeTable3 } from './table3.js';
import { computeTable4 } from './table4.js';

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YEARS = [2022, 2023, 2024, 2025, 2026];
const pad = (n: number) => String(n).padStart(2, '0');

describeEachDb('tables 3 and 4 in the database equal the reference definitions', (db) => {
  it('gives the same Table3 and Table4 as computeTable3 / computeTable4 for every year and unit set', async () => {
    await seedDemoDb(db());
    const units = await db().k.selectFrom('units').select(['id', 'jurisdiction_id']).orderBy('id').execute();
    const rnd = mulberry32(20250101);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    // Dates on both sides of every boundary, and ordinary ones.
    const boundary = YEARS.flatMap((y) => [`${y - 1}-12-31`, `${y}-01-01`, `${y}-01-02`, `${y}-12-30`, `${y}-12-31`]);
    const date = (): string =>
      rnd() < 0.5
        ? pick(boundary)
        : `${pick([2021, ...YEARS, 2027])}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
    const later = (d: string): string => {
      const r = rnd();
      if (r < 0.3) return d; // answered the same day
      const t = new Date(`${d}T00:00:00Z`);
      t.setUTCDate(t.getUTCDate() + Math.floor(rnd() * (r < 0.8 ? 40 : 500)));
      return t.toISOString().slice(0, 10);
    };
    const applicants = [
      ['natural', null],
      ['legal', 'commercial'],
      ['legal', 'research'],
      ['legal', 'public_welfare'],
      ['legal', 'legal_service'],
      ['legal', 'other'],
      ['legal', null],
      ['legal', 'unknown'],
      ['natural', 'commercial'],
    ] as const;
    const statuses = Object.keys(STATUS_LABELS);
    const outcomes = [...RESULT_KEYS, null, 'bogus'];

    const rows: Insertable<InfoRequestTable>[] = [];
    for (let n = 1; n <= 1500; n++) {
      const unit = units[n % units.length];
      const [applicant_type, org_type] = pick(applicants);
      const r = rnd();
      const received = r < 0.05 ? null : r < 0.07 ? '' : date();
      const s = rnd();
      // Mostly answered with a valid outcome; some open, some answered without (or with an unknown) outcome, a few empty replied_on.
      const replied =
        received === null || received === ''
          ? s < 0.5
            ? null
            : date()
          : s < 0.2
            ? null
            : s < 0.23
              ? ''
              : later(received);
      const outcome =
        replied === null
          ? s < 0.1
            ? pick(RESULT_KEYS)
            : null
          : rnd() < 0.92
            ? RESULT_KEYS[n % RESULT_KEYS.length]
            : pick(outcomes);
      rows.push({
        jurisdiction_id: unit.jurisdiction_id,
        unit_id: unit.id,
        number: `P-${n}`,
        query_code_hash: 'x',
        applicant_type,
        org_type,
        name: '测试',
        id_type: 'other',
        id_number: `P${n}`,
        phone: null,
        address: null,
        postcode: null,
        email: null,
        description: '测试',
        doc_number: null,
        form: 'paper',
        delivery: 'mail',
        channel: pick(['in_person', 'online', 'registered_mail']),
        submitted_at: `${received || '2025-05-05'}T00:00:00.000Z`,
        received_on: received,
        status: pick(statuses),
        outcome,
        replied_on: replied,
        correction_count: rnd() < 0.2 ? 1 : 0,
        correction_due: null,
        fee_amount: null,
        fee_notice_on: null,
        delivered_on: null,
        delivery_method: null,
        archived_on: null,
        dedupe_key: `p${n}`,
        created_by: '测试',
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
      });
    }
    for (let i = 0; i < rows.length; i += 200)
      await db()
        .k.insertInto('info_requests')
        .values(rows.slice(i, i + 200))
        .execute();
    const requestIds = (await db().k.selectFrom('info_requests').select('id').execute()).map((r) => r.id);
    const appeals: Insertable<InfoRequestAppealTable>[] = [];
    for (let n = 0; n < 400; n++) {
      const filed = date();
      const decided = rnd() < 0.3 ? null : later(filed);
      appeals.push({
        request_id: pick(requestIds),
        kind: pick(['review', 'litigationDirect', 'litigationAfterReview', 'review', 'bogus']),
        filed_on: filed,
        result: decided === null && rnd() < 0.7 ? null : pick(['upheld', 'corrected', 'other', 'upheld', 'bogus']),
        decided_on: decided,
        created_by: '测试',
        created_at: '2025-01-01T00:00:00.000Z',
      });
    }
    for (let i = 0; i < appeals.length; i += 200)
      await db()
        .k.insertInto('info_request_appeals')
        .values(appeals.slice(i, i + 200))
        .execute();

    const all = await db()
      .k.selectFrom('info_requests')
      .select(['unit_id', 'received_on', 'replied_on', 'outcome', 'applicant_type', 'org_type'])
      .execute();
    const allAppeals = await db()
      .k.selectFrom('info_request_appeals')
      .innerJoin('info_requests', 'info_requests.id', 'info_request_appeals.request_id')
      .select([
        'info_requests.unit_id',
        'info_request_appeals.kind',
        'info_request_appeals.filed_on',
        'info_request_appeals.result',
        'info_request_appeals.decided_on',
      ])
      .execute();
    const ids = units.map((u) => u.id);
    const unitSets = [ids, [ids[0]], [ids[1], ids[2]], ids.slice(0, Math.ceil(ids.length / 2)), []];
    let nonEmpty = 0;
    for (const set of unitSets) {
      const facts = all
        .filter((r) => set.includes(r.unit_id))
        .map((r) => ({
          receivedOn: r.received_on,
          repliedOn: r.replied_on,
          outcome: r.outcome,
          applicantType: r.applicant_type,
          orgType: r.org_type,
        }));
      const appealFacts = allAppeals
        .filter((r) => set.includes(r.unit_id))
        .map((r) => ({ kind: r.kind, filedOn: r.filed_on, result: r.result, decidedOn: r.decided_on }));
      for (const year of [2021, ...YEARS, 2027]) {
        const expected = computeTable3(facts, year);
        expect(await table3Of(db(), set, year), `table 3, ${year}, units ${set.join(',')}`).toEqual(expected);
        const both = await table3ForUnits(db(), set, year);
        expect(both.table).toEqual(expected);
        expect(both.previous).toEqual(computeTable3(facts, year - 1));
        expect((await table4ForUnits(db(), set, year)).table, `table 4, ${year}`).toEqual(
          computeTable4(appealFacts, year),
        );
        if (expected.newReceived.total + expected.carriedOver.total > 0) nonEmpty++;
      }
    }
    // The data really exercises every row and column (of the all-units set) in some year.
    const facts = all.map((r) => ({
      receivedOn: r.received_on,
      repliedOn: r.replied_on,
      outcome: r.outcome,
      applicantType: r.applicant_type,
      orgType: r.org_type,
    }));
    const union = YEARS.map((y) => computeTable3(facts, y));
    for (const [row, cells] of Object.entries(union[0]))
      for (const col of Object.keys(cells))
        expect(
          union.some((t) => t[row as keyof typeof t][col as keyof typeof cells] > 0),
          `${row} × ${col}`,
        ).toBe(true);
    expect(nonEmpty).toBeGreaterThan(20);
  }, 120_000);
});
