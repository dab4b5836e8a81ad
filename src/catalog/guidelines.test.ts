import { describe, it, expect } from 'vitest';
import { loadShippedGuidelines, normaliseChannel, domainBySlug } from './guidelines.js';
import { DOMAINS } from './vocabulary.js';

describe('built-in standard guidelines', () => {
  const domains = loadShippedGuidelines();
  it('has every one of the 26 domains with its reference rows, marked partial', () => {
    expect(domains.map((d) => d.name)).toEqual(DOMAINS.map((d) => d.name));
    for (const d of domains) {
      expect(d.rows.length, d.name).toBeGreaterThan(0);
      expect(d.partial).toBe(true);
      expect(d.completeness.length).toBeGreaterThan(10);
    }
    expect(domains.reduce((n, d) => n + d.rows.length, 0)).toBe(189);
  });

  it('reads the 社会救助 rows with their channels and ticks', () => {
    const d = domainBySlug('shehui-jiuzhu')!;
    expect(d.rows).toHaveLength(13);
    expect(d.rows[0].item).toMatchObject({
      domain: '社会救助',
      level1: '综合业务',
      level2: '政策法规文件',
      timeLimit: '制定或获取信息之日起10个工作日内',
      channels: ['政府网站', '公开查阅点', '政务服务中心'],
      audiencePublic: true,
      modeProactive: true,
      tiers: ['county', 'township'],
    });
    expect(d.rows[0].missing).toEqual([]);
  });

  it('maps channel spellings to the standard list or keeps them as named extra channels', () => {
    expect(normaliseChannel('纸质载体')).toEqual({ standard: '纸质媒体' });
    expect(normaliseChannel('其他:办税服务厅')).toEqual({ extra: '办税服务厅' });
    expect(normaliseChannel('投资项目在线审批监管平台')).toEqual({ extra: '投资项目在线审批监管平台' });
  });

  it('flags rows whose transcription is incomplete', () => {
    const all = domains.flatMap((d) => d.rows);
    expect(all.filter((r) => r.missing.length > 0).length).toBeGreaterThan(0);
    const ws = domainBySlug('weisheng-jiankang')!.rows.find((r) => r.item.level1 === '独生子女父母奖励')!;
    expect(ws.missing).toEqual(expect.arrayContaining(['公开对象', '公开方式', '公开层级']));
  });
});
