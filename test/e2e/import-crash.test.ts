import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { writeRoster } from '../../bench/roster.mjs';
import { tempDir } from '../helpers/cli.js';
import { BIN, spawnCli } from '../helpers/spawn.js';

describe('an import killed part-way', () => {
  it('leaves integrity_check ok and not one row of that file', async () => {
    const dir = tempDir();
    const db = join(dir, 'n.db');
    const env = { NUANXIN_DB: db };
    await spawnCli(['init'], env);
    await spawnCli(['community', 'add', '夹马营社区', '--subdistrict', '张掖路街道'], env);
    await spawnCli(['worker', 'add', '--name', '老张', '--phone', '13800000001', '--occupation', 'rider'], env);
    const file = join(dir, 'big.csv');
    await writeRoster(file, 400_000, [{ name: '夹马营社区', subdistrict: '张掖路街道' }]);
    const child = spawn(process.execPath, [BIN, 'worker', 'import', file], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: 'ignore',
    });
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    // Kill it once it is writing: the WAL grows while the import's transaction is open.
    const { statSync, existsSync } = await import('node:fs');
    const started = Date.now();
    while (!(existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 2_000_000) && Date.now() - started < 20_000) {
      await new Promise((r) => setTimeout(r, 20));
    }
    // The kill must land after the import's writes began, or the test proves nothing.
    expect(statSync(`${db}-wal`).size).toBeGreaterThan(2_000_000);
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    const raw = new Database(db);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('select count(*) as n from workers').get()).toEqual({ n: 1 });
    expect(raw.prepare('select count(*) as n from imports').get()).toEqual({ n: 0 });
    raw.close();
    expect((await spawnCli(['db', 'check'], env)).code).toBe(0);
  }, 60_000);
});
