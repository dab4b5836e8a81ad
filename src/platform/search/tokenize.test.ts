import { describe, expect, it } from 'vitest';
import { bigramsOfRun, normalize, queryTerms, runsOf, tokenize, tokenizeRuns } from './tokenize.js';

describe('normalize', () => {
  it.each([
    ['ＰＤＦ附件', 'pdf附件'],
    ['２０２５年', '2025年'],
    ['公⽰', '公示'], // Kangxi radical from PDF text → unified ideograph
    ['ABC', 'abc'],
    ['（一）', '(一)'],
  ])('%s → %s', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });
});

describe('runsOf', () => {
  it.each<[string, string[]]>([
    ['城关镇2025年第三季度城乡低保对象公示', ['城关镇2025年第三季度城乡低保对象公示']],
    ['根据《最低生活保障办法》，现将名单公示如下：', ['根据', '最低生活保障办法', '现将名单公示如下']],
    ['关于〔2025〕12号文件的通知', ['关于', '2025', '12号文件的通知']],
    ['第一、第二；第三？是！“引号”‘单’【括号】—破折号', ['第一', '第二', '第三', '是', '引号', '单', '括号', '破折号']],
    ['hello, world. e-mail: a@b.cn', ['hello', 'world', 'e', 'mail', 'a', 'b', 'cn']],
    ['  tab\tand\nnewline  ', ['tab', 'and', 'newline']],
    ['', []],
    ['，。、', []],
    ['￥100元 + 50%', ['100元', '50']],
    ['𠀀𠀁字', ['𠀀𠀁字']], // CJK Extension B (surrogate pairs) stays inside the run
  ])('%s', (input, expected) => {
    expect(runsOf(normalize(input))).toEqual(expected);
  });
});

describe('bigramsOfRun', () => {
  it.each<[string, string[]]>([
    ['低保', ['低保']],
    ['低保对象', ['低保', '保对', '对象']],
    ['镇', ['镇']],
    ['2025年', ['20', '02', '25', '5年']],
    ['pdf', ['pd', 'df']],
    ['𠀀𠀁字', ['𠀀𠀁', '𠀁字']],
    // Han next to ASCII is not split off into a separate alnum branch
    ['a低b', ['a低', '低b']],
  ])('%s', (run, expected) => {
    expect(bigramsOfRun(run)).toEqual(expected);
  });
});

describe('tokenize', () => {
  it('keeps run boundaries in tokenizeRuns and flattens in tokenize', () => {
    expect(tokenizeRuns('低保，公示 镇')).toEqual([['低保'], ['公示'], ['镇']]);
    expect(tokenize('ＰＤＦ版：2025年')).toEqual(['pd', 'df', 'f版', '20', '02', '25', '5年']);
  });
});

describe('queryTerms', () => {
  it.each<[string, string[], boolean]>([
    ['低保', ['低保'], false],
    ['义务教育', ['义务教育'], false],
    ['低保 公示', ['低保', '公示'], false],
    ['低保，公示', ['低保', '公示'], false],
    ['低保 镇 公示', ['低保', '公示'], false], // single characters among longer runs are dropped
    ['镇', [], true],
    ['  镇 ', [], true],
    ['镇 乡', [], true],
    ['', [], false],
    ['，。', [], false],
    ['ＰＤＦ', ['pdf'], false],
    ['低保 低保', ['低保'], false],
  ])('%s', (q, runs, single) => {
    const t = queryTerms(q);
    expect(t.runs).toEqual(runs);
    expect(t.singleChar).toBe(single);
    expect(t.phrases).toEqual(runs.map(bigramsOfRun));
  });
});
