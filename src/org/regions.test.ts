import { describe, it, expect } from 'vitest';
import { loadRegions, parseRegions, RegionTable, isPlaceholderCity } from './regions.js';

const table = loadRegions();
const names = (rs: { name: string }[]): string[] => rs.map((r) => r.name);
const codes = (rs: { code: string }[]): string[] => rs.map((r) => r.code);

describe('cn-divisions data', () => {
  it('has the expected number of regions per level', () => {
    expect(table.all('province')).toHaveLength(31);
    // NBS 2023 (as of 2023-06-30): 342 city-level rows (incl. placeholders),
    // 2978 county-level rows, 41351 township-level rows.
    expect(table.all('city')).toHaveLength(342);
    const counties = table.all('county').length;
    const townships = table.all('township').length;
    expect(counties).toBeGreaterThan(2800);
    expect(counties).toBeLessThan(3100);
    expect(counties).toBe(2978);
    expect(townships).toBeGreaterThan(38000);
    expect(townships).toBeLessThan(45000);
    expect(townships).toBe(41351);
  });

  it('uses 2/4/6/9-digit codes per level', () => {
    const width = { province: 2, city: 4, county: 6, township: 9 } as const;
    const bad = table.all().filter((r) => r.code.length !== width[r.level]);
    expect(bad).toEqual([]);
  });

  it('gives every township a county parent and every county a city parent', () => {
    const expectedParent = { township: ['county', 6], county: ['city', 4], city: ['province', 2] } as const;
    const orphans: string[] = [];
    for (const r of table.all()) {
      if (r.level === 'province') continue;
      const [level, width] = expectedParent[r.level];
      const parentCode = r.code.slice(0, width);
      if (table.get(parentCode)?.level !== level) orphans.push(r.code);
    }
    expect(orphans).toEqual([]);
    const countyTownships = table.all('county').reduce((n, c) => n + table.children(c.code).length, 0);
    expect(countyTownships).toBe(table.all('township').length);
  });

  it('caches the parsed table', () => {
    expect(loadRegions()).toBe(table);
  });
});

describe('RegionTable lookups', () => {
  it('resolves 530926 耿马傣族佤族自治县 with its townships', () => {
    const r = table.countyWithTownships('530926');
    expect(r.county).toEqual({ code: '530926', name: '耿马傣族佤族自治县', level: 'county' });
    expect(r.city).toEqual({ code: '5309', name: '临沧市', level: 'city' });
    expect(r.province).toEqual({ code: '53', name: '云南省', level: 'province' });
    // 4 towns, 5 townships and 3 farms (NBS "类似乡级单位", serials 4xx).
    expect(r.townships).toHaveLength(12);
    expect(names(r.townships)).toEqual([
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
    expect(r.townships.find((t) => t.name === '孟定镇')?.code).toBe('530926103');
    expect(names(table.parentChain('530926103'))).toEqual(['云南省', '临沧市', '耿马傣族佤族自治县']);
  });

  it('finds 530926 by full name, partial name and 12-digit code', () => {
    expect(codes(table.findCounties('耿马傣族佤族自治县'))).toEqual(['530926']);
    expect(codes(table.findCounties('耿马'))).toEqual(['530926']);
    expect(codes(table.findCounties(' 530926 '))).toEqual(['530926']);
    expect(codes(table.findCounties('530926000000'))).toEqual(['530926']);
    expect(table.countyWithTownships('耿马').county.code).toBe('530926');
  });

  it('skips placeholder cities in the parent chain of municipalities', () => {
    expect(table.get('110101')?.name).toBe('东城区');
    expect(names(table.parentChain('110101'))).toEqual(['北京市']);
    expect(table.get('1101')?.name).toBe('市辖区');
    expect(isPlaceholderCity(table.get('1101')!)).toBe(true);
    const r = table.countyWithTownships('110101');
    expect(r.city).toBeUndefined();
    expect(r.province.name).toBe('北京市');
    expect(r.townships).toHaveLength(17);
    expect(names(r.townships)).toContain('东华门街道');
    expect(table.children('11').map((c) => c.code)).toEqual(['1101']);
  });

  it('handles provincial directly-administered county-level units', () => {
    const r = table.countyWithTownships('仙桃市');
    expect(r.county.code).toBe('429004');
    expect(r.city).toBeUndefined();
    expect(r.province.name).toBe('湖北省');
    expect(table.get('4290')?.name).toBe('省直辖县级行政区划');
    expect(r.townships.length).toBeGreaterThan(10);
  });

  it('handles prefecture cities without counties (东莞, 中山, 儋州, 嘉峪关)', () => {
    const dg = table.countyWithTownships('东莞');
    expect(dg.county).toEqual({ code: '441900', name: '东莞市', level: 'county' });
    expect(dg.city).toEqual({ code: '4419', name: '东莞市', level: 'city' });
    expect(dg.townships).toHaveLength(36);
    expect(names(dg.townships)).toContain('石龙镇');
    expect(table.countyWithTownships('442000').townships).toHaveLength(23);
    expect(table.countyWithTownships('儋州市').county.code).toBe('460400');
    // GB/T 2260 code 620200 resolves to the single statistical unit 620201.
    const jyg = table.countyWithTownships('620200');
    expect(jyg.county).toEqual({ code: '620201', name: '嘉峪关市', level: 'county' });
    expect(names(jyg.townships)).toEqual(['雄关街道', '钢城街道', '新城镇', '峪泉镇', '文殊镇']);
  });

  it('throws a Chinese ambiguity error listing all candidates', () => {
    expect(codes(table.findCounties('朝阳区'))).toEqual(['110105', '220104']);
    expect(() => table.countyWithTownships('朝阳区')).toThrow(
      '“朝阳区”匹配到多个县级行政区：110105 朝阳区（北京市）、220104 朝阳区（吉林省长春市），请改用 6 位区划代码',
    );
    // Prefixing the province / city disambiguates.
    expect(table.countyWithTownships('北京市朝阳区').county.code).toBe('110105');
    expect(table.countyWithTownships('长春市朝阳区').county.code).toBe('220104');
  });

  it('truncates long ambiguity lists', () => {
    const many = table.findCounties('城');
    expect(many.length).toBeGreaterThan(10);
    expect(() => table.countyWithTownships('城')).toThrow(`等 ${many.length} 个，请改用 6 位区划代码`);
  });

  it('throws a Chinese not-found error', () => {
    expect(() => table.countyWithTownships('不存在县')).toThrow(
      '未找到行政区划“不存在县”，请使用 6 位区划代码或县（市、区）全称',
    );
    // City and township codes are not county-level.
    expect(() => table.countyWithTownships('5309')).toThrow('未找到行政区划“5309”');
    expect(() => table.countyWithTownships('530926103')).toThrow('未找到行政区划');
    expect(() => table.countyWithTownships('  ')).toThrow('未找到行政区划“”');
  });
});

describe('parseRegions / RegionTable on synthetic data', () => {
  it('rejects malformed lines', () => {
    expect(() => parseRegions('11\t北京市\tprovince\n110\tx\tcounty\n')).toThrow(/line 2/);
    expect(() => parseRegions('11\t北京市\tstate\n')).toThrow(/malformed/);
  });

  it('hangs townships without a county directly under their city and finds that city', () => {
    const t = new RegionTable(
      parseRegions(
        ['# test', '44\t广东省\tprovince', '4419\t东莞市\tcity', '441900003\t东城街道\ttownship', ''].join('\n'),
      ),
    );
    expect(codes(t.children('4419'))).toEqual(['441900003']);
    const r = t.countyWithTownships('东莞市');
    expect(r.county.code).toBe('4419');
    expect(codes(r.townships)).toEqual(['441900003']);
    expect(codes(t.findCounties('441900'))).toEqual(['4419']);
  });
});
