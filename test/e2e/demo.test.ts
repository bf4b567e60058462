// `npm run demo` is the first thing a newcomer runs: it must keep working as the rules tighten.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';

const DEMO = fileURLToPath(new URL('../../scripts/demo.mjs', import.meta.url));

describe('the demo', () => {
  it('loads every fixture and prints the audit and the programme report', () => {
    const dir = join(tempDir(), 'demo');
    const r = spawnSync(process.execPath, [DEMO], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LANG: 'en_US.UTF-8', NUANXIN_DEMO_DIR: dir }, encoding: 'utf8' });
    expect(r.stderr).not.toContain('demo step failed');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('10. Micro-wishes');
  }, 120_000);
});
