// Issue #10, output files and hostile input: each test reproduces a hole found on the old main.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { onPostgres } from '../helpers/pg.js';
import { freshCli } from '../helpers/cli.js';
import { writeRoster } from '../helpers/roster.js';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function district() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  await fresh.cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await fresh.cli(['worker', 'add', '--name', '张三', '--phone', '13800138000', '--occupation', 'rider', '--platform', '美团', '--community', '夹马营社区']);
  const workers = async () =>
    (JSON.parse((await fresh.cli(['worker', 'list', '--json'])).stdout) as { name: string; phone: string; active: string }[]).map((w) => ({ ...w, active: w.active === 'active' }));
  return { ...fresh, workers };
}

describe('output files never replace what must not be replaced', () => {
  it.each([
    ['the live database', (db: string) => ['report', 'weekly', '--format', 'html', '--out', db]],
    ['its -wal file', (db: string) => ['report', 'weekly', '--out', `${db}-wal`]],
    ['the database by export', (db: string) => ['worker', 'export', '--out', db]],
    ['the database by backup', (db: string) => ['db', 'backup', db, '--force']],
  ])('[SQLite] refuses %s (exit 5) and leaves it as it was', async (_what, argv) => {
    if (onPostgres) return; // a server has no file to protect
    const { cli, db } = await district();
    const before = sha(db);
    const r = await cli(argv(db));
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: refusing to write .*: it is the live database \(or one of its files\) or a file being read\n/);
    expect(sha(db)).toBe(before);
    expect((await cli(['db', 'check'])).code).toBe(0);
  });

  it('refuses a --rejects file that is the input itself, before importing anything', async () => {
    const { cli, dir, workers } = await district();
    const roster = writeRoster(dir, 'r.csv', [
      ['李四', '13900139000', '', '', '快递员', '', '', '', ''],
      ['坏行', '123', '', '', '快递员', '', '', '', ''],
    ]);
    const before = sha(roster);
    const r = await cli(['worker', 'import', roster, '--rejects', roster]);
    expect(r.code).toBe(5);
    expect(sha(roster)).toBe(before);
    expect((await workers()).map((w) => w.name)).toEqual(['张三']);
    expect(JSON.parse((await cli(['worker', 'imports', '--json'])).stdout)).toEqual([]);
  });

  it('refuses a device, a directory and a missing folder, with the path (exit 5)', async () => {
    const { cli, dir } = await district();
    const device = await cli(['report', 'weekly', '--out', '/dev/full']);
    expect(device).toMatchObject({ code: 5, stderr: expect.stringContaining('refusing to write /dev/full: it is not a regular file') });
    expect(lstatSync('/dev/full').isCharacterDevice()).toBe(true);
    mkdirSync(join(dir, 'folder'));
    expect((await cli(['db', 'backup', join(dir, 'folder')])).stderr).toContain('it is a directory');
    const missing = await cli(['db', 'backup', join(dir, 'nowhere', 'b.db')]);
    expect(missing).toMatchObject({ code: 5, stderr: expect.stringContaining(`the folder ${join(dir, 'nowhere')} does not exist`) });
    const imported = await cli(['worker', 'import', dir]);
    expect(imported.code).toBe(5);
    expect(imported.stderr).toContain(dir);
  });

  it('writes through a fresh temp file: a planted link is replaced, never followed; modes are 0600 whatever the umask', async () => {
    const { cli, dir } = await district();
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const out = join(dir, 'roster.csv');
    symlinkSync(victim, out);
    // A wide-open umask must not widen the file (in a worker thread, as under StrykerJS, it cannot be set).
    let previous: number | undefined;
    try {
      previous = process.umask(0);
    } catch {
      previous = undefined;
    }
    try {
      expect((await cli(['worker', 'export', '--out', out, '--reveal', '--reason', '核对'])).code).toBe(0);
    } finally {
      if (previous !== undefined) process.umask(previous);
    }
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(out).isFile()).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toContain('13800138000');
    expect(readdirSync(dir).filter((f) => f.includes('.tmp') || f.includes('partial'))).toEqual([]);
  });

  it('removes temp files left by a killed run (its process gone), and only those', async () => {
    const { cli, dir } = await district();
    const dead = 2 ** 22 + 12_345; // above any pid this machine hands out
    const leftovers = [`.r.md.nuanxin-${dead}-0123456789abcdef.tmp`, `.b.db.nuanxin-${dead}-0123456789abcdef.tmp-wal`];
    for (const name of leftovers) writeFileSync(join(dir, name), 'half a file');
    const live = `.r.md.nuanxin-${process.pid}-fedcba9876543210.tmp`;
    writeFileSync(join(dir, live), 'another run, still writing');
    expect((await cli(['report', 'weekly', '--format', 'md', '--out', join(dir, 'r.md')])).code).toBe(0);
    const names = readdirSync(dir);
    for (const name of leftovers) expect(names).not.toContain(name);
    expect(names).toContain(live);
  });

  it.skipIf(onPostgres)('[SQLite] tightens an existing database that others could read, and says so', async () => {
    const { cli, db } = await district();
    const { chmodSync } = await import('node:fs');
    chmodSync(db, 0o644);
    const r = await cli(['init']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`the database ${db} was readable by others (mode 0644); it is now 0600`);
    expect(statSync(db).mode & 0o777).toBe(0o600);
  });
});

describe('CSV is read strictly: nothing merged, nothing dropped in silence', () => {
  it('refuses a file whose quote is never closed, even with --strict and --dry-run (exit 5, nothing written)', async () => {
    const { cli, dir, workers } = await district();
    const file = join(dir, 'q.csv');
    writeFileSync(file, 'phone,name,occupation\n13900139000,"李四,courier\n13700137000,王五,courier\n');
    for (const flags of [[], ['--strict'], ['--dry-run']]) {
      const r = await cli(['worker', 'import', file, ...flags]);
      expect(r).toMatchObject({ code: 5, stdout: '' });
      expect(r.stderr).toMatch(/^error: a quote opened in row 2 is never closed; nothing was imported\n/);
    }
    expect((await workers()).map((w) => w.name)).toEqual(['张三']);
    // Nothing was recorded, so the fixed file imports.
    writeFileSync(file, 'phone,name,occupation\n13900139000,李四,courier\n13700137000,王五,courier\n');
    expect(JSON.parse((await cli(['worker', 'import', file, '--json'])).stdout)).toMatchObject({ inserted: 2, already_imported: null });
  });

  it('refuses a stray quote that swallows the rows after it, and deactivates nobody', async () => {
    const { cli, dir, workers } = await district();
    const rows = ['phone,name,occupation,platform', '13800138000,张三,rider,美团', '13900139000,"李四,rider,美团'];
    for (let i = 0; i < 5; i++) rows.push(`1370013700${i},工人${i},rider,美团`);
    rows.push('13600136000,赵六",rider,美团', '13500135000,钱七,rider,美团');
    const file = join(dir, 'big.csv');
    writeFileSync(file, `${rows.join('\r\n')}\r\n`);
    const r = await cli(['worker', 'import', file, '--deactivate-missing', '--platform', '美团', '--force']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('a quote opened in row 3 runs over 7 lines and swallows the rows after it; nothing was imported');
    expect((await workers()).map((w) => [w.name, w.active])).toEqual([['张三', true]]);
  });

  it('rejects a row with control characters or an over-long field, by its Excel row, and keeps the others', async () => {
    const { cli, dir } = await district();
    const file = join(dir, 'c.csv');
    const long = '长'.repeat(5000);
    writeFileSync(file, `phone,name,occupation,note\n13900139000,李\u001b[2J四,courier,\n13700137000,${long},courier,\n13600136000,王五,courier,${'备'.repeat(5000)}\n`);
    const report = JSON.parse((await cli(['worker', 'import', file, '--json'])).stdout);
    expect(report).toMatchObject({ inserted: 1, rejected: 2 });
    expect(report.rejects).toEqual([
      { row: 2, reason: 'column name holds control characters (NUL, escape sequences)' },
      { row: 3, reason: 'column name is too long (5000 characters; at most 4096)' },
    ]);
  });

  it('rejects a row holding a stray NUL by its row number, and keeps the others', async () => {
    const { cli, dir } = await district();
    const file = join(dir, 'nul.csv');
    writeFileSync(file, 'phone,name,occupation\n13900139000,李\u0000四,courier\n13700137000,王五,courier\n');
    const strict = await cli(['worker', 'import', file, '--strict', '--json']);
    expect(strict.code).toBe(5);
    const report = JSON.parse((await cli(['worker', 'import', file, '--json'])).stdout);
    expect(report).toMatchObject({ inserted: 1, rejected: 1, rejects: [{ row: 2, reason: 'column name holds control characters (NUL, escape sequences)' }] });
  });

  it('refuses binary data, and a damaged workbook named .csv, at once with a short message (exit 5)', async () => {
    const { cli, dir } = await district();
    const binary = join(dir, 'zeros.csv');
    writeFileSync(binary, Buffer.alloc(5 * 1024 * 1024));
    const r = await cli(['worker', 'import', binary]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: this is not a text file \(it holds NUL bytes\); nothing was read\n/);
    expect(r.stderr.length).toBeLessThan(400);
    const workbook = join(dir, '花名册.csv');
    writeFileSync(workbook, Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100, 7)]));
    const x = await cli(['worker', 'import', workbook]);
    // Told by its first bytes, not its name: read as a workbook, and this one is only a ZIP signature.
    expect(x).toMatchObject({ code: 5, stderr: expect.stringContaining('the workbook is damaged (its ZIP structure is incomplete)') });
  });

  it('refuses a file with two columns for one field (exit 5), naming them', async () => {
    const { cli, dir } = await district();
    const file = join(dir, 'twice.csv');
    writeFileSync(file, '姓名,手机号码,从业类型,手机号码\n李四,13900139000,courier,13700137000\n');
    const r = await cli(['worker', 'import', file]);
    expect(r).toMatchObject({ code: 5, stderr: expect.stringContaining('columns 2 and 4 are both "手机号码"') });
  });

  it('refuses a record longer than the limit instead of reading it into memory', async () => {
    const { cli, dir } = await district();
    const file = join(dir, 'long.csv');
    writeFileSync(file, `phone,name,occupation\n13900139000,${'x'.repeat(1_200_000)},courier\n`);
    const r = await cli(['worker', 'import', file]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('row 2 is longer than 1048576 characters; nothing was imported');
  });

  it('refuses a file mixing UTF-8 and GB18030 (exit 5) unless --encoding says which', async () => {
    const { cli, dir, workers } = await district();
    const file = join(dir, 'mixed.csv');
    const gb = iconv.encode('phone,name,occupation\r\n13900139000,李四,courier\r\n', 'gb18030');
    writeFileSync(file, Buffer.concat([gb, Buffer.from('13700137000,张三丰,courier\r\n', 'utf8')]));
    const r = await cli(['worker', 'import', file]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('the file mixes UTF-8 and GB18030 text (first at line 3); nothing was imported');
    expect((await workers()).map((w) => w.name)).toEqual(['张三']);
    expect((await cli(['worker', 'import', file, '--encoding', 'gb18030'])).code).toBe(0);
  });

  it('names the line no encoding fits, past the first chunk of a large file (exit 5)', async () => {
    const { cli, dir, workers } = await district();
    const file = join(dir, 'broken.csv');
    const rows = Array.from({ length: 12_000 }, (_, i) => `139${String(i).padStart(8, '0')},李四${i},courier\r\n`).join('');
    const gb = iconv.encode(`phone,name,occupation\r\n${rows}`, 'gb18030');
    // 0xFF starts no character in GB18030, and the line is not UTF-8 either.
    writeFileSync(file, Buffer.concat([gb, Buffer.from([0x31, 0x33, 0x37, 0x2c, 0xc0, 0xff, 0x2c, 0x63, 0x0d, 0x0a]), iconv.encode('13700137001,王五,courier\r\n', 'gb18030')]));
    const r = await cli(['worker', 'import', file]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('line 12002 is valid in none of UTF-8, GB18030 or UTF-16; nothing was imported');
    expect((await workers()).map((w) => w.name)).toEqual(['张三']);
  });
});

describe('--deactivate-missing is guarded', () => {
  it('refuses a header-only file, whatever --force says (exit 4)', async () => {
    const { cli, dir, workers } = await district();
    const file = join(dir, 'empty.csv');
    writeFileSync(file, 'phone,name,occupation,platform\r\n');
    const r = await cli(['worker', 'import', file, '--deactivate-missing', '--platform', '美团', '--force']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('the file has no valid rows: --deactivate-missing would deactivate everyone in scope; nothing was changed');
    expect((await workers()).every((w) => w.active)).toBe(true);
  });

  it('lists who would be deactivated under --dry-run, masked, and changes nothing', async () => {
    const { cli, dir, workers } = await district();
    const file = writeRoster(dir, 'm.csv', [['新人', '13600136000', '', '', '骑手', '美团', '', '', '']]);
    // One of one is 100% of the scope: the dry run lists who, then says the real run would be refused.
    const r = await cli(['worker', 'import', file, '--deactivate-missing', '--platform', '美团', '--dry-run']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('would deactivate: 张三 138****8000\n');
    expect((await workers()).map((w) => [w.name, w.active])).toEqual([['张三', true]]);
    expect(existsSync(file)).toBe(true);
  });
});
