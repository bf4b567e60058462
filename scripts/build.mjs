// Bundles the CLI into dist/ with esbuild: one file starts ~45% faster than
// kysely's ~280 separate ESM modules. better-sqlite3 stays external (native addon).
import { build } from 'esbuild';

await build({
  entryPoints: { nuanxin: 'src/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (cli-table3, iconv-lite) call require() for Node built-ins.
  banner: { js: "import { createRequire as __nuanxinCreateRequire } from 'node:module'; const require = __nuanxinCreateRequire(import.meta.url);" },
});
