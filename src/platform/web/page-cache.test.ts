import { it, expect } from 'vitest';
import { describeEachDb, seedDemoDb, testApp, TestClient } from '../../testing.js';
import { PageCache, bumpGeneration, isCacheablePath } from './page-cache.js';

it('caches only pages that are the same for every visitor', () => {
  for (const p of [
    '/',
    '/xxgk/fdzdgknr',
    '/xxgk/info/12',
    '/xxgk/xxml',
    '/search',
    '/sitemap.xml',
    '/sitemaps/info-0.xml',
    '/xxgk/fdzdgknr/atom.xml',
  ])
    expect(isCacheablePath(p), p).toBe(true);
  for (const p of [
    '/admin',
    '/admin/records',
    '/api/v1/openapi.json',
    '/ysqgk/apply',
    '/ysqgk/query',
    '/xxgk/info/12/files/3',
    '/xxgk/info/12/channels/1/photo',
    '/xxgk/ml/3/export.xlsx',
    '/xxgk/ml/3/items/4/records.csv',
  ])
    expect(isCacheablePath(p), p).toBe(false);
});

describeEachDb('page cache', (db) => {
  it('serves repeated public pages from memory and forgets them after a back-office change', async () => {
    await seedDemoDb(db());
    const app = testApp(db(), { pageCache: true });
    const citizen = new TestClient(app, '10.1.0.1');
    const first = await citizen.get('/xxgk/zhidu');
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBeNull();
    const second = await citizen.get('/xxgk/zhidu');
    expect(second.headers.get('x-cache')).toBe('hit');
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
    // The elder-friendly version is a different page.
    const elder = new TestClient(app, '10.1.0.2');
    elder.cookies.set('gk_elder', '1');
    expect((await elder.get('/xxgk/zhidu')).headers.get('x-cache')).toBeNull();
    // Any successful state change in the back office empties the cache.
    const staff = new TestClient(app, '10.1.0.3');
    expect((await staff.login('gkb', 'Shifan2026')).status).toBe(303);
    expect((await citizen.get('/xxgk/zhidu')).headers.get('x-cache')).toBeNull();
    // Admin pages are never cached.
    await staff.get('/admin');
    expect((await staff.get('/admin')).headers.get('x-cache')).toBeNull();
  });

  it('sees another server bump the shared generation within the poll interval, and drops pages rendered before a clear', async () => {
    const a = new PageCache(db(), { maxEntries: 3, maxBytes: 1 << 20, pollMs: 0 });
    expect(await a.get('k')).toBeUndefined();
    a.set('k', Buffer.from('<p>1</p>'), { 'content-type': 'text/html' }, a.currentEpoch);
    expect((await a.get('k'))?.body.toString()).toBe('<p>1</p>');
    await bumpGeneration(db());
    expect(await a.get('k')).toBeUndefined();
    const epoch = a.currentEpoch;
    a.clear();
    a.set('stale', Buffer.from('x'), {}, epoch);
    expect(await a.get('stale')).toBeUndefined();
    for (const k of ['1', '2', '3', '4']) a.set(k, Buffer.from(k), {}, a.currentEpoch);
    expect(a.size).toBe(3);
    expect(await a.get('1')).toBeUndefined();
  });
});
