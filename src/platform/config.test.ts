import { describe, it, expect } from 'vitest';
import { loadConfig, ConfigError } from './config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.pageCache).toBe(true);
    expect(c.searchTotalLimit).toBe(10_000);
    expect(c.databaseUrl).toBeUndefined();
  });

  it('reads SEARCH_TOTAL_LIMIT and refuses bad values in Chinese', () => {
    expect(loadConfig({ SEARCH_TOTAL_LIMIT: '50000' }).searchTotalLimit).toBe(50_000);
    expect(() => loadConfig({ SEARCH_TOTAL_LIMIT: '10' })).toThrow(
      new ConfigError('配置错误 / invalid configuration: SEARCH_TOTAL_LIMIT — SEARCH_TOTAL_LIMIT 不能小于 100'),
    );
    expect(() => loadConfig({ SEARCH_TOTAL_LIMIT: 'abc' })).toThrow(/SEARCH_TOTAL_LIMIT 应为整数/);
    expect(() => loadConfig({ SEARCH_TOTAL_LIMIT: '150.5' })).toThrow(/SEARCH_TOTAL_LIMIT 应为整数/);
  });

  it('refuses a DATABASE_URL that is empty or not PostgreSQL', () => {
    expect(() => loadConfig({ DATABASE_URL: ' ' })).toThrow(/DATABASE_URL 已设置但为空/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).databaseUrl).toBe('postgres://u@h/db');
  });
});
