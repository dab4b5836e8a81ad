import { it, expect } from 'vitest';
import { describeEachDb } from '../testing.js';
import { initCounty, townshipUnitFor } from './seed.js';
import { ConflictError } from '../platform/errors.js';

const actor = { id: null, name: '测试', ip: null };

describeEachDb('gongkai init from the national region table', (db) => {
  it('creates 耿马傣族佤族自治县 (530926) with its real townships', async () => {
    const r = await initCounty(db(), '530926', actor);
    expect(r.countyName).toBe('耿马傣族佤族自治县');
    expect(r.siteName).toBe('耿马傣族佤族自治县人民政府');
    expect(r.townships.map((t) => t.name)).toEqual([
      '耿马镇',
      '勐永镇',
      '勐撒镇',
      '孟定镇',
      '大兴乡',
      '芒洪拉祜族布朗族乡',
      '四排山乡',
      '贺派乡',
      '勐简乡',
      '耿马华侨农场',
      '勐撒农场',
      '孟定农场',
    ]);
    const j = await db().k.selectFrom('jurisdictions').select(['code', 'name', 'level']).orderBy('code').execute();
    expect(j.slice(0, 3)).toEqual([
      { code: '53', name: '云南省', level: 'province' },
      { code: '5309', name: '临沧市', level: 'city' },
      { code: '530926', name: '耿马傣族佤族自治县', level: 'county' },
    ]);
    expect(j.filter((x) => x.level === 'township')).toHaveLength(12);
    const units = await db().k.selectFrom('units').select(['name', 'kind']).orderBy('sort_order').execute();
    expect(units.slice(0, 2)).toEqual([
      { name: '耿马傣族佤族自治县人民政府', kind: 'county_government' },
      { name: '耿马傣族佤族自治县人民政府办公室', kind: 'county_office' },
    ]);
    expect(units.filter((u) => u.kind === 'township_government').map((u) => u.name)).toContain('孟定镇人民政府');
    expect(units.filter((u) => u.kind === 'township_government')).toHaveLength(9);
    const audit = await db()
      .k.selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('action', '=', 'system.init')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe('初始化耿马傣族佤族自治县（530926）：12 个乡级区划，9 个乡镇政府或街道办事处');
  });

  it('refuses to create the same county twice', async () => {
    await expect(initCounty(db(), '耿马傣族佤族自治县', actor)).rejects.toBeInstanceOf(ConflictError);
  });

  it('finds a county by name and names street offices properly', async () => {
    const r = await initCounty(db(), '北京市东城区', actor, { host: 'dongcheng.example' });
    expect(r.countyCode).toBe('110101');
    expect(r.townships.find((t) => t.name === '东华门街道')?.unit).toBe('东华门街道办事处');
    // 北京市's 市辖区 placeholder is skipped: the district hangs under the province
    const d = await db()
      .k.selectFrom('jurisdictions as j')
      .innerJoin('jurisdictions as p', 'p.id', 'j.parent_id')
      .select(['p.name'])
      .where('j.code', '=', '110101')
      .executeTakeFirstOrThrow();
    expect(d.name).toBe('北京市');
  });

  it('refuses an ambiguous or unknown county with the Chinese message', async () => {
    await expect(initCounty(db(), '朝阳区', actor)).rejects.toThrow(/匹配到多个县级行政区：110105 朝阳区/);
    await expect(initCounty(db(), '不存在县', actor)).rejects.toThrow(
      '未找到行政区划“不存在县”，请使用 6 位区划代码或县（市、区）全称',
    );
  });
});

it.each([
  ['城关镇', { name: '城关镇人民政府', kind: 'township_government' }],
  ['大兴乡', { name: '大兴乡人民政府', kind: 'township_government' }],
  ['东城街道', { name: '东城街道办事处', kind: 'subdistrict_office' }],
  ['孟定农场', null],
])('township unit for %s', (name, expected) => {
  expect(townshipUnitFor(name)).toEqual(expected);
});
