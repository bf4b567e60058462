import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeRoster } from '../../bench/roster.mjs';
import { tempDir } from '../helpers/cli.js';
import { newDatabase, onPostgres } from '../helpers/pg.js';
import { rawSession } from '../helpers/raw.js';
import { BIN, spawnCli } from '../helpers/spawn.js';

describe('an import killed part-way', () => {
  it('leaves integrity_check ok and not one row of that file', async () => {
    const dir = tempDir();
    const db = await newDatabase(dir);
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
    // Kill it once it is writing (the kill must land after the import's writes began, or the test proves
    // nothing): on SQLite the WAL grows while the import's transaction is open; on PostgreSQL the server
    // has written rows of it (a dead transaction's tuples, counted as it goes).
    const raw = await rawSession(db);
    const writing = async () => {
      if (!onPostgres) {
        const { statSync, existsSync } = await import('node:fs');
        return existsSync(`${db}-wal`) && statSync(`${db}-wal`).size > 2_000_000;
      }
      const { rows } = {
        rows: await raw.all<{ n: number }>(
          "select count(*)::int as n from pg_stat_activity where application_name = 'nuanxin' and query like 'insert into workers%' and datname = current_database()",
        ),
      };
      return rows[0]!.n > 0;
    };
    const started = Date.now();
    while (!(await writing()) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect(await writing()).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    if (!onPostgres) expect(await raw.get('pragma integrity_check')).toEqual({ integrity_check: 'ok' });
    expect(await raw.get('select count(*) as n from workers')).toEqual({ n: 1 });
    expect(await raw.get('select count(*) as n from imports')).toEqual({ n: 0 });
    await raw.close();
    expect((await spawnCli(['db', 'check'], env)).code).toBe(0);
  }, 60_000);
});
