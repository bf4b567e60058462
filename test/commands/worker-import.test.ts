import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../helpers/raw.js';
import { freshCli } from '../helpers/cli.js';
import { ROSTER_ROWS, writeRoster, type Encoding } from '../helpers/roster.js';

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  await fresh.cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await fresh.cli(['community', 'add', '东关社区', '--subdistrict', '东关街道']);
  return fresh;
}

async function storedRows(db: string) {
  return rawRows(db, 'select phone, name, id_number, gender, occupation, platform, community_id, joined_on, note, active from workers order by phone');
}

describe('worker import: encodings', () => {
  const encodings: Encoding[] = ['gb18030-crlf', 'utf8-bom', 'utf8', 'utf16le-tab'];
  it('stores identical rows from GB18030/CRLF, UTF-8 with and without BOM, and UTF-16LE tab text', async () => {
    const results = [];
    for (const encoding of encodings) {
      const { cli, dir, db } = await district();
      const file = writeRoster(dir, `roster-${encoding}.csv`, ROSTER_ROWS, encoding);
      const result = await cli(['worker', 'import', file, '--json']);
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 0, rejects: [] });
      results.push(await storedRows(db));
    }
    expect(results[0]).toEqual([
      {
        phone: '13700137000',
        name: '王五',
        id_number: null,
        gender: 'male',
        occupation: 'ride_hailing',
        platform: '滴滴',
        community_id: null,
        joined_on: '2023-12-01',
        note: null,
        active: 1,
      },
      {
        phone: '13800138000',
        name: '张三',
        id_number: '11010519491231002X',
        gender: 'male',
        occupation: 'rider',
        platform: '美团',
        community_id: 1,
        joined_on: '2024-03-05',
        note: '夜班',
        active: 1,
      },
      {
        phone: '13900139000',
        name: '李㐀',
        id_number: null,
        gender: 'female',
        occupation: 'courier',
        platform: '顺丰',
        community_id: 2,
        joined_on: '2024-03-05',
        note: null,
        active: 1,
      },
    ]);
    for (const rows of results.slice(1)) expect(rows).toEqual(results[0]);
  });

  it('never decodes UTF-8 as GB18030, and --encoding overrides detection', async () => {
    const { cli, dir, db } = await district();
    const file = writeRoster(dir, 'u.csv', [['张三', '13800138000', '', '', '骑手', '', '', '', '']], 'utf8');
    expect((await cli(['worker', 'import', file])).code).toBe(0);
    expect((await storedRows(db))[0]).toMatchObject({ name: '张三' });
    const gb = writeRoster(dir, 'g.csv', [['张四', '13800138001', '', '', '骑手', '', '', '', '']], 'gb18030-crlf');
    expect((await cli(['worker', 'import', gb, '--encoding', 'utf-8'])).code).toBe(5);
    expect(JSON.parse((await cli(['worker', 'import', gb, '--encoding', 'gb18030', '--json'])).stdout).inserted).toBe(1);
  });
});

describe('worker import: rejections', () => {
  it('gives each reason with the Excel row number and keeps the valid rows', async () => {
    const { cli, dir } = await district();
    const rows = [
      ['好人', '13800138000', '', '', '骑手', '', '', '', ''],
      ['', '13800138001', '', '', '骑手', '', '', '', ''],
      ['坏号', '12345', '', '', '骑手', '', '', '', ''],
      ['科学', '1.38001E+10', '', '', '骑手', '', '', '', ''],
      ['短号', '13800138002', '1101051949123100', '', '骑手', '', '', '', ''],
      ['校验', '13800138003', '110105194912310021', '', '骑手', '', '', '', ''],
      ['生日', '13800138004', '410304199002301234', '', '骑手', '', '', '', ''],
      ['厨师', '13800138005', '', '', '厨师', '', '', '', ''],
      ['社区', '13800138006', '', '', '骑手', '', '夹马营', '', ''],
      ['日期', '13800138007', '', '', '骑手', '', '', '2024-02-30', ''],
      ['重复', '138 0013 8000', '', '', '骑手', '', '', '', ''],
      ['短行', '13800138008'],
      ['长行', '13800138009', '', '', '骑手', '', '', '', '', 'extra'],
      ['身份证', '13800138010', '11010519491231002X', '', '骑手', '', '', '', ''],
      ['同证', '13800138011', '11010519491231002X', '', '骑手', '', '', '', ''],
    ];
    const file = writeRoster(dir, 'bad.csv', rows);
    const result = await cli(['worker', 'import', file, '--json', '--rejects', join(dir, 'rejects.csv')]);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ inserted: 2, rejected: 13 });
    expect(report.rejects).toEqual([
      { row: 3, reason: 'name is empty' },
      { row: 4, reason: 'phone "12345" is not a mobile number (11 digits starting with 1)' },
      { row: 5, reason: 'phone "1.38001E+10" was turned into a number by Excel; set the column to Text (文本) in Excel and export again' },
      { row: 6, reason: 'ID number "110105******3100" must have 18 characters' },
      { row: 7, reason: 'ID number "110105********0021" has a wrong check digit' },
      { row: 8, reason: 'ID number "410304********1234" has no real birth date' },
      { row: 9, reason: expect.stringMatching(/^unknown occupation "厨师"; accepted: rider（外卖骑手）, courier（快递员）/) },
      { row: 10, reason: 'unknown community "夹马营"; did you mean: 夹马营社区?' },
      { row: 11, reason: 'joined on "2024-02-30" is not a real date' },
      { row: 12, reason: 'phone duplicates row 2' },
      { row: 13, reason: 'has 2 cells but the header has 9' },
      { row: 14, reason: 'has 10 cells but the header has 9' },
      { row: 16, reason: 'ID number belongs to another worker (138****8010)' },
    ]);
    // The rejects file: original cells plus row and reason, in the input's encoding (GB18030 here).
    const rejects = iconv.decode(readFileSync(join(dir, 'rejects.csv')), 'gb18030');
    expect(rejects.split('\r\n')[0]).toBe('姓名,手机号码,身份证号,性别,从业类型,所属平台,居住社区,入职日期,备注,row,reason');
    expect(rejects.split('\r\n')[1]).toBe(',13800138001,,,骑手,,,,,3,name is empty');
  });

  it('refuses a file missing a required column, listing the headers found', async () => {
    const { cli, dir } = await district();
    const file = writeRoster(dir, 'h.csv', [['张三', '骑手']], 'utf8', ['姓名', '职业']);
    const result = await cli(['worker', 'import', file]);
    expect(result).toMatchObject({ code: 5, stdout: '' });
    expect(result.stderr).toBe('error: missing required column(s): phone (手机号码/手机号); headers found: 姓名, 职业\n');
  });

  it('warns about unknown columns on stderr and ignores them', async () => {
    const { cli, dir } = await district();
    const file = writeRoster(dir, 'u.csv', [['张三', '13800138000', '骑手', 'x']], 'utf8', ['姓名', '手机号', '岗位', '工号']);
    const result = await cli(['worker', 'import', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('ignoring unknown column(s): 工号\n');
    expect(result.stdout).toBe('1 inserted, 0 updated, 0 unchanged, 0 rejected\n');
  });
});

describe('worker import: strict, dry run, idempotence, updates', () => {
  const bad = [...ROSTER_ROWS, ['坏', '123', '', '', '骑手', '', '', '', '']];

  it('--strict writes nothing when any row is rejected (exit 5)', async () => {
    const { cli, dir, db } = await district();
    const result = await cli(['worker', 'import', writeRoster(dir, 's.csv', bad), '--strict', '--json']);
    expect(result.code).toBe(5);
    expect(JSON.parse(result.stdout)).toMatchObject({ inserted: 3, rejected: 1, written: false, import_id: null });
    expect(await storedRows(db)).toEqual([]);
    expect(JSON.parse((await cli(['worker', 'imports', '--json'])).stdout)).toEqual([]);
  });

  it('--dry-run reports the same numbers and changes nothing at all', async () => {
    const { cli, dir, db } = await district();
    const file = writeRoster(dir, 'd.csv', bad);
    const before = (await cli(['audit', '--json'])).stdout;
    const dry = JSON.parse((await cli(['worker', 'import', file, '--dry-run', '--json'])).stdout);
    expect(dry).toMatchObject({ inserted: 3, rejected: 1, dry_run: true, written: false });
    expect(await storedRows(db)).toEqual([]);
    expect(JSON.parse((await cli(['worker', 'imports', '--json'])).stdout)).toEqual([]);
    expect((await cli(['audit', '--json'])).stdout).toBe(before);
    const real = JSON.parse((await cli(['worker', 'import', file, '--json'])).stdout);
    expect(real).toMatchObject({ inserted: 3, rejected: 1, written: true });
  });

  it('re-importing the same file, or the same rows re-saved, changes nothing', async () => {
    const { cli, dir, db } = await district();
    const file = writeRoster(dir, 'r.csv', ROSTER_ROWS, 'gb18030-crlf');
    const first = JSON.parse((await cli(['worker', 'import', file, '--json'])).stdout);
    const rows = await storedRows(db);
    const again = await cli(['worker', 'import', file, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, already_imported: { id: first.import_id } });
    expect(again.stderr).toContain(`this file was already imported (import #${first.import_id}`);
    // The same rows re-saved (UTF-8 with a BOM instead of GB18030 with CRLF) are the same file: nothing is imported again.
    const resaved = writeRoster(dir, 'r2.csv', ROSTER_ROWS, 'utf8-bom');
    expect(JSON.parse((await cli(['worker', 'import', resaved, '--json'])).stdout)).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 0,
      already_imported: { id: first.import_id },
    });
    expect(await storedRows(db)).toEqual(rows);
    expect(JSON.parse((await cli(['worker', 'imports', '--json'])).stdout)).toHaveLength(1);
  });

  it('an update file changes only the changed fields, keeps history, and never erases absent columns', async () => {
    const { cli, dir } = await district();
    await cli(['worker', 'import', writeRoster(dir, 'a.csv', ROSTER_ROWS)]);
    // A platform roster without ID numbers or notes, and 张三 moved platform.
    const update = writeRoster(
      dir,
      'b.csv',
      [
        ['张三', '13800138000', '外卖骑手', '饿了么'],
        ['李㐀', '13900139000', '快递员', ''],
      ],
      'utf8',
      ['姓名', '手机号', '岗位', '平台'],
    );
    expect(JSON.parse((await cli(['worker', 'import', update, '--json'])).stdout)).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const shown = JSON.parse((await cli(['worker', 'show', '13800138000', '--json'])).stdout);
    expect(shown).toMatchObject({ platform: '饿了么', idNumber: '110105********002X', note: '夜班', community: '夹马营社区' });
    expect(shown.history.map((h: { action: string; changes: unknown }) => [h.action, h.changes])).toEqual([
      ['import', null],
      ['import', { platform: ['美团', '饿了么'] }],
    ]);
    // --blank-clears: an empty cell clears the field.
    const clear = writeRoster(dir, 'c.csv', [['李㐀', '13900139000', '快递员', '']], 'utf8', ['姓名', '手机号', '岗位', '平台']);
    expect(JSON.parse((await cli(['worker', 'import', clear, '--blank-clears', '--json'])).stdout)).toMatchObject({ updated: 1 });
    expect(JSON.parse((await cli(['worker', 'show', '13900139000', '--json'])).stdout).platform).toBeNull();
  });

  it('--deactivate-missing needs a scope and deactivates only within it', async () => {
    const { cli, dir } = await district();
    await cli(['worker', 'import', writeRoster(dir, 'a.csv', ROSTER_ROWS)]);
    const meituan = writeRoster(dir, 'm.csv', [['新人', '13600136000', '骑手', '美团']], 'utf8', ['姓名', '手机号', '岗位', '平台']);
    expect((await cli(['worker', 'import', meituan, '--deactivate-missing'])).code).toBe(2);
    // One of the two 美团 workers missing is 50% of the scope: refused unless --force.
    const refused = await cli(['worker', 'import', meituan, '--deactivate-missing', '--platform', '美团', '--json']);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('would deactivate 1 of 2 workers in scope (50%, more than 20%); nothing was changed');
    const result = JSON.parse((await cli(['worker', 'import', meituan, '--deactivate-missing', '--platform', '美团', '--force', '--json'])).stdout);
    expect(result).toMatchObject({ inserted: 1, deactivated: 1, deactivate: [{ name: '张三', phone: '138****8000' }] });
    const inactive = JSON.parse((await cli(['worker', 'list', '--inactive', '--json'])).stdout);
    expect(inactive.map((w: { name: string }) => w.name)).toEqual(['张三']);
  });
});
