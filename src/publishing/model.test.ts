import { describe, expect, it } from 'vitest';
import { normalizeDocNumber, formatIndexNo, checkIndexScheme, SUBJECTS, DEFAULT_INDEX_SCHEME } from './model.js';

describe('文号 (GB/T 9704—2012 7.2.5, regulations §4.5)', () => {
  it.each([
    ['临政办字〔2020〕64号', '临政办字〔2020〕64号', true],
    ['国办公开办函〔2021〕30号', '国办公开办函〔2021〕30号', true],
    ['国办发明电〔2024〕12号', '国办发明电〔2024〕12号', true],
    ['临政办字[2020]64号', '临政办字〔2020〕64号', true],
    ['临政办字【2020】64号', '临政办字〔2020〕64号', true],
    ['临政办字(2020)64号', '临政办字〔2020〕64号', true],
    ['临政办字（2020）64号', '临政办字〔2020〕64号', true],
    ['临政办字〔2020〕064号', '临政办字〔2020〕64号', true],
    ['临政办字〔2020〕第64号', '临政办字〔2020〕64号', true],
    ['国令第711号', '国令第711号', true],
    // Short year, no number, no 号, nothing but a year: refused.
    ['临政办字〔20〕64号', '临政办字〔20〕64号', false],
    ['临政办字〔2020〕号', '临政办字〔2020〕号', false],
    ['2020年64号', '2020年64号', false],
    ['临政办字〔2020〕0号', '临政办字〔2020〕0号', false],
  ])('%s → %s (%s)', (raw, value, valid) => {
    expect(normalizeDocNumber(raw)).toEqual({ value, valid });
  });
});

describe('索引号 template (regulations §4.2)', () => {
  it('fills the default 机构代码/年份-流水号 with a 5-digit serial', () => {
    expect(formatIndexNo(DEFAULT_INDEX_SCHEME, { code: '11530926MB0000001X', date: '2025-03-04', serial: 94 })).toBe(
      '11530926MB0000001X/2025-00094',
    );
  });
  it('fills the 年月 and width variants seen in the wild', () => {
    expect(
      formatIndexNo('{机构代码}/{年月}-{流水号}', { code: '11341702486344515H', date: '2021-10-08', serial: 13 }),
    ).toBe('11341702486344515H/202110-00013');
    expect(
      formatIndexNo('{机构代码}-{年份}-{流水号:6}', { code: '01527918X', date: '2020-01-01', serial: 153077 }),
    ).toBe('01527918X-2020-153077');
  });
  it('refuses a template without a serial or a year, or with unknown placeholders', () => {
    expect(checkIndexScheme(DEFAULT_INDEX_SCHEME)).toBeNull();
    expect(checkIndexScheme('{机构代码}/{年份}')).toMatch('流水号');
    expect(checkIndexScheme('{机构代码}/{流水号}')).toMatch('年份');
    expect(checkIndexScheme('{机构}/{年份}-{流水号}')).toMatch('占位符');
  });
});

describe('主题分类 (regulations §4.3)', () => {
  it('lists 一级\\二级 values and first levels without a second level', () => {
    expect(SUBJECTS).toContain('民政、扶贫、救灾\\社会福利');
    expect(SUBJECTS).toContain('综合政务\\政务公开');
    expect(SUBJECTS).toContain('其他');
    expect(SUBJECTS).not.toContain('民族、宗教\\其他');
  });
});
