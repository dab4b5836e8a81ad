/**
 * The layering rules of ARCHITECTURE.md hold on the project, and a planted violation of each rule
 * makes the check fail (scripts/check-architecture.ts, run by `npm run lint`). Each case is a
 * small tree written to a temporary folder, checked with --root.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const CHECK = path.resolve('scripts/check-architecture.ts');
const TSX = path.resolve('node_modules/.bin/tsx');
// Each planted case runs the check on its own small tree (a few seconds, more on a busy machine).
const CASE_TIMEOUT = 120_000;

async function check(files: Record<string, string>): Promise<{ code: number; out: string }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-arch-'));
  for (const [f, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    fs.writeFileSync(path.join(root, f), text);
  }
  try {
    const r = await run(TSX, [CHECK, '--root', root], { encoding: 'utf8' });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout + x.stderr };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

/** A tree that keeps every rule: platform below two modules, b using a's api, each table in its store. */
const CLEAN: Record<string, string> = {
  'src/platform/db.ts': 'export const dialect = "sqlite";\n',
  'src/a/migrations/0001_a.ts':
    "export async function up(db: any) {\n  await db.schema.createTable('widgets').execute();\n}\n",
  'src/a/store.ts': "export const widgets = (k: any) => k.selectFrom('widgets').selectAll().execute();\n",
  'src/a/api.ts': "import { widgets } from './store.js';\nexport const allWidgets = widgets;\n",
  'src/b/service.ts':
    "import { dialect } from '../platform/db.js';\nimport { allWidgets } from '../a/api.js';\nexport const n = () => [dialect, allWidgets];\n",
  'src/modules.ts': "import { n } from './b/service.js';\nexport const modules = [n];\n",
};

// The planted cases are independent: they run side by side.
describe.concurrent('architecture check', { timeout: CASE_TIMEOUT }, () => {
  it('passes on the project', async () => {
    const r = await run(TSX, [CHECK], { encoding: 'utf8' }).then(
      (x) => ({ code: 0, out: x.stdout + x.stderr }),
      (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
    );
    expect(r.out).toContain('架构检查通过');
    expect(r.code).toBe(0);
  }, 180_000); // the whole project through dependency-cruiser and the parser: slower on a busy machine

  it('passes on a tree that keeps every rule', async () => {
    const r = await check(CLEAN);
    expect(r.out).toContain('架构检查通过');
    expect(r.code).toBe(0);
  });

  it('fails when platform/ imports a module', async () => {
    const r = await check({
      ...CLEAN,
      'src/platform/web.ts': "import { n } from '../b/service.js';\nexport const x = n;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('platform-imports-no-module: src/platform/web.ts → src/b/service.ts');
  });

  it("fails when a module imports another module's store", async () => {
    const r = await check({
      ...CLEAN,
      'src/b/other.ts': "import { widgets } from '../a/store.js';\nexport const x = widgets;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('no-foreign-store: src/b/other.ts → src/a/store.ts');
  });

  it('fails when a module imports the composition', async () => {
    const r = await check({
      ...CLEAN,
      'src/a/menu.ts': "import { modules } from '../modules.js';\nexport const x = modules;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('modules-import-no-composition: src/a/menu.ts → src/modules.ts');
  });

  it('fails on a cycle between module folders', async () => {
    const r = await check({
      ...CLEAN,
      'src/a/uses-b.ts': "import { n } from '../b/service.js';\nexport const x = n;\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('no-module-cycles: a, b:');
    expect(r.out).toContain('a → b (src/a/uses-b.ts → src/b/service.ts)');
    expect(r.out).toContain('b → a (src/b/service.ts → src/a/api.ts)');
  });

  it("fails when a module queries another module's table", async () => {
    const r = await check({
      ...CLEAN,
      'src/b/store.ts': "export const w = (k: any) => k.selectFrom('widgets as w').selectAll().execute();\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('table-owner: src/b/store.ts:1 queries widgets, a table of a');
  });

  it('fails when raw SQL reads another module’s table', async () => {
    const r = await check({
      ...CLEAN,
      'src/b/store.ts':
        "import { sql } from 'kysely';\nexport const w = (k: any) => sql`select count(*) from widgets`.execute(k);\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain('table-owner: src/b/store.ts:2 queries widgets, a table of a');
  });

  it('fails when a module queries its own table outside its store', async () => {
    const r = await check({
      ...CLEAN,
      'src/a/service.ts': "export const w = (k: any) => k.updateTable('widgets').set({}).execute();\n",
    });
    expect(r.code).toBe(1);
    expect(r.out).toContain("store-only: src/a/service.ts:1 queries widgets outside a's store");
  });

  it('fails on a source file over 600 lines', async () => {
    const r = await check({ ...CLEAN, 'src/a/big.ts': 'export const x = 1;\n'.repeat(601) });
    expect(r.code).toBe(1);
    expect(r.out).toContain('file-length: src/a/big.ts has 601 lines (at most 600)');
  });
});
