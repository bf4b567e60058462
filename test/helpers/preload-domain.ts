/// <reference types="vite/client" />
// Mutation runs only (vitest.mutation.config.ts): every module StrykerJS mutates is imported here,
// before any test of the run, so code at a module's top level (tables, patterns, constants) runs outside
// every test. StrykerJS then sees it as static and sets its mutants aside ("ignoreStatic"), instead of
// charging it to whichever test first loaded the module and reporting its mutants as survivors.
// The worker-thread entries are left out: importing one starts its work.
const loaded = import.meta.glob(
  ['../../src/domain/**/*.ts', '../../src/import/**/*.ts', '../../src/db/*.ts', '../../src/db/sqlite/*.ts', '!**/roster-parse-worker.ts', '!**/parse-in-worker.ts'],
  { eager: true },
);
// A glob that matched nothing would quietly undo the point of this file.
if (Object.keys(loaded).length < 80) throw new Error(`preload-domain: only ${Object.keys(loaded).length} modules matched`);
