// Issue #10, the ledger and the records: never twice, never bent, bounded numbers and dates, masking that holds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCli } from '../helpers/cli.js';
import { onPostgres } from '../helpers/pg.js';
import { rawRows, rawSession } from '../helpers/raw.js';

const P1 = '13800138000';
const P2 = '13900139000';

async function programme(extraEnv: Record<string, string> = {}) {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29', ...extraEnv });
  const { cli } = fresh;
  await cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await cli(['worker', 'add', '--name', '张三', '--phone', P1, '--occupation', 'rider', '--community', '夹马营社区']);
  await cli(['worker', 'add', '--name', '李四', '--phone', P2, '--occupation', 'courier', '--community', '夹马营社区']);
  await cli(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10']);
  await cli(['gift', 'add', 'raincoat', '--name', '骑手雨衣', '--cost', '20', '--stock', '2']);
  const { json } = fresh;
  const balance = async (phone = P1) => (await json(['points', 'balance', phone])).balance as number;
  return { ...fresh, json, balance };
}

describe('never twice, really', () => {
  it('a points file without refs, re-saved with CRLF and a BOM, awards nothing again', async () => {
    const { cli, dir, balance } = await programme();
    const body = `手机号码,积分规则,日期,备注\n${P1},errand,2026-11-20,买药\n${P1},errand,2026-11-21,买药\n`;
    const first = join(dir, 'a.csv');
    writeFileSync(first, body);
    expect(JSON.parse((await cli(['points', 'import', first, '--json'])).stdout)).toMatchObject({ inserted: 2 });
    const resaved = join(dir, 'a-resaved.csv');
    writeFileSync(resaved, `\uFEFF${body.replace(/\n/g, '\r\n')}`);
    expect(JSON.parse((await cli(['points', 'import', resaved, '--json'])).stdout)).toMatchObject({ inserted: 0, already_imported: { id: 1 } });
    // Another file that repeats a row: that row is refused as imported before, the new one lands.
    const overlap = join(dir, 'b.csv');
    writeFileSync(overlap, `手机号码,积分规则,日期,备注\n${P1},errand,2026-11-21,买药\n${P1},errand,2026-11-22,买药\n`);
    const report = JSON.parse((await cli(['points', 'import', overlap, '--json'])).stdout);
    expect(report).toMatchObject({ inserted: 1, rejected: 1, rejects: [{ row: 2, reason: 'the same award (worker, rule, date and note) was imported before (entry #2)' }] });
    expect(await balance()).toBe(30);
  });
});

describe('the ledger cannot be bent, even from a raw SQL session', () => {
  it.skipIf(onPostgres)('[SQLite] refuses INSERT OR REPLACE and UPSERT on existing ledger and timeline rows', async () => {
    const { json, db } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand', '--ref', 'R1']);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    const entry = raw.prepare('select * from point_entries where id = 1').get() as Record<string, unknown>;
    const columns = Object.keys(entry);
    const insert = (verb: string, values: Record<string, unknown>) =>
      raw.prepare(`${verb} into point_entries (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`).run(values);
    expect(() => insert('insert or replace', { ...entry, points: 100000 })).toThrow(/append-only/);
    expect(() => insert('replace', { ...entry, id: 99, points: 100000 })).toThrow(/append-only/); // clashes on ref
    expect(() =>
      raw.prepare(`insert into point_entries (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')}) on conflict(id) do update set points = 100000`).run(entry),
    ).toThrow(/append-only/);
    expect(() =>
      raw.prepare("insert or replace into wish_events (id, wish_id, at, business_date, operator, to_status) values (1, 1, 'x', '2026-11-29', 'x', 'listed')").run(),
    ).toThrow();
    expect(raw.prepare('select points from point_entries').all()).toEqual([{ points: 10 }]);
    raw.close();
  });

  it.skipIf(!onPostgres)('[PostgreSQL] refuses an upsert over a ledger row, an update, a delete and a TRUNCATE, even from psql', async () => {
    const { json, db } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand', '--ref', 'R1']);
    const raw = await rawSession(db);
    try {
      const [entry] = await raw.all('select * from point_entries where id = 1');
      const columns = Object.keys(entry!);
      const values = columns.map((c) => (entry as Record<string, unknown>)[c]);
      const placeholders = columns.map(() => '?').join(', ');
      await expect(
        raw.run(`insert into point_entries (${columns.join(', ')}) overriding system value values (${placeholders}) on conflict (id) do update set points = 100000`, ...values),
      ).rejects.toThrow(/append-only/);
      await expect(raw.run('update point_entries set points = 1000')).rejects.toThrow(/append-only/);
      await expect(raw.run('delete from point_entries')).rejects.toThrow(/append-only/);
      for (const table of ['point_entries', 'gift_stock_entries', 'wish_events', 'case_events', 'fund_entries']) {
        await expect(raw.run(`truncate ${table} cascade`)).rejects.toThrow(/append-only/);
      }
      expect(await raw.all('select points from point_entries')).toEqual([{ points: 10 }]);
    } finally {
      await raw.close();
    }
  });

  it.skipIf(!onPostgres)('[PostgreSQL] refuses text or an out-of-range number in whole-number columns; a bigint column holds no fraction', async () => {
    const { db } = await programme();
    const raw = await rawSession(db);
    try {
      await expect(raw.run("update gifts set stock = '3x' where code = 'raincoat'")).rejects.toThrow(/invalid input syntax/);
      await expect(raw.run('update point_rules set points = 9223372036854775807')).rejects.toThrow(/point_rules_points_bounded/);
      await expect(raw.run("update gifts set stock = 1000000000000000000 where code = 'raincoat'")).rejects.toThrow(/gifts_stock_bounded/);
      await raw.run("update gifts set stock = 1.5 where code = 'raincoat'");
      expect(await raw.all("select stock from gifts where code = 'raincoat'")).toEqual([{ stock: 2 }]);
    } finally {
      await raw.close();
    }
  });

  it.skipIf(onPostgres)('[SQLite] refuses a fraction, text or an out-of-range number in whole-number columns', async () => {
    const { db } = await programme();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    expect(() => raw.prepare("update gifts set stock = 1.5 where code = 'raincoat'").run()).toThrow(/whole number/);
    expect(() => raw.prepare("update gifts set stock = '3' || 'x' where code = 'raincoat'").run()).toThrow(/whole number/);
    expect(() => raw.prepare('update point_rules set points = 9223372036854775807').run()).toThrow(/whole number/);
    raw.close();
  });

  it.skipIf(!onPostgres)('[PostgreSQL] db check fails (exit 4) when a guard is dropped, disabled or altered', async () => {
    const { cli, db } = await programme();
    expect((await cli(['db', 'check'])).code).toBe(0);
    const raw = await rawSession(db);
    await raw.run('drop trigger point_entries_append_only on point_entries');
    await raw.run('alter table wish_events disable trigger wish_events_no_truncate');
    // Fires for replication only: an ordinary session's update goes through.
    await raw.run('alter table case_events enable replica trigger case_events_append_only');
    await raw.run('create or replace function nuanxin_append_only() returns trigger as $$ begin return null; end $$ language plpgsql');
    await raw.run('alter table gifts drop constraint gifts_stock_bounded');
    await raw.close();
    const r = await cli(['db', 'check']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('point_entries: point_entries_append_only missing');
    expect(r.stdout).toContain('wish_events: wish_events_no_truncate missing');
    expect(r.stdout).toContain('case_events: case_events_append_only missing');
    expect(r.stdout).toContain('gift_stock_entries: gift_stock_entries_append_only altered');
    expect(r.stdout).toContain('gifts: gifts_stock_bounded missing');
  });

  it.skipIf(onPostgres)('[SQLite] db check fails (exit 4) when a guard is dropped or altered', async () => {
    const { cli, db } = await programme();
    expect((await cli(['db', 'check'])).code).toBe(0);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    raw.exec('drop trigger point_entries_no_replace');
    raw.exec('drop trigger gift_stock_entries_no_delete; create trigger gift_stock_entries_no_delete before delete on gift_stock_entries begin select 1; end');
    raw.close();
    const r = await cli(['db', 'check']);
    expect(r.code).toBe(4);
    expect(r.stdout).toContain('point_entries: point_entries_no_replace missing');
    expect(r.stdout).toContain('gift_stock_entries: gift_stock_entries_no_delete altered');
  });
});

describe('numbers and dates are whole, bounded and real', () => {
  it.each([
    [['points', 'award', P1, '--rule', 'errand', '--points', '9223372036854775807', '--reason', 'x'], 2, '--points 9223372036854775807 is out of range'],
    [['points', 'award', P1, '--rule', 'errand', '--points', '9007199254740993', '--reason', 'x'], 2, 'out of range'],
    [['gift', 'restock', 'raincoat', '--qty', '1e20'], 2, 'invalid number "1e20" for --qty'],
    [['points', 'award', P1, '--rule', 'errand', '--date', '1900-01-01'], 5, 'date 1900-01-01 is before the programme (2020-01-01)'],
    [['wish', 'add', '--title', '电饭煲', '--category', 'appliance', '--worker', P1, '--estimate', '99999999999999'], 5, 'is too large'],
    [['event', 'add', '--type', 'first_aid', '--title', '急救培训', '--date', '2031-01-01'], 5, 'is too far ahead (at most 2027-11-29)'],
    [['worker', 'add', '--name', '王五', '--phone', '13700137000', '--occupation', 'rider', '--joined', '2030-01-01'], 5, 'joined on 2030-01-01 is in the future'],
  ])('%j → exit %i', async (argv, code, message) => {
    const { cli, balance } = await programme();
    const r = await cli(argv as string[]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(await balance()).toBe(0);
  });

  it.each([
    [{ NUANXIN_TODAY: '2024-02-30' }, 'NUANXIN_TODAY=2024-02-30 is not valid'],
    [{ NUANXIN_NOW: '2024-02-30T10:00:00Z' }, 'NUANXIN_NOW=2024-02-30T10:00:00Z is not valid'],
    [{ NUANXIN_TZ: 'Mars/Olympus' }, 'NUANXIN_TZ=Mars/Olympus is not valid'],
  ])('an invalid clock or zone %j is a usage error (exit 2), not ignored', async (env, message) => {
    const { cli } = await programme();
    const r = await cli(['points', 'award', P1, '--rule', 'errand'], { env });
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(message);
  });

  it('refuses arguments with control characters or of megabytes (exit 2)', async () => {
    const { cli } = await programme();
    expect((await cli(['worker', 'add', '--name', 'a\u001b]0;pwned\u0007', '--phone', '13700137000', '--occupation', 'rider'])).code).toBe(2);
    const huge = await cli(['worker', 'add', '--name', '名'.repeat(70_000), '--phone', '13700137000', '--occupation', 'rider']);
    expect(huge).toMatchObject({ code: 2, stderr: expect.stringContaining('is longer than 65536 characters') });
  });
});

describe('masking holds', () => {
  it('search cannot recover a masked phone digit by digit', async () => {
    const { cli, json } = await programme();
    const names = async (argv: string[]) => (await json(['worker', 'list', ...argv])).map((w: { name: string }) => w.name);
    expect(await names(['--search', P1])).toEqual(['张三']);
    expect(await names(['--search', '138'])).toEqual(['张三']);
    expect(await names(['--search', '8000'])).toEqual(['张三']);
    const probe = await cli(['worker', 'list', '--search', '1380013']);
    expect(probe).toMatchObject({ code: 2, stdout: '' });
    expect(probe.stderr).toContain('searching by 7 digits of a phone or ID number needs --reveal --reason');
    expect(await names(['--search', '1380013', '--reveal', '--reason', '核对身份'])).toEqual(['张三']);
    const access = (await json(['audit', '--access'])) as { reason: string }[];
    expect(access.map((a) => a.reason)).toContain('核对身份');
  });

  it('phones and ID numbers typed into notes are masked on output, and purge removes them', async () => {
    const { cli, json, db } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand', '--note', '替13900139000代购，身份证110105194912310021']);
    const ledger = JSON.stringify(await json(['points', 'ledger']));
    expect(ledger).toContain('替139****9000代购,身份证110105********0021');
    expect(ledger).not.toContain('13900139000');
    expect((await cli(['points', 'ledger'])).stdout).not.toContain('13900139000');
    await json(['care', 'visit', '--worker', P2, '--date', '2026-11-20', '--by', '社工', '--note', '家属电话13600136000']);
    expect(JSON.stringify(await json(['care', 'list']))).not.toContain('13600136000');
    await json(['worker', 'purge', P2, '--reason', '本人申请']);
    expect(JSON.stringify(await rawRows(db, 'select note from care_visits'))).not.toContain('13600136000');
  });

  it('never prints a terminal escape sequence raw, in a table or Markdown', async () => {
    const { cli, dir, db } = await programme();
    const file = join(dir, 'w.csv');
    writeFileSync(file, `姓名,手机号码,从业类型,备注\n王五,13700137000,rider,"夜班\u001b[31m红字"\n`);
    // A file cannot bring one in any more (the row is refused)…
    expect(JSON.parse((await cli(['worker', 'import', file, '--json'])).stdout)).toMatchObject({ inserted: 0, rejected: 1 });
    // …but a database written by an older version may hold one.
    const raw = await rawSession(db);
    await raw.run('update workers set name = ? where phone = ?', '张\u001b[2J\u001b[31m三\u202e', P1);
    await raw.close();
    for (const [format, tty] of [
      ['table', true],
      ['table', false],
      ['md', false],
    ] as const) {
      const out = (await cli(['worker', 'list', '--format', format], { tty })).stdout;
      expect(out).not.toMatch(/[\u001b\u202e]/);
      expect(out).toContain('张\\x1B[2J\\x1B[31m三\\u202E');
    }
    expect((await cli(['worker', 'show', P1])).stdout).toContain('张\\x1B[2J');
  });
});

describe('time zone', () => {
  it('counts a station registered just after midnight Beijing time in the same week under any TZ', async () => {
    // 2026-11-23 00:30 in Beijing is still Sunday 2026-11-22 in UTC.
    const { cli } = await freshCli({ NUANXIN_NOW: '2026-11-22T16:30:00Z' });
    await cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
    await cli(['station', 'add', '--name', '夹马营路爱心驿站', '--community', '夹马营社区', '--amenities', '桌椅']);
    const weekly = async (TZ: string) => (await cli(['report', 'weekly', '--week', '2026-W48', '--json'], { env: { TZ, NUANXIN_NOW: '2026-11-29T04:00:00Z' } })).stdout;
    const shanghai = await weekly('Asia/Shanghai');
    expect(await weekly('UTC')).toBe(shanghai);
    expect(await weekly('America/Los_Angeles')).toBe(shanghai);
    expect(JSON.parse(shanghai).stations.open).toBe(1);
  });
});
