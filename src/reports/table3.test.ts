import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, unitIdByName } from '../testing.js';
import { table3ForUnits } from './statistics.js';
import { COLUMNS, RESULT_KEYS, checkTable3, computeTable3, type Column } from './table3.js';
import type { Insertable } from 'kysely';
import type { InfoRequestTable } from '../requests/tables.js';

const APPLICANTS: { applicant_type: string; org_type: string | null; col: Exclude<Column, 'total'> }[] = [
  { applicant_type: 'natural', org_type: null, col: 'naturalPerson' },
  { applicant_type: 'legal', org_type: 'commercial', col: 'commercial' },
  { applicant_type: 'legal', org_type: 'research', col: 'research' },
  { applicant_type: 'legal', org_type: 'public_welfare', col: 'publicWelfare' },
  { applicant_type: 'legal', org_type: 'legal_service', col: 'legalService' },
  { applicant_type: 'legal', org_type: 'other', col: 'otherOrg' },
];
const answered = (i: number, j: number) => ((i + 2 * j) % 3) + 1; // per outcome row i and column j
const carried = (j: number) => j + 1; // open on 1 January 2025, answered 其他处理/3 in 2025
const forward = (j: number) => ((2 * j) % 5) + 1; // received late 2025, still open on 31 December

describeEachDb('annual report table 3 from a year of requests', (db) => {
  it('fills every cell, satisfies the 勾稽 identities and carries over to the next year', async () => {
    await seedDemoDb(db());
    const unit = await unitIdByName(db(), '城关镇人民政府');
    const j = (
      await db().k.selectFrom('jurisdictions').select('id').where('code', '=', '990121').executeTakeFirstOrThrow()
    ).id;
    let n = 0;
    const rows: Insertable<InfoRequestTable>[] = [];
    const make = (
      a: (typeof APPLICANTS)[number],
      received: string | null,
      replied: string | null,
      outcome: string | null,
    ) =>
      rows.push({
        jurisdiction_id: j,
        unit_id: unit,
        number: `990121-T-${++n}`,
        query_code_hash: 'x',
        applicant_type: a.applicant_type,
        org_type: a.org_type,
        name: '测试',
        id_type: 'other',
        id_number: `T${n}`,
        phone: null,
        address: null,
        postcode: null,
        email: null,
        description: '测试',
        doc_number: null,
        form: 'paper',
        delivery: 'mail',
        channel: 'in_person',
        submitted_at: `${received ?? '2025-05-05'}T00:00:00.000Z`,
        received_on: received,
        status: replied ? 'replied' : 'processing',
        outcome,
        replied_on: replied,
        correction_due: null,
        delivered_on: null,
        delivery_method: null,
        archived_on: null,
        dedupe_key: `k${n}`,
        created_by: '测试',
        created_at: '2025-01-01T00:00:00.000Z',
        updated_at: '2025-01-01T00:00:00.000Z',
      });
    APPLICANTS.forEach((a, jj) => {
      RESULT_KEYS.forEach((outcome, i) => {
        for (let k = 0; k < answered(i, jj); k++) make(a, '2025-03-03', '2025-06-02', outcome);
      });
      for (let k = 0; k < carried(jj); k++) make(a, '2024-12-20', '2025-01-15', 'other.other');
      for (let k = 0; k < forward(jj); k++) make(a, '2025-12-29', null, null);
      make(a, '2024-05-06', '2024-06-03', 'granted'); // closed before the year: not counted
      make(a, null, null, null); // an online request never confirmed: not received, not counted
    });
    for (let i = 0; i < rows.length; i += 200)
      await db()
        .k.insertInto('info_requests')
        .values(rows.slice(i, i + 200))
        .execute();

    const { table, previous, problems } = await table3ForUnits(db(), [unit], 2025);
    expect(problems).toEqual([]);
    APPLICANTS.forEach((a, jj) => {
      for (const [i, outcome] of RESULT_KEYS.entries()) {
        expect(table[outcome][a.col], `${outcome} × ${a.col}`).toBe(
          answered(i, jj) + (outcome === 'other.other' ? carried(jj) : 0),
        );
      }
      const answeredSum = RESULT_KEYS.reduce((s, _o, i) => s + answered(i, jj), 0);
      expect(table.newReceived[a.col]).toBe(answeredSum + forward(jj));
      expect(table.carriedOver[a.col]).toBe(carried(jj));
      expect(table.total[a.col]).toBe(answeredSum + carried(jj));
      expect(table.carryForward[a.col]).toBe(forward(jj));
    });
    for (const row of Object.values(table))
      expect(row.total).toBe(COLUMNS.filter((c) => c !== 'total').reduce((s, c) => s + row[c], 0));
    // 2024: the carried-over requests were received then and open at its end
    expect(previous.carryForward.naturalPerson).toBe(carried(0));
    const next = await table3ForUnits(db(), [unit], 2026);
    expect(next.problems).toEqual([]);
    for (const c of COLUMNS) expect(next.table.carriedOver[c]).toBe(table.carryForward[c]);
  });
});

it('names every broken identity', () => {
  const t = computeTable3(
    [
      {
        receivedOn: '2025-02-03',
        repliedOn: '2025-03-03',
        outcome: 'granted',
        applicantType: 'natural',
        orgType: null,
      },
    ],
    2025,
  );
  expect(checkTable3(t)).toEqual([]);
  t.granted.naturalPerson = 2;
  expect(checkTable3(t)).toEqual([
    '“自然人”列：（七）总计（1）不等于各办理结果之和（2）',
    '“granted”行：总计（1）不等于各类申请人之和（2）',
  ]);
});
