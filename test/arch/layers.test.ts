// The layers run one way only (ARCHITECTURE.md): commands → domain → db, with the
// decoding side (src/import) below the domain and the database drivers inside src/db.
// Read from the source text, so a wrong-way import fails here before review.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

type Edge = { from: string; to: string };

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a source file names: static imports, re-exports and dynamic import(). */
function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
    // import('x'), import(`x`), require('x'), createRequire(…)('x'), createRequire(…).resolve('x')
    /\bimport\s*\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
    /\)\s*(?:\.resolve)?\(\s*['"`]([^'"`$]+)['"`]\s*\)/g,
  ];
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** src-relative target of a relative import (`domain/points/ledger.ts`), or the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(SRC, resolve(dirname(file), specifier)).replace(/\.js$/, '.ts');
}

function edges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) => {
    const from = relative(SRC, file);
    return importsOf(readFileSync(file, 'utf8')).map((specifier) => ({ from, to: target(file, specifier) }));
  });
}

const under = (path: string, ...folders: string[]) => folders.some((f) => path === f || path.startsWith(`${f}/`));
const ENTRY = ['program.ts', 'main.ts'];

/** Each rule: which files, and what they must not import. */
const RULES: { name: string; files: (p: string) => boolean; forbidden: (t: string) => boolean }[] = [
  { name: 'domain → cli/commands', files: (p) => under(p, 'domain'), forbidden: (t) => under(t, 'cli', 'commands') || ENTRY.includes(t) },
  { name: 'db → domain/cli/commands/import', files: (p) => under(p, 'db'), forbidden: (t) => under(t, 'domain', 'cli', 'commands', 'import') || ENTRY.includes(t) },
  { name: 'import → domain/cli/commands', files: (p) => under(p, 'import'), forbidden: (t) => under(t, 'domain', 'cli', 'commands', 'db') || ENTRY.includes(t) },
  { name: 'cli → commands', files: (p) => under(p, 'cli'), forbidden: (t) => under(t, 'commands') },
  { name: 'database driver outside src/db', files: (p) => !under(p, 'db'), forbidden: (t) => /^(better-sqlite3|pg|pg-[\w-]+)(\/|$)/.test(t) },
];

function violations(all: Edge[]): string[] {
  return RULES.flatMap((rule) => all.filter((e) => rule.files(e.from) && rule.forbidden(e.to)).map((e) => `${rule.name}: ${e.from} imports ${e.to}`));
}

describe('layers', () => {
  const all = edges();

  it('reads the imports it judges (the scanner is not blind)', () => {
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContainEqual({ from: 'domain/imports/run.ts', to: 'domain/audit.ts' });
    expect(all).toContainEqual({ from: 'db/sqlite/open.ts', to: 'better-sqlite3' });
    expect(all).toContainEqual({ from: 'db/postgres/open.ts', to: 'pg' });
    expect(all).toContainEqual({ from: 'db/postgres/open.ts', to: 'pg-cursor' });
    expect(importsOf("const m = await import('../../import/parse-in-worker.js');\nimport './side-effect.js';").sort()).toEqual([
      '../../import/parse-in-worker.js',
      './side-effect.js',
    ]);
    const hidden =
      "require('better-sqlite3');\ncreateRequire(import.meta.url)('pg');\nawait import(`../cli/render.js`);\nconst p = createRequire(import.meta.url).resolve('better-sqlite3/lib/database.js');";
    expect(importsOf(hidden).sort()).toEqual(['../cli/render.js', 'better-sqlite3', 'better-sqlite3/lib/database.js', 'pg']);
  });

  it('flags each kind of wrong-way import', () => {
    const wrong: Edge[] = [
      { from: 'domain/points/ledger.ts', to: 'cli/render.ts' },
      { from: 'domain/x.ts', to: 'program.ts' },
      { from: 'db/open.ts', to: 'domain/context.ts' },
      { from: 'import/decode.ts', to: 'domain/workers/validate.ts' },
      { from: 'import/decode.ts', to: 'commands/worker/import.ts' },
      { from: 'cli/render.ts', to: 'commands/shared/import-command.ts' },
      { from: 'domain/admin/check.ts', to: 'better-sqlite3' },
      { from: 'commands/db/check.ts', to: 'pg' },
      { from: 'import/decode.ts', to: 'better-sqlite3/lib/database.js' },
    ];
    expect(violations(wrong)).toHaveLength(wrong.length);
  });

  it('no file imports against the direction of the layers, and only src/db loads a database driver', () => {
    expect(violations(all)).toEqual([]);
  });
});
