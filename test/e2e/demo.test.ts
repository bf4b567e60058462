// `npm run demo` is the first thing a newcomer runs: it must keep working as the rules tighten, and
// read entirely in the language it runs in.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VOCABULARY } from '../../src/domain/vocabulary.js';
import { tempDir } from '../helpers/cli.js';
import { newDatabase, onPostgres } from '../helpers/pg.js';
import { englishWords } from '../i18n/english-words.js';

const DEMO = fileURLToPath(new URL('../../scripts/demo.mjs', import.meta.url));
const CODES = Object.values(VOCABULARY).flatMap((terms) => terms.map((t) => t.code));

/** The demo on a fresh database: a file in its folder, or in the PostgreSQL run an empty server database. */
async function demo(env: Record<string, string>) {
  const dir = join(tempDir(), 'demo');
  const db = onPostgres ? { NUANXIN_DEMO_DB: await newDatabase(dir) } : {};
  return spawnSync(process.execPath, [DEMO], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NUANXIN_DEMO_DIR: dir, ...db, ...env }, encoding: 'utf8' });
}

describe('the demo', () => {
  it('loads every fixture and prints the audit and the programme report', async () => {
    const r = await demo({ LANG: 'en_US.UTF-8' });
    expect(r.stderr).not.toContain('demo step failed');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('10. Micro-wishes');
  }, 120_000);

  it('reads Chinese where nothing says otherwise: no English word but codes, formats and the gift and rule codes it registers', async () => {
    const r = await demo({ LANG: 'C' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('10. 微心愿');
    const withoutCommandLine = r.stdout.replace(/^(自己试试|年度总结)：.*$/gm, '');
    expect(englishWords(withoutCommandLine, [...CODES, 'ST0001', 'Excel'])).toEqual([]);
    expect(englishWords(r.stderr.replace(/\S*:\/\/\S+|\/\S+/g, ' '), CODES)).toEqual([]);
  }, 120_000);
});
