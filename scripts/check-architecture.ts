/**
 * The layering rules of ARCHITECTURE.md, checked (run by `npm run lint`):
 *
 * 1. platform/ imports no module, 2. no module imports another's store, tables or migrations,
 *    and modules import no composition file — dependency-cruiser with .dependency-cruiser.cjs;
 * 3. no cycles between module folders — from the same dependency graph, folded to modules;
 * 4. only a module's store queries its tables — table owners read from the migrations, queries
 *    read from every Kysely call and sql`` template with the TypeScript parser;
 * 5. no source file over 600 lines (migrations and the listed data tables excepted).
 *
 * Usage: tsx scripts/check-architecture.ts [--root <dir>] — the root holds src/ (a fixture tree
 * in test/architecture.test.ts, the project otherwise). Exit 1 with one line per violation.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MAX_LINES = 600;
/** Files that are data tables rather than code, allowed to be longer (with the reason). */
const LONG_FILES: Record<string, string> = {};

const args = process.argv.slice(2);
const root = path.resolve(args.includes('--root') ? args[args.indexOf('--root') + 1] : PROJECT);

const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
const isTest = (f: string) => /\.test\.tsx?$/.test(f) || f === 'src/testing.ts';
const moduleOf = (f: string): string | null => {
  const m = /^src\/([^/]+)\//.exec(f);
  return m ? m[1] : null;
};
const isStore = (f: string, mod: string) =>
  new RegExp(`^src/${mod}/(store\\.ts|store/[^/]+\\.ts|[^/]+\\.store\\.ts)$`).test(f);
const isMigration = (f: string) => /^src\/[^/]+\/migrations\//.test(f);

function walk(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const violations: string[] = [];
const files = walk(path.join(root, 'src')).map(rel);
const parse = (f: string) =>
  ts.createSourceFile(f, fs.readFileSync(path.join(root, f), 'utf8'), ts.ScriptTarget.Latest, true);

// ---- 1, 2: imports (dependency-cruiser) -------------------------------------------------------

interface CruiseModule {
  source: string;
  dependencies: { resolved: string; coreModule?: boolean; couldNotResolve?: boolean }[];
}
interface CruiseResult {
  modules: CruiseModule[];
  summary: { violations: { rule: { name: string }; from: string; to: string }[] };
}

const depcruise = path.join(PROJECT, 'node_modules', '.bin', 'depcruise');
const tsconfig = fs.existsSync(path.join(root, 'tsconfig.json'))
  ? path.join(root, 'tsconfig.json')
  : path.join(PROJECT, 'tsconfig.json');
let cruised: CruiseResult;
try {
  const json = execFileSync(
    depcruise,
    [
      'src',
      '--config',
      path.join(PROJECT, '.dependency-cruiser.cjs'),
      '--ts-config',
      tsconfig,
      '--output-type',
      'json',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  cruised = JSON.parse(json) as CruiseResult;
} catch (e) {
  const out = (e as { stdout?: string }).stdout;
  if (!out) throw e;
  cruised = JSON.parse(out) as CruiseResult;
}
for (const v of cruised.summary.violations) violations.push(`${v.rule.name}: ${v.from} → ${v.to}`);

// ---- 3: cycles between module folders ---------------------------------------------------------

const graph = new Map<string, Map<string, string>>();
for (const m of cruised.modules) {
  const from = moduleOf(m.source);
  if (!from || from === 'platform' || isTest(m.source)) continue;
  for (const d of m.dependencies) {
    const to = moduleOf(d.resolved);
    if (!to || to === from || to === 'platform') continue;
    const edges = graph.get(from) ?? new Map<string, string>();
    if (!edges.has(to)) edges.set(to, `${m.source} → ${d.resolved}`);
    graph.set(from, edges);
  }
}
{
  // Tarjan's strongly connected components: every component of two or more modules is a cycle.
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        comp.push(w);
      } while (w !== v);
      if (comp.length > 1) {
        const inComp = new Set(comp);
        const arrows = comp.flatMap((a) =>
          [...(graph.get(a) ?? new Map<string, string>()).entries()]
            .filter(([b]) => inComp.has(b))
            .map(([b, via]) => `${a} → ${b} (${via})`),
        );
        violations.push(`no-module-cycles: ${comp.sort().join(', ')}: ${arrows.join('; ')}`);
      }
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
}

// ---- 4: table ownership -----------------------------------------------------------------------

const owner = new Map<string, string>();
const CREATE_SQL = /\bcreate\s+(?:virtual\s+)?table\s+(?:if\s+not\s+exists\s+)?"?([a-z_][a-z0-9_]*)/gi;
const DROP_SQL = /\bdrop\s+table\s+(?:if\s+exists\s+)?"?([a-z_][a-z0-9_]*)/gi;
for (const f of files.filter(isMigration).sort()) {
  const mod = moduleOf(f)!;
  const dropped: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.arguments.length) {
      const a = n.arguments[0];
      const name = n.expression.name.text;
      if ((ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) && name === 'createTable')
        owner.set(a.text, mod);
      if ((ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a)) && name === 'dropTable')
        dropped.push(a.text);
    }
    if (ts.isTaggedTemplateExpression(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n)) {
      const text = n.getText();
      for (const m of text.matchAll(CREATE_SQL)) owner.set(m[1], mod);
      for (const m of text.matchAll(DROP_SQL)) dropped.push(m[1]);
    }
    ts.forEachChild(n, visit);
  };
  visit(parse(f));
  for (const t of dropped) if (owner.get(t) === mod) owner.delete(t);
}
const owned = new Set(owner.keys());
const QUERY_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'mergeInto',
  'replaceInto',
]);
const SQL_TABLE = /\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)/gi;

for (const f of files) {
  if (isTest(f) || isMigration(f)) continue;
  const mod = moduleOf(f);
  const found = new Map<string, number>();
  const src = parse(f);
  const note = (t: string, n: ts.Node) => {
    if (owned.has(t) && !found.has(t)) found.set(t, src.getLineAndCharacterOfPosition(n.getStart()).line + 1);
  };
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.arguments.length) {
      if (QUERY_METHODS.has(n.expression.name.text)) {
        const a = n.arguments[0];
        for (const l of ts.isArrayLiteralExpression(a) ? a.elements : [a])
          if (ts.isStringLiteral(l) || ts.isNoSubstitutionTemplateLiteral(l)) note(l.text.trim().split(/\s+/)[0], l);
      }
    }
    if (ts.isTaggedTemplateExpression(n) && n.tag.getText() === 'sql')
      for (const m of n.template.getText().matchAll(SQL_TABLE)) note(m[1], n);
    ts.forEachChild(n, visit);
  };
  visit(src);
  for (const [table, line] of found) {
    const o = owner.get(table)!;
    if (!mod)
      violations.push(`table-owner: ${f}:${line} queries ${table} (owned by ${o}); composition files query no table`);
    else if (o !== mod) violations.push(`table-owner: ${f}:${line} queries ${table}, a table of ${o}`);
    else if (mod !== 'platform' && !isStore(f, mod))
      violations.push(`store-only: ${f}:${line} queries ${table} outside ${mod}'s store`);
  }
}

// ---- 5: file length ---------------------------------------------------------------------------

for (const dir of ['src', 'test', 'bench', 'scripts']) {
  for (const abs of walk(path.join(root, dir))) {
    const f = rel(abs);
    if (isMigration(f) || f.includes('/fixtures/') || LONG_FILES[f]) continue;
    const lines = fs.readFileSync(abs, 'utf8').split('\n').length - 1;
    if (lines > MAX_LINES) violations.push(`file-length: ${f} has ${lines} lines (at most ${MAX_LINES})`);
  }
}

if (violations.length) {
  for (const v of violations) console.error(v);
  console.error(`\n架构检查未通过：${violations.length} 处违反 ARCHITECTURE.md 的分层规则。`);
  process.exit(1);
}
console.log(`架构检查通过：${files.length} 个源文件，${graph.size} 个模块有依赖，${owned.size} 张表各归其模块。`);
