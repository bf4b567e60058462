// Issue #10, second pass: holes an adversarial review found after the first round of fixes.
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { maskPersonalText } from '../../src/domain/privacy.js';
import { freshCli } from '../helpers/cli.js';
import { onPostgres } from '../helpers/pg.js';
import { rawSession } from '../helpers/raw.js';
import { writeRoster } from '../helpers/roster.js';

const P1 = '13800138000';
const P2 = '13900139000';

async function programme() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  const { cli } = fresh;
  await cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await cli(['worker', 'add', '--name', '张三', '--phone', P1, '--occupation', 'rider', '--platform', '美团', '--community', '夹马营社区']);
  await cli(['worker', 'add', '--name', '李四', '--phone', P2, '--occupation', 'courier', '--community', '夹马营社区']);
  await cli(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10']);
  await cli(['sponsor', 'add', '区总工会', '--type', 'union']);
  const { json } = fresh;
  return { ...fresh, json };
}

describe('output targets reached through links', () => {
  it.skipIf(onPostgres)("[SQLite] refuses the real database's -wal and -journal when --db is a symlink", async () => {
    const { cli, dir, db } = await programme();
    const link = join(dir, 'link.db');
    symlinkSync(db, link);
    for (const suffix of ['-wal', '-journal', '-shm']) {
      expect((await cli(['worker', 'export', '--out', `${db}${suffix}`], { env: { NUANXIN_DB: link } })).code).toBe(5);
    }
  });

  it.skipIf(onPostgres)('[SQLite] refuses a target that is a symlink to the database, or the database through a symlinked --db', async () => {
    const { cli, dir, db } = await programme();
    const link = join(dir, 'link.db');
    symlinkSync(db, link);
    expect((await cli(['report', 'weekly', '--out', link])).code).toBe(5);
    expect((await cli(['db', 'backup', link, '--force'])).code).toBe(5);
    // The clerk opened the database through a link; the report names the real file.
    expect((await cli(['report', 'weekly', '--out', db], { env: { NUANXIN_DB: link } })).code).toBe(5);
    expect((await cli(['db', 'check'])).code).toBe(0);
  });

  it('refuses --rejects that is a link to the input', async () => {
    const { cli, dir } = await programme();
    const roster = writeRoster(dir, '名单.csv', [
      ['王五', '13700137000', '', '', '快递员', '', '', '', ''],
      ['坏行', '123', '', '', '快递员', '', '', '', ''],
    ]);
    const before = readFileSync(roster);
    const today = join(dir, 'today.csv');
    symlinkSync(roster, today);
    const r = await cli(['worker', 'import', today, '--rejects', roster, '--dry-run']);
    expect(r.code).toBe(5);
    expect(readFileSync(roster)).toEqual(before);
  });

  it("keeps a clerk's own file that merely looks like an old temp name", async () => {
    const { cli, dir } = await programme();
    writeFileSync(join(dir, '预算.partial-2025'), '预算表');
    expect((await cli(['report', 'weekly', '--format', 'md', '--out', join(dir, 'r.md')])).code).toBe(0);
    expect(readFileSync(join(dir, '预算.partial-2025'), 'utf8')).toBe('预算表');
  });

  it('refuses --rejects in a folder it cannot write before importing a single row', async () => {
    const { cli, dir, json } = await programme();
    const roster = writeRoster(dir, 'r.csv', [
      ['王五', '13700137000', '', '', '快递员', '', '', '', ''],
      ['坏行', '123', '', '', '快递员', '', '', '', ''],
    ]);
    const closed = join(dir, 'closed');
    mkdirSync(closed);
    writeFileSync(join(closed, 'x'), '');
    // A path under a file cannot be written, by root or anyone.
    const r = await cli(['worker', 'import', roster, '--rejects', join(closed, 'x', 'rejects.csv')]);
    expect(r.code).toBe(5);
    expect((await json(['worker', 'list'])).map((w: { name: string }) => w.name)).toEqual(['张三', '李四']);
    chmodSync(closed, 0o755);
  });
});

describe('personal data in every line printed', () => {
  it('masks numbers typed into history, timelines and confirmations; --reveal shows them', async () => {
    const { cli, json } = await programme();
    await json(['worker', 'update', P1, '--note', '新号 13912345678 证 11010519491231002X']);
    const show = await cli(['worker', 'show', P1]);
    expect(show.stdout).not.toMatch(/13912345678|11010519491231002X/);
    expect(show.stdout).toContain('139****5678');
    const added = await cli(['wish', 'add', '--title', '电话13912345678的心愿', '--category', 'daily', '--worker', P1]);
    expect(added.stdout).not.toContain('13912345678');
    const shown = await cli(['wish', 'show', '1']);
    expect(shown.stdout).not.toContain('13912345678');
    const revealed = await cli(['worker', 'show', P1, '--reveal', '--reason', '核对']);
    expect(revealed.stdout).toContain('13912345678');
  });

  it('masks the numbers an error quotes, even malformed ones', async () => {
    const { cli } = await programme();
    const id = await cli(['worker', 'add', '--name', '王五', '--phone', '13700137000', '--occupation', 'rider', '--id-number', '110105194913310028']);
    expect(id.code).toBe(5);
    expect(id.stderr).not.toContain('110105194913310028');
    const phone = await cli(['worker', 'add', '--name', '王五', '--phone', '139123456789', '--occupation', 'rider']);
    expect(phone.stderr).not.toContain('139123456789');
  });

  it.each([
    ['008613900139000', '139****9000'],
    ['+86 139 0013 9000', '139****9000'],
    ['139.0013.9000', '139****9000'],
    ['1390 013 9000', '139****9000'],
    ['证件110105 19491231 002X', '证件110105********002X'],
    ['Tel13912345678', 'Tel139****5678'],
    ['wx13500002222', 'wx135****2222'],
    ['ID110105199003070025电脑', 'ID110105********0025电脑'],
    ['(139)1234-5678', '139****5678'],
    ['110105-19900307-0025', '110105********0025'],
    // Not personal data, and must stay exact: a hash (or its prefix), a long amount.
    ['sha256 0a13800138000b', 'sha256 0a13800138000b'],
    ['406578536010', '406578536010'],
    ['合计 1999999999800 分', '合计 1999999999800 分'],
    // An amount in yuan whose whole part looks like a mobile number (a sponsor's 11-digit total).
    ['"pledged_yuan": "19999999998.00"', '"pledged_yuan": "19999999998.00"'],
    ['电话13912345678。', '电话139****5678。'],
    ['call 13912345678.', 'call 139****5678.'],
  ])('masks %s in free text as %s', (text, masked) => {
    expect(maskPersonalText(text)).toBe(masked);
  });

  it('never prints a bidi override or C1 control raw, and refuses them as arguments (exit 2)', async () => {
    const { cli, db } = await programme();
    expect((await cli(['wish', 'add', '--title', 'a\u202eb', '--category', 'daily', '--worker', P1])).code).toBe(2);
    expect((await cli(['wish', 'add', '--title', 'a\u009b31m', '--category', 'daily', '--worker', P1])).code).toBe(2);
    await cli(['wish', 'add', '--title', '电饭煲', '--category', 'daily', '--worker', P1]);
    const raw = await rawSession(db);
    await raw.run("update wishes set title = 'x\u202ey\u009b31m'");
    await raw.close();
    const out = (await cli(['wish', 'show', '1'])).stdout;
    expect(out).not.toMatch(/[\u202e\u009b]/);
    expect(out).toContain('x\\u202Ey\\x9B31m');
  });
});

describe('Markdown output', () => {
  it('keeps HTML in a name as text', async () => {
    const { cli } = await programme();
    await cli(['community', 'add', '<img src=x onerror=alert(1)>', '--subdistrict', '西关街道']);
    const md = (await cli(['community', 'list', '--format', 'md'])).stdout;
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('masking never corrupts what must stay exact', () => {
  it('large amounts and balances stay numbers in JSON, and the JSON parses', async () => {
    const { cli, json } = await programme();
    for (let i = 0; i < 2; i++) await json(['wish', 'add', '--title', `心愿${i}`, '--category', 'appliance', '--worker', P1, '--estimate', '9999999999']);
    await json(['wish', 'list-publish']);
    for (const id of ['1', '2']) await json(['wish', 'claim', id, '--sponsor', '区总工会', '--pledge', '9999999999']);
    const sponsors = await json(['sponsor', 'list']);
    expect(sponsors[0].pledgedFen).toBe(1999999999800);
    const weekly = await cli(['report', 'weekly', '--from', '2026-11-23', '--to', '2026-11-29', '--format', 'json']);
    expect(() => JSON.parse(weekly.stdout)).not.toThrow();
    await cli(['points', 'rule', 'add', 'big', '--name', '大额', '--points', '1000000000']);
    for (let i = 0; i < 13; i++) await cli(['points', 'award', P1, '--rule', 'big', '--note', `第${i}次`]);
    expect((await json(['points', 'balance', P1])).balance).toBe(13_000_000_000);
  });

  it("commander's own errors mask a number the clerk typed", async () => {
    const { cli } = await programme();
    const r = await cli(['13912345678']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('13912345678');
  });
});

describe('worker purge reaches the ledger and the timelines too', () => {
  it("removes every number the worker had, wherever it was typed, and the purge's own reason too", async () => {
    const { cli, json, db } = await programme();
    const ID = '110105199003070025';
    await json(['worker', 'update', P2, '--id-number', ID]);
    await json(['wish', 'add', '--title', `ID${ID}电脑`, '--category', 'learning', '--worker', P2]);
    await json(['points', 'award', P2, '--rule', 'errand', '--ref', `WX${P2}`, '--note', `微信号wx${P2}`]);
    await json(['dispute', 'open', '--worker', P2, '--type', 'wages', '--via', 'hotline', '--employer', `店${P2}`]);
    await json(['worker', 'show', P2, '--reveal', '--reason', `查 ${P2}`]);
    await json(['worker', 'purge', P2, '--reason', `本人 ${P2} 申请`]);
    const raw = await rawSession(db);
    const listing = onPostgres
      ? 'select table_name as name from information_schema.tables where table_schema = current_schema()'
      : "select name from sqlite_master where type = 'table'";
    const tables = (await raw.all<{ name: string }>(listing)).map((t) => t.name);
    const everything = JSON.stringify(await Promise.all(tables.map((t) => raw.all(`select * from "${t}"`))));
    await raw.close();
    expect(everything).not.toContain(P2);
    expect(everything).not.toContain(ID);
    expect((await cli(['db', 'check'])).code).toBe(0);
  });

  it("masks the worker's numbers in point notes, refs and wish timelines; a raw session still cannot edit them", async () => {
    const { cli, json, db } = await programme();
    await json(['points', 'award', P2, '--rule', 'errand', '--note', `本人${P2}`, '--ref', `LS-${P2}`]);
    const { id } = await json(['wish', 'add', '--title', `给${P2}买电饭煲`, '--category', 'appliance', '--worker', P2]);
    await json(['wish', 'list-publish']);
    await json(['wish', 'claim', String(id), '--sponsor', '区总工会']);
    await json(['wish', 'fulfil', String(id), '--note', `已联系${P2}`]);
    await json(['worker', 'purge', P2, '--reason', '本人申请']);
    const raw = await rawSession(db);
    const texts = JSON.stringify([
      await raw.all('select note, reason, ref, dedupe_key from point_entries'),
      await raw.all('select note from wish_events'),
      await raw.all('select title from wishes'),
      await raw.all('select detail from audit_log'),
    ]);
    expect(texts).not.toContain(P2);
    await expect(raw.run("update point_entries set note = 'changed'")).rejects.toThrow();
    await expect(raw.run('update point_entries set points = 1')).rejects.toThrow(/append-only/);
    await raw.close();
    expect((await cli(['db', 'check'])).code).toBe(0);
  });
});

describe('the same award, another day', () => {
  it('a row without a date imported again the next day adds nothing', async () => {
    const { cli, dir } = await programme();
    const first = join(dir, 'p1.csv');
    writeFileSync(first, `手机号码,积分规则,备注\n${P1},errand,买药\n`);
    const second = join(dir, 'p2.csv');
    writeFileSync(second, `手机号码,积分规则,备注\n${P1},errand,买药\n${P1},errand,送餐\n`);
    expect(JSON.parse((await cli(['points', 'import', first, '--json'], { env: { NUANXIN_TODAY: '2026-11-25' } })).stdout)).toMatchObject({ inserted: 1 });
    const again = JSON.parse((await cli(['points', 'import', second, '--json'], { env: { NUANXIN_TODAY: '2026-11-26' } })).stdout);
    expect(again).toMatchObject({ inserted: 1, rejected: 1 });
  });
});

describe('numbers, dates and refusals the first pass missed', () => {
  it.each([
    [['station', 'add', '--name', '东关驿站', '--community', '夹马营社区', '--opened', '2031-01-01'], 5],
    [['childcare', 'site', 'add', '托管点', '--community', '夹马营社区', '--capacity', '10', '--from', '2026-09-01', '--to', '2026-08-31'], 5],
    [['worker', 'add', '--name', '王五', '--phone', '13700137000', '--occupation', 'rider', '--joined', '1900-01-01'], 5],
    [['dispute', 'open', '--worker', P1, '--type', 'wages', '--via', 'hotline', '--amount', '1,5'], 5],
    [['gift', 'add', 'big', '--name', '大礼包', '--cost', '1000000', '--stock', '1000'], 0],
  ])('%j → exit %i', async (argv, code) => {
    const { cli } = await programme();
    expect((await cli(argv as string[])).code).toBe(code);
  });

  it('refuses a redemption whose cost passes the limit (exit 5, not an internal error)', async () => {
    const { cli } = await programme();
    await cli(['gift', 'add', 'big', '--name', '大礼包', '--cost', '1000000', '--stock', '1000000']);
    const r = await cli(['points', 'redeem', P1, '--gift', 'big', '--qty', '2000']);
    expect(r.code).toBe(5);
    expect(r.stderr).not.toContain('internal');
    expect((await cli(['gift', 'restock', 'big', '--qty', '999999999'])).code).toBe(5);
  });

  it('refuses a fulfilment dated before its claim', async () => {
    const { cli, json } = await programme();
    const { id } = await json(['wish', 'add', '--title', '电饭煲', '--category', 'appliance', '--worker', P1]);
    await json(['wish', 'list-publish']);
    await json(['wish', 'claim', String(id), '--sponsor', '区总工会']);
    const r = await cli(['wish', 'fulfil', String(id), '--date', '2026-11-01']);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('is before its previous step (2026-11-29)');
  });

  it('refuses NUANXIN_NOW without a zone (it would mean another day on another machine)', async () => {
    const { cli } = await programme();
    expect((await cli(['points', 'award', P1, '--rule', 'errand'], { env: { NUANXIN_NOW: '2026-11-28T20:00:00' } })).code).toBe(2);
  });

  it('refuses a UTF-8 file with a BOM holding a GB18030 row', async () => {
    const { cli, dir } = await programme();
    const file = join(dir, 'bom.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('\uFEFFphone,name,occupation\r\n13700137000,王五,rider\r\n', 'utf8'), iconv.encode('13600136000,赵六,rider\r\n', 'gb18030')]));
    const r = await cli(['worker', 'import', file]);
    expect(r.code).toBe(5);
    expect(r.stderr).toContain('mixes UTF-8 and GB18030');
  });

  it('a missing file or a directory given as a path is exit 5 with the path', async () => {
    const { cli, dir } = await programme();
    const missing = await cli(['worker', 'import', join(dir, 'nope.csv')]);
    expect(missing).toMatchObject({ code: 5, stderr: expect.stringContaining(join(dir, 'nope.csv')) });
    const folderDb = await cli(['worker', 'list'], { env: { NUANXIN_DB: dir } });
    expect(folderDb).toMatchObject({ code: 5, stderr: expect.stringContaining(dir) });
  });

  it('db check fails on a trigger nobody declared (one that silently drops ledger rows)', async () => {
    const { cli, db } = await programme();
    const raw = await rawSession(db);
    if (onPostgres) {
      await raw.run('create function sneaky() returns trigger as $$ begin return null; end $$ language plpgsql');
      await raw.run('create trigger sneaky before insert on point_entries for each row execute function sneaky()');
    } else await raw.run('create trigger sneaky before insert on point_entries begin select raise(ignore); end');
    await raw.close();
    const check = await cli(['db', 'check']);
    expect(check.code).toBe(4);
    expect(check.stdout).toContain('point_entries: sneaky unexpected');
  });
});

describe('--deactivate-missing, careful about scope', () => {
  it('a dry run that the real run would refuse lists who, then says so (exit 4)', async () => {
    const { cli, dir } = await programme();
    const file = writeRoster(dir, 'm.csv', [['新人', '13600136000', '', '', '骑手', '美团', '', '', '']]);
    const r = await cli(['worker', 'import', file, '--deactivate-missing', '--platform', '美团', '--dry-run']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('would deactivate: 张三 138****8000');
    expect(r.stderr).toContain('more than 20%');
  });

  it('a scope with nobody in it is a typo: refused, and the file is not recorded as imported', async () => {
    const { cli, dir } = await programme();
    const file = writeRoster(dir, 'm.csv', [['新人', '13600136000', '', '', '骑手', '美团', '', '', '']]);
    const r = await cli(['worker', 'import', file, '--deactivate-missing', '--platform', '美圆']);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('no active worker is in scope "美圆"');
    expect(JSON.parse((await cli(['worker', 'imports', '--json'])).stdout)).toEqual([]);
    expect(existsSync(file)).toBe(true);
  });
});
