/**
 * The layering rules of ARCHITECTURE.md for dependency-cruiser (run by scripts/check-architecture.ts,
 * which adds the module-cycle, table-ownership and file-length checks). Paths are relative to the
 * tree being checked (the project, or a fixture under test/fixtures/architecture/).
 */
const TESTS = '\\.test\\.tsx?$|^src/testing\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'platform/ is the ground floor: it imports no module (modules reach it through the Module objects).',
      severity: 'error',
      from: { path: '^src/platform/', pathNot: TESTS },
      to: { path: '^src/', pathNot: '^src/platform/' },
    },
    {
      name: 'no-foreign-store',
      comment: "A module calls another module's service or api.ts, never its store, table types or migrations.",
      severity: 'error',
      from: { path: '^src/([^/]+)/', pathNot: TESTS },
      to: { path: '^src/[^/]+/(store|tables|migrations)(\\.tsx?$|/)', pathNot: '^src/$1/' },
    },
    {
      name: 'modules-import-no-composition',
      comment: 'Only the entry points use the composition (modules.ts, app.ts, main.ts).',
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: TESTS },
      to: { path: '^src/(modules|app|main)\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    combinedDependencies: false,
  },
};
