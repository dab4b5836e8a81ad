/**
 * Browser scenario support: a real server on a free port with a fresh database, and Debian's
 * chromium driven by playwright-core. With GONGKAI_REQUIRE_BROWSER=1 (as in .ci/run) a missing
 * browser fails the suite instead of skipping it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from '../../src/platform/web/server.js';
import { PageCache } from '../../src/platform/web/page-cache.js';
import pino from 'pino';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildApp, migrateDatabase } from '../../src/app.js';
import { openSqlite, type Db } from '../../src/platform/db.js';
import { seedDemoDb, testConfig } from '../../src/testing.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = fs.existsSync(CHROMIUM);
if (!browserAvailable && process.env.GONGKAI_REQUIRE_BROWSER === '1') {
  throw new Error(`GONGKAI_REQUIRE_BROWSER=1 but no chromium at ${CHROMIUM}: the browser suite must run`);
}

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

export interface RunningServer {
  url: string;
  db: Db;
  close(): Promise<void>;
}

export async function startDemoServer(config: Partial<Parameters<typeof testConfig>[0]> = {}): Promise<RunningServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-e2e-'));
  const db = openSqlite(path.join(dir, 'gongkai.sqlite'));
  await migrateDatabase(db);
  await seedDemoDb(db);
  const cfg = testConfig({ trustProxy: false, ...config });
  const pages = cfg.pageCache ? new PageCache(db) : undefined;
  const app = buildApp({ db, config: cfg, logger: pino({ level: 'silent' }), pageCache: pages });
  // The production server: cached public pages are answered before the app.
  const server = createServer(app, pages ?? null);
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const AXE = fs.readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe-core violations of the current page (the context must bypass CSP). */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Sign a page in to the back office as a demo account (all demo accounts share one password). */
export async function signIn(page: Page, serverUrl: string, username: string): Promise<void> {
  await page.goto(`${serverUrl}/admin/login`);
  await page.fill('#f-username', username);
  await page.fill('#f-password', 'Shifan2026');
  await page.click('main form.form button[type=submit]');
}
