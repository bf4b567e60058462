// Bundles the CLI into dist/ with esbuild: one file starts far faster than
// kysely's ~280 separate ESM modules. better-sqlite3's JavaScript is bundled too;
// its native addon is loaded from node_modules by path (see src/db/open.ts).
// Libraries only some commands need (csv-parse, iconv-lite, cli-table3,
// @inquirer/prompts) are dynamic imports, split into chunks loaded on demand.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// NUANXIN_OUTDIR builds elsewhere (a second checkout's bench while dist/ is in use).
const outdir = process.env.NUANXIN_OUTDIR ?? 'dist';
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

await build({
  entryPoints: { nuanxin: 'src/main.ts', 'parse-worker': 'src/domain/workers/roster-parse-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: [],
  minify: !process.env.NUANXIN_NO_MINIFY,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noChildProcessForCommander],
  // CommonJS dependencies (better-sqlite3, cli-table3, iconv-lite) call require()
  // and read __filename; an ESM bundle has neither unless we make them.
  banner: {
    js: [
      "import { createRequire as __nuanxinCreateRequire } from 'node:module';",
      "import { fileURLToPath as __nuanxinFileURLToPath } from 'node:url';",
      'const require = __nuanxinCreateRequire(import.meta.url);',
      'const __filename = __nuanxinFileURLToPath(import.meta.url);',
    ].join(' '),
  },
});
