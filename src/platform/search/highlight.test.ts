import { describe, expect, it } from 'vitest';
import { highlightTitle, hitRanges, snippet } from './highlight.js';
import { normalize, queryTerms } from './tokenize.js';
import type { Segment } from './types.js';

const marked = (segs: Segment[]) => segs.map((s) => (s.hit ? `[${s.text}]` : s.text)).join('');

describe('highlightTitle', () => {
  it.each([
    ['城关镇2025年低保公示', '低保 2025', '城关镇[2025]年[低保]公示'],
    ['ＰＤＦ附件下载', 'pdf', '[ＰＤＦ]附件下载'],
    ['关于低保公⽰的通知', '公示', '关于低保[公⽰]的通知'],
    ['低保公示', '低保 保公', '[低保公]示'],
    ['公示公示', '公示', '[公示公示]'],
    ['无关标题', '低保', '无关标题'],
    ['城关镇低保', '镇', '城关镇低保'],
    ['<script>低保</script>', '低保', '<script>[低保]</script>'],
    ['𠀀𠀁字号', '𠀁字', '𠀀[𠀁字]号'],
  ])('%s / %s', (title, q, want) => {
    expect(marked(highlightTitle(title, q))).toBe(want);
  });

  it('returns plain text segments, never HTML', () => {
    const segs = highlightTitle('a<b>低保&amp;', '低保');
    expect(segs).toEqual([
      { text: 'a<b>', hit: false },
      { text: '低保', hit: true },
      { text: '&amp;', hit: false },
    ]);
  });
});

describe('hitRanges', () => {
  it('maps normalised hits back to original offsets', () => {
    expect(hitRanges('ＡＢ　ａｂ', 'ab')).toEqual([
      [0, 2],
      [3, 5],
    ]);
    expect(hitRanges('é低保', 'e低')).toEqual([]);
    expect(hitRanges('e\u0301低保', 'é低')).toEqual([[0, 3]]);
  });
});

describe('snippet', () => {
  const filler = '各乡镇人民政府、县直各单位：为进一步做好社会救助工作，现将有关事项通知如下。';
  const long = `${filler.repeat(10)}经审核，城关镇城乡低保对象共计128户，现予以公示。${filler.repeat(10)}`;

  it('excerpts around the first hit, within maxLen, hits marked', () => {
    const segs = snippet(long, '低保对象', 80);
    const text = segs.map((s) => s.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(82);
    expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['低保对象']);
    // starts after the sentence break before the hit
    expect(text.startsWith('…经审核')).toBe(true);
  });

  it('marks every complete occurrence of every run in the excerpt', () => {
    const texts = [long, `公示 ${'低保'.repeat(100)} 公示`, `ＰＤＦ格式：${filler}PDF版本pdf`, filler];
    for (const text of texts) {
      for (const q of ['低保', '公示', 'pdf', '人民政府 通知', '社会救助工作', '不存在']) {
        const segs = snippet(text, q, 60);
        const runs = queryTerms(q).runs;
        for (const s of segs) {
          if (s.hit) expect(runs.some((r) => normalize(s.text).includes(r))).toBe(true);
          else for (const r of runs) expect(normalize(s.text)).not.toContain(r);
        }
      }
    }
  });

  it('without a hit shows the beginning; short texts are whole', () => {
    expect(marked(snippet('短正文', '低保'))).toBe('短正文');
    const segs = snippet(long, '火星', 40);
    expect(segs).toHaveLength(1);
    expect(segs[0].hit).toBe(false);
    expect(segs[0].text.endsWith('…')).toBe(true);
    expect(long.startsWith(segs[0].text.slice(0, -1))).toBe(true);
    expect(segs[0].text.length).toBeLessThanOrEqual(41);
    expect(snippet('', '低保')).toEqual([]);
  });

  it('collapses whitespace', () => {
    expect(marked(snippet('第一段\n\n  第二段 低保\t公示', '低保'))).toBe('第一段 第二段 [低保] 公示');
  });

  it('keeps a hit whole even when it is longer than maxLen', () => {
    const text = `前文。${'甲乙'.repeat(50)}后文`;
    const segs = snippet(text, '甲乙'.repeat(50), 20);
    expect(segs.find((s) => s.hit)?.text).toBe('甲乙'.repeat(50));
  });
});
