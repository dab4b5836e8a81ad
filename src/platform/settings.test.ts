/** Typed settings on one scope chain: installation → 省 → 市 → 县 → 乡镇 → 村 → unit, the narrowest wins. */
import { expect, it } from 'vitest';
import { describeEachDb } from '../testing.js';
import {
  defineSetting,
  INSTALLATION_SCOPE,
  incrementSetting,
  readSetting,
  readSettingAt,
  readSettings,
  scopeChain,
  settingText,
  SYSTEM_SCOPE,
  unitScope,
  writeSetting,
} from './settings.js';
import { z } from './validation.js';

const DAYS = defineSetting('test.days', '测试天数', z.number().int().min(0).max(20), 3);
const ON = defineSetting('test.on', '测试开关', z.boolean(), true);

it('builds the scope chain from the installation down to the unit', () => {
  expect(scopeChain({ jurisdictionCode: '990121001201', unitId: 7 })).toEqual([
    'CN',
    '99',
    '9901',
    '990121',
    '990121001',
    '990121001201',
    'unit:7',
  ]);
  expect(scopeChain({ jurisdictionCode: '990121' })).toEqual(['CN', '99', '9901', '990121']);
});

describeEachDb('settings', (db) => {
  it('gives the default when nothing is stored, and the narrowest stored value otherwise', async () => {
    const town = { jurisdictionCode: '990121001' };
    expect(await readSetting(db().k, DAYS, town)).toBe(3);
    await writeSetting(db().k, DAYS, INSTALLATION_SCOPE, 10);
    expect(await readSetting(db().k, DAYS, town)).toBe(10);
    await writeSetting(db().k, DAYS, '990121', 5);
    expect(await readSetting(db().k, DAYS, town)).toBe(5);
    expect(await readSetting(db().k, DAYS, { jurisdictionCode: '990122' })).toBe(10);
    await writeSetting(db().k, DAYS, unitScope(42), 0);
    expect(await readSetting(db().k, DAYS, { ...town, unitId: 42 })).toBe(0);
    expect(await readSetting(db().k, DAYS, { ...town, unitId: 43 })).toBe(5);
  });

  it('reads several settings in one call and overwrites a value in place', async () => {
    await writeSetting(db().k, ON, '990121', false);
    await writeSetting(db().k, ON, '990121', true);
    await writeSetting(db().k, ON, '990121', false);
    expect(await readSettings(db().k, { days: DAYS, on: ON }, { jurisdictionCode: '990121003' })).toEqual({
      days: 5,
      on: false,
    });
    expect(await readSettingAt(db().k, ON, '990121')).toBe(false);
    expect(await readSettingAt(db().k, ON, '990199')).toBeUndefined();
  });

  it('refuses to store an invalid value and skips one stored invalid by hand', async () => {
    await expect(writeSetting(db().k, DAYS, '990121', 99)).rejects.toThrow();
    await db()
      .k.insertInto('settings')
      .values({ scope: '990121004', key: DAYS.key, value: '"很多"', updated_at: '2026-01-01T00:00:00.000Z' })
      .execute();
    // The township's own value is not a number: the county's value applies.
    expect(await readSetting(db().k, DAYS, { jurisdictionCode: '990121004' })).toBe(5);
  });

  it('counts atomically for counters at a system scope', async () => {
    const GEN = defineSetting('test.generation', '测试计数', z.number().int(), 0);
    await Promise.all(Array.from({ length: 8 }, () => incrementSetting(db().k, GEN, SYSTEM_SCOPE)));
    expect(await settingText(db().k, GEN, SYSTEM_SCOPE)).toBe('8');
    expect(await readSettingAt(db().k, GEN, SYSTEM_SCOPE)).toBe(8);
  });
});
