// Many districts on one server: each clerk kept to their own by PostgreSQL itself (row-level security,
// column privileges, the operator trigger), checked through nuanxin and through plain psql as each login.
// And on SQLite: one district, named by `init --district`, nothing else changed.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { admin, freshPgDatabase, onPostgres } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';

// Logins are the server's, shared by every run: a tag of letters too, not a run of digits a phone mask would take.
const tag = `t${process.pid.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const role = (name: string) => `${tag}_${name}`;
const PASSWORDS: Record<string, string> = { dc: 'dongcheng-pass-1', xc: 'xicheng-pass-1', hp: 'hepingli-pass-1', city: 'city-pass-0001' };

/** The database URL as another login. */
function as(url: string, who: string): string {
  const u = new URL(url);
  u.username = role(who);
  u.password = PASSWORDS[who]!;
  return u.toString();
}

/** One statement in plain psql as that login: its output, or the server's error. */
function psql(url: string, who: string, statement: string): { ok: boolean; out: string } {
  const u = new URL(url);
  const r = spawnSync('psql', ['-X', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', u.hostname, '-p', u.port || '5432', '-U', role(who), '-d', u.pathname.slice(1), '-c', statement], {
    env: { PATH: process.env.PATH ?? '', PGPASSWORD: PASSWORDS[who]!, PGCONNECT_TIMEOUT: '10' },
    encoding: 'utf8',
  });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}`.trim() };
}

describe.skipIf(!onPostgres)('[PostgreSQL] two districts, a clerk each, one server', () => {
  let db = '';
  const owner = (argv: string[], input?: string) => spawnCli(argv, { NUANXIN_DB: db }, input);
  const clerk = (who: string, argv: string[]) => spawnCli(['--db', as(db, who), ...argv]);
  const ok = async (p: Promise<{ code: number | null; stderr: string; stdout: string }>) => {
    const r = await p;
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  beforeAll(async () => {
    db = await freshPgDatabase();
    await ok(owner(['init', '--district', '东城区']));
    await ok(owner(['district', 'add', '西城区']));
    await ok(owner(['--district', '东城区', 'community', 'add', '和平里', '--subdistrict', '和平里街道']));
    await ok(owner(['--district', '东城区', 'community', 'add', '安定门', '--subdistrict', '安定门街道']));
    // The same community name in the other district: names are a district's own.
    await ok(owner(['--district', '西城区', 'community', 'add', '和平里', '--subdistrict', '和平里街道']));
    await ok(owner(['--district', '西城区', 'community', 'add', '月坛', '--subdistrict', '月坛街道']));
    await ok(owner(['account', 'add', role('dc'), '--role', 'district', '--scope', '东城区', '--password-stdin'], `${PASSWORDS.dc}\n`));
    await ok(owner(['account', 'add', role('xc'), '--role', 'district', '--scope', '西城区', '--password-stdin'], `${PASSWORDS.xc}\n`));
    await ok(owner(['--district', '东城区', 'account', 'add', role('hp'), '--role', 'community', '--scope', '和平里', '--password-stdin'], `${PASSWORDS.hp}\n`));
    await ok(owner(['account', 'add', role('city'), '--role', 'city', '--password-stdin'], `${PASSWORDS.city}\n`));
    const worker = (who: string, name: string, phone: string, community: string, extra: string[] = []) =>
      ok(clerk(who, ['worker', 'add', '--name', name, '--phone', phone, '--occupation', 'rider', '--platform', '美团', '--community', community, '--yes', ...extra]));
    await worker('dc', '张伟', '13800138000', '和平里');
    await worker('dc', '刘洋', '13700137000', '安定门');
    // The same phone in the other district is another record; the audit names the login, not the claim.
    await worker('xc', '王芳', '13800138000', '和平里', ['--operator', '冒名者']);
    await ok(clerk('dc', ['station', 'add', '--code', 'DC01', '--name', '和平里驿站', '--community', '和平里', '--amenities', 'seating,water']));
    await ok(clerk('xc', ['station', 'add', '--code', 'XC01', '--name', '月坛驿站', '--community', '月坛', '--amenities', 'seating']));
  }, 120_000);

  afterAll(async () => {
    for (const who of Object.keys(PASSWORDS)) await admin(`drop role if exists ${role(who)}`).catch(() => {});
  });

  it('each district clerk sees only their own through nuanxin', async () => {
    const dc = JSON.parse(await ok(clerk('dc', ['worker', 'list', '--json'])));
    const xc = JSON.parse(await ok(clerk('xc', ['worker', 'list', '--json'])));
    expect(dc.map((w: { name: string }) => w.name).sort()).toEqual(['刘洋', '张伟']);
    expect(xc.map((w: { name: string }) => w.name)).toEqual(['王芳']);
    const other = await clerk('dc', ['--district', '西城区', 'worker', 'list']);
    expect(other.code).toBe(4);
    expect(other.stderr).toContain('西城区');
    const districts = JSON.parse(await ok(owner(['district', 'list', '--json'])));
    expect(districts).toEqual([
      { name: '东城区', communities: 2, workers: 2 },
      { name: '西城区', communities: 2, workers: 1 },
    ]);
  });

  it('and through plain psql as that login: another district is invisible and cannot be changed', () => {
    expect(psql(db, 'dc', 'select name from workers order by name').out.split('\n')).toEqual(['刘洋', '张伟']);
    expect(psql(db, 'xc', 'select name from workers').out).toBe('王芳');
    expect(psql(db, 'dc', `update stations set name = '改名' where code = 'XC01'`).out).toBe('UPDATE 0');
    const moved = psql(db, 'dc', `update stations set district_id = (select id from districts where name = '西城区') where code = 'DC01'`);
    expect(moved.ok).toBe(false);
    expect(moved.out).toMatch(/row-level security/);
    expect(psql(db, 'xc', `select name from stations`).out).toBe('月坛驿站');
    // Ledgers and the audit trail take no UPDATE or DELETE from a clerk.
    expect(psql(db, 'dc', `delete from audit_log`).out).toMatch(/permission denied/);
  });

  it('a community clerk writes only their own community, and reads people only there', async () => {
    await ok(clerk('hp', ['wish', 'add', '--title', '热水壶', '--category', 'appliance', '--site', '和平里站点', '--community', '和平里']));
    const elsewhere = await clerk('hp', ['wish', 'add', '--title', '微波炉', '--category', 'appliance', '--site', '安定门站点', '--community', '安定门']);
    expect(elsewhere.code).toBe(4);
    await ok(clerk('dc', ['wish', 'add', '--title', '电风扇', '--category', 'appliance', '--site', '安定门站点', '--community', '安定门']));
    // Another community's wish: seen (wishes are no one's personal data) but not changed.
    expect(psql(db, 'hp', `update wishes set title = '被改' where title = '电风扇'`).out).toMatch(/UPDATE 0|row-level security/);
    expect(psql(db, 'hp', 'select name from workers').out).toBe('张伟');
    expect(psql(db, 'dc', `select title from wishes where title = '电风扇'`).out).toBe('电风扇');
  });

  it('the city reads every district’s totals but no phone', async () => {
    const city = JSON.parse(await ok(clerk('city', ['report', 'annual', '--city', '--json'])));
    expect(city.city).toBe(true);
    expect(city.districts.map((d: { district: string }) => d.district)).toEqual(['东城区', '西城区']);
    expect(city.districts.map((d: { figures: Record<string, number> }) => d.figures['workers.active'])).toEqual([2, 1]);
    expect(city.totals['workers.active']).toBe(3);
    const weekly = JSON.parse(await ok(clerk('city', ['report', 'weekly', '--city', '--json'])));
    expect(Object.keys(weekly.totals)).toContain('workers.active');
    expect(psql(db, 'city', 'select phone from workers').out).toMatch(/permission denied/);
    expect(psql(db, 'city', 'select count(*) from workers').out).toBe('3');
    // 张伟 (东城区) and 王芳 (西城区) share a phone: linked by its salted hash, the number never read.
    expect(city.workers_in_several_districts).toBe(1);
    expect(psql(db, 'city', 'select count(distinct phone_link) from workers').out).toBe('2');
    expect(psql(db, 'city', `select count(*) from workers where phone_link = encode(sha256('13800138000'::bytea), 'hex')`).out).toBe('0');
    expect(psql(db, 'city', 'select salt from city_salt').out).toMatch(/permission denied/);
    const mine = await clerk('dc', ['report', 'weekly', '--city']);
    expect(mine.code).toBe(4);
    const both = await clerk('city', ['--district', '东城区', 'report', 'weekly', '--city']);
    expect(both.code).toBe(2);
  });

  it('the audit trail names the login that made each change, whatever --operator claims', async () => {
    const trail = JSON.parse(await ok(owner(['--district', '西城区', 'audit', '--entity', 'worker', '--json'])));
    expect(trail.map((e: { operator: string }) => e.operator)).toEqual([role('xc')]);
    expect(psql(db, 'dc', `select distinct operator from audit_log where entity = 'worker'`).out).toBe(role('dc'));
  });

  it('holds against a session’s own tricks: temporary tables, moved rows, bare ids of other districts', () => {
    const ownerSql = (statement: string) => spawnSync('psql', ['-X', '-A', '-t', '-c', statement, db], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' }).stdout.trim();
    // A temporary `accounts` cannot make a clerk the owner (the access functions search pg_temp last).
    const fake = psql(
      db,
      'hp',
      `create temp table accounts (name text, role text, district_id bigint, subdistrict_id bigint, community_id bigint, disabled_at text);
       insert into accounts values (session_user, 'owner', null, null, null, null);
       select nuanxin_kind() || ':' || (select count(*) from workers)`,
    );
    expect(fake.out.split('\n').at(-1)).toBe('community:1');
    // Nor a temporary `districts` let a clerk keep a forged operator.
    const forged = psql(
      db,
      'hp',
      `create temp table districts (id bigint);
       insert into access_log (at, operator, worker_id, fields, reason, command) values ('x', '区长', null, 'phone', '冒名测试', 'x');
       select operator from access_log where reason = '冒名测试'`,
    );
    expect(forged.out.split('\n').at(-1)).toBe(role('hp'));
    // The phone link's function is the server's own: no login can run it on guesses.
    const guess = psql(
      db,
      'city',
      `create temp table t (phone text, phone_link text); create trigger t_link before insert on t for each row execute function nuanxin_phone_link()`,
    );
    expect(guess.out).toMatch(/permission denied/);
    expect(psql(db, 'city', 'select changes from worker_history').out).toMatch(/permission denied/);
    // Another community's wish moved into one's own is still another community's wish.
    expect(psql(db, 'hp', `update wishes set community_id = (select community_id from wishes where title = '热水壶'), title = '劫持' where title = '电风扇'`).out).toMatch(
      /UPDATE 0|row-level security/,
    );
    expect(ownerSql(`select count(*) from wishes where title = '电风扇'`)).toBe('1');
    // A bare id of another district's row is refused, not hung on.
    const theirs = ownerSql(`select w.id from workers w join districts d on d.id = w.district_id where d.name = '西城区' limit 1`);
    const award = psql(
      db,
      'dc',
      `insert into point_entries (worker_id, kind, points, business_date, community_id, operator, created_at) values (${theirs}, 'award', 500, '2026-12-07', (select id from communities where name = '和平里'), 'x', 'x')`,
    );
    expect(award.ok).toBe(false);
    expect(award.out).toMatch(/row-level security/);
  });

  it('an owner must name the district on a server of several; db check finds row security switched off', async () => {
    const unnamed = await owner(['worker', 'list']);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toMatch(/--district/);
    await ok(owner(['db', 'check']));
    const off = spawnSync('psql', ['-X', '-q', '-c', 'alter table workers no force row level security', db], { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(off.status, off.stderr).toBe(0);
    const check = await owner(['db', 'check', '--json']);
    expect(check.code).toBe(4);
    expect(check.stdout).toContain('workers');
    spawnSync('psql', ['-X', '-q', '-c', 'alter table workers force row level security', db], { env: { PATH: process.env.PATH ?? '' } });
  });
});

describe.skipIf(!onPostgres)('[PostgreSQL] the district init left unnamed', () => {
  it('the first district add names it, unless it already holds a record of any kind', async () => {
    const empty = await freshPgDatabase();
    expect((await spawnCli(['district', 'add', '东城区'], { NUANXIN_DB: empty })).code).toBe(0);
    expect(JSON.parse((await spawnCli(['district', 'list', '--json'], { NUANXIN_DB: empty })).stdout)).toEqual([{ name: '东城区', communities: 0, workers: 0 }]);
    const held = await freshPgDatabase();
    expect((await spawnCli(['gift', 'add', 'raincoat', '--name', '骑手雨衣', '--cost', '20', '--stock', '2'], { NUANXIN_DB: held })).code).toBe(0);
    const refused = await spawnCli(['district', 'add', '东城区'], { NUANXIN_DB: held });
    expect(refused.code, refused.stderr).toBe(4);
  });
});

describe.skipIf(onPostgres)('[SQLite] one district per file', () => {
  it('init --district names it; no other command needs --district; accounts are a record only', async () => {
    const db = join(tempDir(), 'd.db');
    const env = { NUANXIN_DB: db };
    const init = await spawnCli(['init', '--district', '东城区', '--json'], env);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout).district).toBe('东城区');
    expect((await spawnCli(['config', 'get', 'district.name'], env)).stdout.trim()).toBe('东城区');
    expect((await spawnCli(['community', 'add', '和平里', '--subdistrict', '和平里街道'], env)).code).toBe(0);
    expect(JSON.parse((await spawnCli(['district', 'list', '--json'], env)).stdout)).toEqual([{ name: '东城区', communities: 1, workers: 0 }]);
    const add = await spawnCli(['district', 'add', '西城区'], env);
    expect(add.code).toBe(4);
    expect((await spawnCli(['--district', '西城区', 'community', 'list'], env)).code).toBe(3);
    expect((await spawnCli(['--district', '东城区', 'community', 'list'], env)).code).toBe(0);
    const account = await spawnCli(['account', 'add', 'wangfang', '--role', 'community', '--scope', '和平里', '--json'], env);
    expect(account.code, account.stderr).toBe(0);
    expect(JSON.parse(account.stdout)).toMatchObject({ name: 'wangfang', role: 'community', district: '东城区', community: '和平里', login: false });
    const login = await spawnCli(['account', 'add', 'lisi', '--role', 'district', '--scope', '东城区', '--password-stdin'], env, 'a-long-password\n');
    expect(login.code).toBe(2);
    const list = JSON.parse((await spawnCli(['account', 'list', '--json'], env)).stdout);
    expect(list.map((a: { name: string }) => a.name)).toEqual(['wangfang']);
    expect((await spawnCli(['account', 'disable', 'wangfang'], env)).code).toBe(0);
    expect((await spawnCli(['account', 'disable', 'wangfang'], env)).code).toBe(4);
    const city = await spawnCli(['report', 'weekly', '--city'], env);
    expect(city.code).toBe(2);
  });
});
