import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshCli } from '../helpers/cli.js';

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  await fresh.cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await fresh.cli(['community', 'add', '东关社区', '--subdistrict', '东关街道']);
  return fresh;
}

describe('station add', () => {
  it.each([
    [['station', 'add', '--name', 'A', '--community', '夹马营社区'], 0, 'station ST0001 A registered\n', ''],
    [
      ['station', 'add', '--name', 'A', '--community', '夹马营'],
      3,
      '',
      'error: unknown community "夹马营"; did you mean: 夹马营社区?\nhint: add it with `nuanxin community add NAME --subdistrict S` (station add and station import also take --create-community)\n',
    ],
    [
      ['station', 'add', '--name', 'A', '--community', '夹马营社区', '--amenities', 'sauna'],
      5,
      '',
      'error: unknown amenity "sauna"; accepted: seating（桌椅）, water（烧水壶/饮水机）, microwave（微波炉）, cooling（电风扇/空调）, reading（报刊书籍）, medicine（应急药品）, charging（充电/充气工具）, signage（统一标识）, fixed_site（固定场所）, rules（管理制度）, staff（人员管理）, on_map（地图可查）\n',
    ],
    [['station', 'add', '--name', 'A', '--community', '夹马营社区', '--opened', '2024-02-30'], 5, '', 'error: invalid date for opened: "2024-02-30" (use YYYY-MM-DD)\n'],
    [
      ['station', 'add', '--community', '夹马营社区'],
      2,
      '',
      'error: missing --name (required when not running interactively)\nhint: pass the flags, or run on a terminal to be asked\n',
    ],
    [['station', 'add', '--name', 'A', '--community', '夹马营社区', '--bogus'], 2, '', "error: unknown option '--bogus'\n(--help for usage)\n"],
  ])('%j → exit %i', async (argv, code, stdout, stderr) => {
    const { cli } = await district();
    expect(await cli(argv)).toEqual({ code, stdout, stderr });
  });

  it('answers in Chinese with --lang zh', async () => {
    const { cli } = await district();
    expect(await cli(['--lang', 'zh', 'station', 'show', 'NOPE'])).toEqual({
      code: 3,
      stdout: '',
      stderr: '错误: 没有编号为 NOPE 的驿站\n提示: 查看驿站：`nuanxin station list`\n',
    });
  });

  it('prompts for every field on a terminal', async () => {
    const { cli } = await district();
    await cli(['unit', 'add', '邻里中心', '--type', 'party_service_centre']);
    const answers = ['瀍河驿站', '东关社区', 'CH01', '瀍河路8号', '邻里中心', '王芳', '13800138000', '8:00-20:00', ['seating', 'water'], '2024-05-01'];
    const result = await cli(['station', 'add'], { tty: true, answers });
    expect(result).toMatchObject({ code: 0, stdout: 'station CH01 瀍河驿站 registered\n' });
    const show = JSON.parse((await cli(['station', 'show', 'CH01', '--json'])).stdout);
    expect(show).toMatchObject({ code: 'CH01', community: '东关社区', host: '邻里中心', contactPhone: '138****8000', amenities: ['seating', 'water'], openedOn: '2024-05-01' });
  });

  it('returns the created object with --json', async () => {
    const { cli } = await district();
    const result = await cli(['station', 'add', '--name', 'A', '--community', '夹马营社区', '--phone', '13800138000', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ code: 'ST0001', name: 'A', contactPhone: '138****8000', status: 'open' });
  });
});

describe('station list, show, update, close', () => {
  it('filters by missing amenity, community and status', async () => {
    const { cli } = await district();
    await cli(['station', 'add', '--code', 'A', '--name', 'A', '--community', '夹马营社区', '--amenities', 'medicine']);
    await cli(['station', 'add', '--code', 'B', '--name', 'B', '--community', '东关社区']);
    await cli(['station', 'close', 'B', '--reason', '装修']);
    const codes = async (argv: string[]) => JSON.parse((await cli([...argv, '--json'])).stdout).map((s: { code: string }) => s.code);
    expect(await codes(['station', 'list', '--missing', '应急药品'])).toEqual(['B']);
    expect(await codes(['station', 'list', '--community', '夹马营社区'])).toEqual(['A']);
    expect(await codes(['station', 'list', '--status', 'open'])).toEqual(['A']);
    expect((await cli(['station', 'list', '--status', 'shut'])).code).toBe(2);
  });

  it('prints tab-separated rows when piped and CSV with BOM/CRLF for Excel', async () => {
    const { cli } = await district();
    await cli(['station', 'add', '--code', 'A', '--name', '=HYPERLINK("x")', '--community', '夹马营社区']);
    expect((await cli(['station', 'list'])).stdout).toBe('code\tname\tcommunity\tstatus\thours\tamenities\tphone\nA\t=HYPERLINK("x")\t夹马营社区\topen\t\t0/12\t\n');
    const csv = (await cli(['station', 'list', '--format', 'csv'])).stdout;
    expect(csv).toBe('\uFEFFcode,name,community,status,hours,amenities,phone\r\nA,"\'=HYPERLINK(""x"")",夹马营社区,open,,0/12,\r\n');
    expect((await cli(['station', 'list', '--format', 'md'])).stdout).toContain('| A | =HYPERLINK("x") | 夹马营社区 |');
  });

  it('shows history and refuses updates to unknown stations', async () => {
    const { cli } = await district();
    await cli(['station', 'add', '--code', 'A', '--name', 'A', '--community', '夹马营社区']);
    await cli(['station', 'update', 'A', '--hours', '8:00-20:00'], { env: { NUANXIN_OPERATOR: '李娜' } });
    const shown = JSON.parse((await cli(['station', 'show', 'A', '--json'])).stdout);
    expect(shown.history.map((h: { action: string; operator: string }) => `${h.action}/${h.operator}`)).toEqual(['create/tester', 'update/李娜']);
    expect((await cli(['station', 'update', 'Z', '--hours', 'x'])).code).toBe(3);
    expect((await cli(['station', 'update', 'A'])).code).toBe(2);
    expect((await cli(['station', 'close', 'A'])).code).toBe(2);
  });
});

describe('station audit', () => {
  it('reports gaps and exits 4 with --fail-on-gaps', async () => {
    const { cli } = await district();
    await cli([
      'station',
      'add',
      '--code',
      'A',
      '--name',
      'A',
      '--community',
      '夹马营社区',
      '--amenities',
      'seating,water,microwave,cooling,reading,medicine,charging,signage,fixed_site,rules,staff,on_map',
      '--medicine-expires',
      '2026-12-01',
    ]);
    const ok = await cli(['station', 'audit', '--fail-on-gaps', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).totals).toMatchObject({ stations: 1, fullyEquipped: 1, medicineExpiring: 1 });
    await cli(['station', 'add', '--code', 'B', '--name', 'B', '--community', '东关社区', '--amenities', 'seating']);
    const gaps = await cli(['station', 'audit', '--fail-on-gaps']);
    expect(gaps.code).toBe(4);
    expect(gaps.stdout).toContain('1/2 open stations fully equipped');
    expect(gaps.stderr).toBe('1 station(s) fall short of the standard\n');
  });
});

describe('station import', () => {
  it('imports a GB18030 sheet, rejects bad rows by Excel row number, and adds nothing on re-import', async () => {
    const { cli, dir } = await district();
    const text =
      '驿站名称,所属社区,配备设施,联系电话\r\n夹马营路爱心驿站,夹马营社区,"桌椅,饮水机,微波炉",0379-63212345\r\n东关驿站,东关社区,桌椅、空调,13912345678\r\n坏行,西工社区,桌椅,\r\n短行,东关社区\r\n';
    const file = join(dir, '驿站.csv');
    writeFileSync(file, iconv.encode(text, 'gb18030'));
    const result = await cli(['station', 'import', file, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      rejects: [
        { row: 4, reason: 'unknown community "西工社区"' },
        { row: 5, reason: 'has 2 cells but the header has 4' },
      ],
    });
    const list = JSON.parse((await cli(['station', 'list', '--json'])).stdout);
    expect(list.map((s: { name: string; amenities: string[] }) => [s.name, s.amenities])).toEqual([
      ['夹马营路爱心驿站', ['seating', 'water', 'microwave']],
      ['东关驿站', ['seating', 'cooling']],
    ]);
    const again = await cli(['station', 'import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, already_imported: { id: 1 } });
    writeFileSync(file, iconv.encode(text.replace(/\r\n/g, '\n'), 'gb18030'));
    expect(JSON.parse((await cli(['station', 'import', file, '--json'])).stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, already_imported: { id: 1 } });
  });

  it('writes nothing on --dry-run or --strict with rejects', async () => {
    const { cli, dir } = await district();
    const file = join(dir, 's.csv');
    writeFileSync(file, 'name,community\nA,夹马营社区\nB,nowhere\n');
    expect(JSON.parse((await cli(['station', 'import', file, '--dry-run', '--json'])).stdout)).toMatchObject({ inserted: 1, rejected: 1, written: false });
    const strict = await cli(['station', 'import', file, '--strict']);
    expect(strict.code).toBe(5);
    expect(strict.stderr).toContain('1 row(s) rejected; with --strict nothing was written');
    expect(JSON.parse((await cli(['station', 'list', '--json'])).stdout)).toEqual([]);
  });

  it('refuses a file without the required columns, listing what it found', async () => {
    const { cli, dir } = await district();
    const file = join(dir, 's.csv');
    writeFileSync(file, '地址,电话\nx,y\n');
    const result = await cli(['station', 'import', file]);
    expect(result.code).toBe(5);
    expect(result.stderr).toBe('error: missing required column(s): name (名称/驿站名称), community (社区/所属社区); headers found: 地址, 电话\n');
  });
});

describe('colour', () => {
  it('colours errors only on a terminal, and never with NO_COLOR or --no-color', async () => {
    const { cli } = await district();
    const argv = ['station', 'show', 'NOPE'];
    expect((await cli(argv, { tty: true })).stderr).toMatch(/\u001b\[/);
    expect((await cli(argv, { tty: true, env: { NO_COLOR: '1' } })).stderr).toBe('error: no station with code NOPE\nhint: see the stations with `nuanxin station list`\n');
    expect((await cli(['--no-color', ...argv], { tty: true })).stderr).toBe('error: no station with code NOPE\nhint: see the stations with `nuanxin station list`\n');
    expect((await cli(argv)).stderr).toBe('error: no station with code NOPE\nhint: see the stations with `nuanxin station list`\n');
  });
});
