import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { onPostgres } from '../helpers/pg.js';
import { rawSession } from '../helpers/raw.js';
import { freshCli } from '../helpers/cli.js';

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  await fresh.cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await fresh.cli([
    'worker',
    'add',
    '--name',
    '张三',
    '--phone',
    '13800138000',
    '--occupation',
    '外卖骑手',
    '--platform',
    '美团',
    '--community',
    '夹马营社区',
    '--id-number',
    '11010519491231002X',
  ]);
  return fresh;
}

describe('worker add', () => {
  it.each([
    [['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'courier'], 0, 'worker 李四 (139****9000) registered\n', ''],
    [
      ['worker', 'add', '--name', '李四', '--phone', '138-0013-8000', '--occupation', 'courier'],
      4,
      '',
      'error: a worker with phone 138****8000 already exists\nhint: change their record with `nuanxin worker update PHONE`\n',
    ],
    [
      ['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'courier', '--id-number', '11010519491231002x'],
      4,
      '',
      'error: ID number already belongs to another worker (138****8000)\n',
    ],
    [['worker', 'add', '--name', '李四', '--phone', '123', '--occupation', 'courier'], 5, '', 'error: phone "123" is not a mobile number (11 digits starting with 1)\n'],
    [['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'chef'], 5, '', expect.stringContaining('error: unknown occupation "chef"')],
    [['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'rider', '--community', '夹马营'], 3, '', expect.stringContaining('did you mean: 夹马营社区?')],
    [['worker', 'add', '--name', '李四'], 2, '', expect.stringContaining('error: missing --phone, --occupation (required when not running interactively)')],
  ])('%j → exit %i', async (argv, code, stdout, stderr) => {
    const { cli } = await district();
    expect(await cli(argv as string[])).toEqual({ code, stdout, stderr });
  });

  it('asks for missing fields on a terminal', async () => {
    const { cli } = await district();
    const result = await cli(['worker', 'add'], { tty: true, answers: ['王五', '13700137000', 'taxi', '夹马营社区'] });
    expect(result).toMatchObject({ code: 0, stdout: 'worker 王五 (137****7000) registered\n' });
  });
});

describe('masking and reveals', () => {
  it('masks phone and ID everywhere unless --reveal --reason, and logs each reveal', async () => {
    const { cli, dir } = await district();
    const shown = JSON.parse((await cli(['worker', 'show', '13800138000', '--json'])).stdout);
    expect(shown).toMatchObject({ phone: '138****8000', idNumber: '110105********002X' });
    expect((await cli(['worker', 'list'])).stdout).toContain('138****8000');
    expect((await cli(['worker', 'list'])).stdout).not.toContain('13800138000');
    expect(await cli(['worker', 'show', '13800138000', '--reveal'])).toMatchObject({ code: 2, stderr: 'error: --reveal needs --reason (every reveal is logged)\n' });
    const revealed = JSON.parse((await cli(['worker', 'show', '13800138000', '--reveal', '--reason', '回访核实', '--json'], { env: { NUANXIN_OPERATOR: '李娜' } })).stdout);
    expect(revealed).toMatchObject({ phone: '13800138000', idNumber: '11010519491231002X' });
    const access = JSON.parse((await cli(['audit', '--access', '--json'])).stdout);
    expect(access).toEqual([expect.objectContaining({ operator: '李娜', worker: 1, fields: 'phone,id_number', reason: '回访核实', command: 'worker show' })]);
    const out = join(dir, 'export.csv');
    expect((await cli(['worker', 'export', '--out', out])).code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFno.,name,phone')).toBe(true);
    expect(csv).toContain('\r\n1,张三,138****8000,food-delivery rider,美团,,夹马营社区,active,110105********002X');
    const json = JSON.parse((await cli(['worker', 'export', '--format', 'json'])).stdout);
    expect(json[0]).toMatchObject({ phone: '138****8000' });
  });
});

describe('worker lifecycle', () => {
  it('updates, deactivates, reactivates and refuses repeats', async () => {
    const { cli } = await district();
    expect((await cli(['worker', 'update', '13800138000', '--site', '西关站'])).code).toBe(0);
    expect((await cli(['worker', 'update', '13800138000'])).code).toBe(2);
    expect((await cli(['worker', 'deactivate', '13800138000', '--reason', '离职'])).code).toBe(0);
    expect(await cli(['worker', 'deactivate', '13800138000', '--reason', '离职'])).toMatchObject({ code: 4, stderr: 'error: worker 138****8000 is already inactive\n' });
    expect((await cli(['worker', 'list', '--active', '--json'])).stdout).toBe('[]\n');
    expect((await cli(['worker', 'reactivate', '13800138000'])).code).toBe(0);
    expect((await cli(['worker', 'show', '99999999999'])).code).toBe(3);
    const shown = JSON.parse((await cli(['worker', 'show', '1', '--json'])).stdout);
    expect(shown.history.map((h: { action: string }) => h.action)).toEqual(['create', 'update', 'deactivate', 'reactivate']);
  });

  it('purges personal data but keeps the anonymous row', async () => {
    const { cli, db, dir } = await district();
    await cli(['worker', 'update', '13800138000', '--id-number', '11010519491231002X', '--note', '电话 13800138000']);
    // Neighbours on the same pages: without secure_delete the purged bytes would stay in their free space.
    const others = Array.from({ length: 40 }, (_, i) => `路人${i},1390000${String(i).padStart(4, '0')},骑手`).join('\n');
    writeFileSync(join(dir, 'others.csv'), `姓名,手机号,岗位\n${others}\n`);
    await cli(['worker', 'import', join(dir, 'others.csv')]);
    const result = await cli(['worker', 'purge', '13800138000', '--reason', '本人申请', '--json']);
    expect(JSON.parse(result.stdout)).toEqual({ id: 1, purged: true });
    const raw = await rawSession(db);
    expect(await raw.get('select phone, id_number, name, occupation, platform, active from workers where id = 1')).toEqual({
      phone: null,
      id_number: null,
      name: '(已清除)',
      occupation: 'rider',
      platform: '美团',
      active: 0,
    });
    const leftovers = await raw.get("select count(*) n from worker_history where changes like '%1380013%' or changes like '%110105%'");
    expect(leftovers).toEqual({ n: 0 });
    await raw.close();
    // The file itself (SQLite only: a server's pages are the server's, reclaimed by its vacuum).
    for (const file of onPostgres ? [] : [db, `${db}-wal`]) {
      const bytes = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
      expect(bytes.includes(Buffer.from('13800138000')), file).toBe(false);
      expect(bytes.includes(Buffer.from('张三')), file).toBe(false);
    }
    expect((await cli(['worker', 'show', '13800138000'])).code).toBe(3);
    expect((await cli(['worker', 'purge', '1', '--reason', 'again'])).code).toBe(4);
    expect((await cli(['db', 'check'])).code).toBe(0);
  });
});
