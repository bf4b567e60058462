import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { ROSTER_ROWS, writeRoster, type Encoding } from '../helpers/roster.js';
import { newDatabase } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';

/** The built CLI parses rosters in a worker thread; the in-process run parses in this thread. Same answers. */
describe('roster import through the built CLI (worker-thread parsing)', () => {
  const rows = [...ROSTER_ROWS, ['坏号', '12345', '', '', '骑手', '', '', '', ''], ['重复', '138 0013 8000', '', '', '骑手', '', '', '', ''], ['短行']];
  it.each<Encoding>(['gb18030-crlf', 'utf8-bom', 'utf16le-tab'])('%s gives the same report as the in-thread parser', async (encoding) => {
    const dir = tempDir();
    const results = [];
    for (const mode of ['spawned', 'in-process'] as const) {
      const env = { NUANXIN_DB: await newDatabase(dir, `${mode}.db`), NUANXIN_TODAY: '2026-11-29' };
      const file = writeRoster(dir, `roster-${mode}.csv`, rows, encoding);
      const run = mode === 'spawned' ? (argv: string[]) => spawnCli(argv, env) : (argv: string[]) => runCli(argv, { env });
      await run(['init']);
      await run(['community', 'add', '夹马营社区']);
      await run(['community', 'add', '东关社区']);
      const result = await run(['worker', 'import', file, '--json']);
      expect(result.code).toBe(0);
      const { import_id: _id, file: _file, ...report } = JSON.parse(result.stdout);
      results.push(report);
    }
    expect(results[0]).toMatchObject({ inserted: 3, rejected: 3, rejects: [{ row: 5 }, { row: 6, reason: 'phone duplicates row 2' }, { row: 7 }] });
    expect(results[0]).toEqual(results[1]);
  });
});
