/**
 * Annual report tables 3 and 4 from live records (through the requests module's read API). Table 3 is aggregated in the database: only the requests
 * that count in the year are read (received in it, or received earlier and still open on
 * 1 January), grouped by applicant column, outcome and whether they were answered by 31 December.
 * `computeTable3` (table3.ts) stays the reference definition; table3.property.test.ts checks that
 * both give the same table.
 */
import type { Db } from '../platform/db.js';
import { appealFacts, table3Groups } from '../requests/api.js';
import { OUTCOMES, type Outcome } from '../requests/model.js';
import { checkTable3, columnOf, emptyTable3, type Column, type RowKey, type Table3 } from './table3.js';
import { computeTable4, checkTable4, type Table4 } from './table4.js';

/** Table 3 of a year for a unit list, computed in the database; equal to computeTable3 over the same requests. */
export async function table3Of(db: Db, unitIds: number[], year: number): Promise<Table3> {
  const t = emptyTable3();
  if (!unitIds.length) return t;
  const add = (row: RowKey, col: Exclude<Column, 'total'>, n: number) => {
    t[row][col] += n;
    t[row].total += n;
  };
  for (const { isNew, groups } of await table3Groups(db.k, unitIds, year)) {
    for (const g of groups) {
      const n = Number(g.n);
      const col = columnOf({ applicantType: g.applicant_type, orgType: g.org_type });
      add(isNew ? 'newReceived' : 'carriedOver', col, n);
      if (Number(g.done) === 1 && g.outcome && g.outcome in OUTCOMES) {
        add(g.outcome as Outcome, col, n);
        add('total', col, n);
      } else add('carryForward', col, n);
    }
  }
  return t;
}

export async function table3ForUnits(
  db: Db,
  unitIds: number[],
  year: number,
): Promise<{ table: Table3; previous: Table3; problems: string[] }> {
  const [table, previous] = await Promise.all([table3Of(db, unitIds, year), table3Of(db, unitIds, year - 1)]);
  return { table, previous, problems: checkTable3(table, previous) };
}

export async function table4ForUnits(
  db: Db,
  unitIds: number[],
  year: number,
): Promise<{ table: Table4; problems: string[] }> {
  const rows = await appealFacts(db.k, unitIds, year);
  const table = computeTable4(rows, year);
  return { table, problems: checkTable4(table) };
}
