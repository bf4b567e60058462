import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { newDatabase } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';
import { readXlsx, writeXlsx } from '../helpers/workbook.js';

// The built CLI loads the two spreadsheet libraries from node_modules at run time (they stay out of the
// bundle): this is where a wrong path or a dynamic import the code cache cannot serve would show.
describe('the built CLI reads and writes workbooks', () => {
  it('imports an .xlsx roster, writes its rejects and an .xlsx export, written to a pipe as to a file', async () => {
    const dir = tempDir();
    const env = { NUANXIN_DB: await newDatabase(dir), NUANXIN_TODAY: '2026-11-29', LANG: 'zh_CN.UTF-8' };
    await spawnCli(['init'], env);
    await spawnCli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道'], env);
    const roster = join(dir, '花名册.xlsx');
    await writeXlsx(roster, [
      {
        name: '花名册',
        rows: [
          ['夹马营社区花名册'],
          ['姓名', '手机号码', '从业类型', '居住社区'],
          ['王芳', 13800138000, '外卖骑手', '夹马营社区'],
          ['李强', '1380013', '快递员', '夹马营社区'],
          ['合计', '2人'],
        ],
        merge: ['A1:D1'],
      },
    ]);
    const rejects = join(dir, '退回.xlsx');
    const imported = await spawnCli(['worker', 'import', roster, '--rejects', rejects, '--json'], env);
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ inserted: 1, rejected: 1, rejects: [{ row: 4 }], skipped: { above_header: 1, totals: 1 }, file: { format: 'xlsx' } });
    expect(readXlsx(rejects).sheets[0]!.rows[2]).toEqual(['李强', '1380013', '快递员', '夹马营社区', 4, expect.stringContaining('手机号')]);
    const out = join(dir, '导出.xlsx');
    const exported = await spawnCli(['worker', 'export', '--format', 'xlsx', '--out', out], env);
    expect(exported.code, exported.stderr).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readXlsx(out).sheets[0]!.rows[1]).toEqual(expect.arrayContaining(['王芳', '138****8000']));
    const piped = await spawnCli(['report', 'weekly', '--format', 'xlsx'], env);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout.slice(0, 2)).toBe('PK');
  });
});
