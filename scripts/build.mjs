// Bundles the CLI into dist/ with esbuild, then warms V8's code cache for it.
//
// Start-up is the everyday speed (a clerk runs one short command after another),
// so the CLI is one CommonJS file, dist/nuanxin.cjs, that bin/nuanxin.cjs loads
// with the code V8 compiled for it last time (dist/nuanxin.cjs.v8cache): no ESM
// loader resolving a dozen chunks, no parsing the bundle on every run. Command
// groups, messages and libraries only some commands need stay lazy inside the
// file (esbuild wraps each module; it runs when first imported). iconv-lite's
// tables (half a megabyte) stay in node_modules, required by the commands that
// decode files. better-sqlite3's native addon is loaded by path (src/db/sqlite/open.ts).
// The parse worker is its own small ES module (dist/parse-worker.js).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

// NUANXIN_OUTDIR builds elsewhere (a second checkout's bench while dist/ is in use).
const outdir = resolve(process.env.NUANXIN_OUTDIR ?? 'dist');
rmSync(outdir, { recursive: true, force: true });

/**
 * commander requires child_process at load time, only for stand-alone
 * executable subcommands, which nuanxin does not use; loading it (and net,
 * dgram, …) costs every start-up several milliseconds. Its uses throw.
 */
const noChildProcessForCommander = {
  name: 'no-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('node_modules/commander/') ? { path: 'child_process-stub', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "const fail = () => { throw new Error('executable subcommands are not supported'); }; module.exports = { spawn: fail, execFileSync: fail };",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Required from node_modules when a command first decodes a file (CommonJS packages).
  // pg is bundled (lazy: loaded by the first command on a server); its optional native binding is not.
  external: ['iconv-lite', 'chardet', '@e965/xlsx', 'exceljs', 'pg-native'],
  minify: !process.env.NUANXIN_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noChildProcessForCommander],
};

await build({
  ...common,
  entryPoints: ['src/main.ts'],
  outfile: join(outdir, 'nuanxin.cjs'),
  format: 'cjs',
  // The source's import.meta.url (the addon's and the parse worker's paths) is the bundle's own URL.
  define: { 'import.meta.url': '__nuanxinUrl' },
  banner: { js: "const __nuanxinUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: ['src/domain/workers/roster-parse-worker.ts'],
  outfile: join(outdir, 'parse-worker.js'),
  format: 'esm',
  // CommonJS dependencies call require() and read __filename; an ES module has neither unless we make them.
  banner: {
    js: [
      "import { createRequire as __nuanxinCreateRequire } from 'node:module';",
      "import { fileURLToPath as __nuanxinFileURLToPath } from 'node:url';",
      'const require = __nuanxinCreateRequire(import.meta.url);',
      'const __filename = __nuanxinFileURLToPath(import.meta.url);',
    ].join(' '),
  },
});

// The code cache is written by the first run that finds none; make it here, from the everyday
// command (a list on a small register), so the first clerk's run is already fast.
if (!process.env.NUANXIN_NO_WARM) {
  const dir = mkdtempSync(join(tmpdir(), 'nuanxin-build-'));
  try {
    const env = { ...process.env, NUANXIN_DB: join(dir, 'warm.db'), NUANXIN_OPERATOR: 'build', NUANXIN_BUNDLE: join(outdir, 'nuanxin.cjs') };
    const loader = resolve('bin/nuanxin.cjs');
    execFileSync(process.execPath, [loader, 'init'], { env, stdio: 'ignore' });
    // The cache init left holds the migrations; the one kept is what a list compiles.
    rmSync(join(outdir, 'nuanxin.cjs.v8cache'), { force: true });
    execFileSync(process.execPath, [loader, 'station', 'list'], { env, stdio: 'ignore' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
