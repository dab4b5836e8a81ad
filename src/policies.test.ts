import { describe, it, expect } from 'vitest';
import './modules.js';
import {
  can,
  reachOf,
  ROLES,
  policyTable,
  type Action,
  type Grant,
  type Role,
  type UserActor,
} from './platform/access.js';

/** The installation's policy table: every module's declared actions. */
const POLICIES = policyTable();

const county = { id: 1, jurisdictionCode: '990121' };
const office = { id: 2, jurisdictionCode: '990121' };
const chengguan = { id: 10, jurisdictionCode: '990121001' };
const shiqiao = { id: 11, jurisdictionCode: '990121002' };
const village = { id: 20, jurisdictionCode: '990121001201' };
const otherCounty = { id: 99, jurisdictionCode: '530926' };

function actor(role: Role, unit: { id: number; jurisdictionCode: string }): UserActor {
  const g: Grant = {
    role,
    unitId: unit.id,
    unitName: 'u',
    jurisdictionId: 1,
    jurisdictionCode: unit.jurisdictionCode,
    jurisdictionName: 'j',
  };
  return { kind: 'user', userId: 1, username: 'u', displayName: 'u', grants: [g], ip: null };
}

describe('declarative policies', () => {
  it('every policy names only known roles', () => {
    for (const roles of Object.values(POLICIES)) for (const r of roles) expect(ROLES).toContain(r);
  });

  // [role, granted unit, action, target unit, allowed]
  const table: [Role, typeof county, Action, typeof county, boolean][] = [
    ['system_admin', county, 'user.manage', chengguan, true],
    ['system_admin', county, 'unit.update', village, true],
    ['system_admin', county, 'unit.update', otherCounty, false],
    ['office_admin', office, 'unit.update', shiqiao, true],
    ['office_admin', office, 'audit.view', chengguan, true],
    ['office_admin', office, 'user.manage', chengguan, false],
    ['superior_reviewer', county, 'unit.view', chengguan, true],
    ['superior_reviewer', county, 'unit.update', chengguan, false],
    ['superior_reviewer', county, 'audit.view', chengguan, false],
    ['editor', chengguan, 'unit.view', chengguan, true],
    ['editor', chengguan, 'unit.view', shiqiao, false],
    ['editor', chengguan, 'unit.view', village, false],
    ['editor', chengguan, 'unit.updateOffice', chengguan, true],
    ['editor', chengguan, 'unit.updateOffice', shiqiao, false],
    ['editor', chengguan, 'unit.update', chengguan, false],
    ['editor', chengguan, 'audit.view', chengguan, false],
    ['reviewer', chengguan, 'unit.updateOffice', chengguan, false],
    ['reviewer', chengguan, 'unit.view', chengguan, true],
    ['request_handler', chengguan, 'unit.view', shiqiao, false],
    ['request_handler', chengguan, 'user.view', chengguan, false],
  ];
  it.each(table)('%s of %o: %s on %o → %s', (role, granted, action, target, allowed) => {
    expect(can(actor(role, granted), action, target)).toBe(allowed);
  });

  it('computes list reach per role', () => {
    expect(reachOf(actor('editor', chengguan), 'unit.view')).toEqual({
      all: false,
      unitIds: [10],
      jurisdictionPrefixes: [],
    });
    expect(reachOf(actor('office_admin', office), 'unit.view')).toEqual({
      all: false,
      unitIds: [],
      jurisdictionPrefixes: ['990121'],
    });
    expect(reachOf(actor('editor', chengguan), 'audit.view')).toEqual({
      all: false,
      unitIds: [],
      jurisdictionPrefixes: [],
    });
  });
});
