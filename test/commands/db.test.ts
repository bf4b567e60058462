import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCli, runCli, tempDir } from '../helpers/cli.js';
import { emptyPgDatabase, newDatabase, onPostgres } from '../helpers/pg.js';
import { rawSession } from '../helpers/raw.js';
import { spawnCli } from '../helpers/spawn.js';

describe('database location', () => {
  it.each([
    [['--db', '/x/flag.db', 'db', 'path', '--json'], { NUANXIN_DB: '/x/env.db' }, { path: '/x/flag.db', source: 'flag' }],
    [['db', 'path', '--json'], { NUANXIN_DB: '/x/env.db' }, { path: '/x/env.db', source: 'env' }],
    [['db', 'path', '--json'], { NUANXIN_DB: undefined, XDG_DATA_HOME: '/x/data' }, { path: '/x/data/nuanxin/nuanxin.db', source: 'default' }],
  ])('%j → %j', async (argv, env, expected) => {
    const result = await runCli(argv as string[], { env });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ ...expected, exists: false });
  });
});

describe('init and a missing database', () => {
  it('refuses every command on a path with no database, naming the path and init', async () => {
    const db = join(tempDir(), 'typo.db');
    const result = await runCli(['station', 'list'], { env: { NUANXIN_DB: db } });
    expect(result).toEqual({
      code: 6,
      stdout: '',
      stderr: `error: no database at ${db}\nhint: create it with \`nuanxin init\` (or pass --db / NUANXIN_DB to use another file)\n`,
    });
    expect(existsSync(db)).toBe(false);
  });

  it('creates a 0600 database and is harmless to run again', async () => {
    const db = join(tempDir(), 'sub', 'n.db');
    const first = await runCli(['init', '--json'], { env: { NUANXIN_DB: db } });
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).applied.length).toBeGreaterThan(0);
    expect(statSync(db).mode & 0o777).toBe(0o600);
    for (const side of ['-wal', '-shm']) if (existsSync(db + side)) expect(statSync(db + side).mode & 0o777).toBe(0o600);
    const second = await runCli(['init', '--json'], { env: { NUANXIN_DB: db } });
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).applied).toEqual([]);
  });

  it.skipIf(onPostgres)('[SQLite] sets the pragmas on every open', async () => {
    const { db } = await freshCli();
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(db);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('two clerks running init at once on a new database: both succeed, the migrations are applied once', async () => {
    const db = await newDatabase(tempDir());
    const runs = await Promise.all([0, 1].map(() => spawnCli(['init', '--json'], { NUANXIN_DB: db })));
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    const applied = runs.map((r) => JSON.parse(r.stdout).applied.length).sort((a, b) => a - b);
    expect(applied[0]).toBe(0);
    expect(applied[1]).toBeGreaterThan(15);
    const status = JSON.parse((await spawnCli(['db', 'status', '--json'], { NUANXIN_DB: db })).stdout);
    expect(status.every((m: { applied: boolean }) => m.applied)).toBe(true);
    expect((await spawnCli(['db', 'check'], { NUANXIN_DB: db })).code).toBe(0);
  });
});

describe('a PostgreSQL server (postgres:// in --db or NUANXIN_DB)', () => {
  it('an unreachable server is exit 6 with what to do; the password is never shown', async () => {
    const url = 'postgres://clerk:s3cret-pw@127.0.0.1:1/district';
    for (const argv of [['station', 'list'], ['init']]) {
      const r = await runCli(argv, { env: { NUANXIN_DB: url } });
      expect(r.code).toBe(6);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^error: cannot reach the database server postgres:\/\/clerk@127\.0\.0\.1:1\/district: .*ECONNREFUSED.*\nhint: check that the server is running/);
      expect(r.stderr).not.toContain('s3cret');
    }
    const path = await runCli(['db', 'path', '--json'], { env: { NUANXIN_DB: url } });
    expect(JSON.parse(path.stdout)).toEqual({ path: 'postgres://clerk@127.0.0.1:1/district', source: 'env', exists: null });
    const flag = await runCli(['--db', 'postgresql://clerk@127.0.0.1:1/district?password=s3cret-pw&sslmode=disable', 'db', 'path']);
    expect(flag.stdout).toBe('postgresql://clerk@127.0.0.1:1/district?sslmode=disable\nfrom --db\n');
  });

  it('an address that cannot be read as a URL is exit 2 with how to write it, never the password', async () => {
    const r = await runCli(['station', 'list'], { env: { NUANXIN_DB: 'postgres://clerk:pa#ss/word@127.0.0.1/district' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: the database address cannot be read as a URL: postgres:\/\/…\nhint: write it as postgres:\/\/user:password@host:port\/database/);
    expect(r.stderr).not.toContain('pa#ss');
  });

  it.skipIf(!onPostgres)('a database the server does not have is exit 6, saying to ask for it to be made (init cannot)', async () => {
    const url = new URL(await emptyPgDatabase());
    url.pathname = '/nuanxin_no_such_database';
    for (const argv of [['station', 'list'], ['init']]) {
      const r = await runCli(argv, { env: { NUANXIN_DB: url.toString() } });
      expect(r.code).toBe(6);
      expect(r.stderr).toMatch(
        /^error: no database at postgres:\/\/[^:]+@[^ ]+\/nuanxin_no_such_database\nhint: ask the server administrator to create the database, then run `nuanxin init`\n$/,
      );
    }
  });

  it.skipIf(!onPostgres)('a value too large for the server to index is exit 5, not a crash', async () => {
    const { cli } = await freshCli();
    await cli(['points', 'rule', 'add', 'vol', '--name', '志愿服务', '--points', '5']);
    await cli(['worker', 'add', '--name', '张三', '--phone', '13900000011', '--occupation', 'rider']);
    // Varied characters: a repeated one would be compressed into the index's limit.
    const ref = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20000))).join('');
    const r = await cli(['points', 'award', '13900000011', '--rule', 'vol', '--ref', ref]);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/^error: a value is too large for the database to store or index \(.*\); nothing was changed\n$/);
  });

  it.skipIf(!onPostgres)('a password from ~/.pgpass (PGPASSFILE) works, and a cron run’s stderr stays empty', async () => {
    const { db, dir } = await freshCli();
    const url = new URL(db);
    const pgpass = join(dir, 'pgpass');
    writeFileSync(pgpass, `${url.hostname}:${url.port || 5432}:*:${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}\n`, { mode: 0o600 });
    url.password = '';
    const r = await spawnCli(['station', 'list', '--json'], { NUANXIN_DB: url.toString(), PGPASSFILE: pgpass });
    expect(r).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });

  it.skipIf(!onPostgres)('a refused login is exit 6 ("check the user name and password"), never the password', async () => {
    const url = new URL(await emptyPgDatabase());
    url.password = 'wrong-secret';
    const r = await runCli(['station', 'list'], { env: { NUANXIN_DB: url.toString() } });
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^error: the database server postgres:\/\/[^:]+@[^ ]+ refused the login: password authentication failed/);
    expect(r.stderr).toContain('hint: check the user name and password');
    expect(r.stderr).not.toContain('wrong-secret');
  });

  it.skipIf(!onPostgres)('postgres:// alone takes the server, user, password and database from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE', async () => {
    const { db } = await freshCli();
    const url = new URL(db);
    const env = {
      NUANXIN_DB: 'postgres://',
      PGHOST: url.hostname,
      PGPORT: url.port || '5432',
      PGUSER: decodeURIComponent(url.username),
      PGPASSWORD: decodeURIComponent(url.password),
      PGDATABASE: url.pathname.slice(1),
    };
    // Spawned, as a clerk runs it: the driver reads the PG* variables from the process's environment.
    const added = await spawnCli(['community', 'add', '夹马营社区', '--json'], env);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse((await runCli(['community', 'list', '--json'], { env: { NUANXIN_DB: db } })).stdout)).toMatchObject([{ name: '夹马营社区' }]);
    expect((await spawnCli(['db', 'path'], env)).stdout).toBe('postgres://\nfrom NUANXIN_DB\n');
  });

  it.skipIf(!onPostgres)('init creates the schema in an empty server database; before it, every command says to run init (exit 6)', async () => {
    const url = await emptyPgDatabase();
    const shown = url.replace(/:[^:@/]+@/, '@');
    const before = await runCli(['station', 'list'], { env: { NUANXIN_DB: url } });
    expect(before).toEqual({
      code: 6,
      stdout: '',
      stderr: `error: no database at ${shown}\nhint: create it with \`nuanxin init\` (or pass --db / NUANXIN_DB to use another file)\n`,
    });
    const init = await runCli(['init', '--json'], { env: { NUANXIN_DB: url } });
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout)).toEqual({ path: shown, applied: expect.arrayContaining(['0001_foundation', '0016_postgres_port']) });
    expect(await runCli(['station', 'list', '--json'], { env: { NUANXIN_DB: url } })).toMatchObject({ code: 0, stdout: '[]\n' });
    // Ids are 64-bit: a number past 2^31 is simply not found, not an overflow.
    for (const id of ['99999999999', '9223372036854775807', '#99999999999999999999']) {
      expect(await runCli(['worker', 'show', id], { env: { NUANXIN_DB: url } })).toMatchObject({ code: 3 });
    }
    const raw = await rawSession(url);
    const narrow = await raw.all(
      "select table_name, column_name from information_schema.columns where table_schema = current_schema() and data_type = 'integer' and table_name not like 'kysely_%'",
    );
    await raw.close();
    expect(narrow).toEqual([]);
  });
});

describe('db status, migrate, check, backup', () => {
  it('lists applied migrations', async () => {
    const { cli } = await freshCli();
    const result = await cli(['db', 'status', '--json']);
    const rows = JSON.parse(result.stdout);
    expect(rows.every((r: { applied: boolean }) => r.applied)).toBe(true);
    expect(rows[0].name).toBe('0001_foundation');
  });

  it('says there is nothing to migrate on a current database', async () => {
    const { cli } = await freshCli();
    expect(await cli(['db', 'migrate'])).toMatchObject({ code: 0, stdout: 'no pending migrations\n' });
  });

  it('refuses a database written by a newer version', async () => {
    const { cli, db } = await freshCli();
    const raw = await rawSession(db);
    await raw.run("insert into kysely_migration (name, timestamp) values ('9999_future', '2030-01-01')");
    await raw.close();
    const result = await cli(['station', 'list']);
    expect(result.code).toBe(6);
    expect(result.stderr).toContain('written by a newer version of nuanxin (unknown migration 9999_future)');
  });

  it('passes a healthy database and fails on a broken invariant', async () => {
    const { cli, db } = await freshCli();
    expect((await cli(['db', 'check'])).code).toBe(0);
    await cli(['community', 'add', '夹马营社区']);
    await cli(['station', 'add', '--name', 'A', '--community', '夹马营社区']);
    const raw = await rawSession(db);
    await raw.run("update stations set status = 'closed'");
    await raw.close();
    const result = await cli(['db', 'check']);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('FAIL  closed stations have a reason and date\n      ST0001\n');
    expect(result.stderr).toBe('error: database check failed: 1 problem(s)\n');
    const zh = await cli(['--lang', 'zh', 'db', 'check']);
    expect(zh.stdout).toContain('通过  数据库完整性检查（integrity_check）\n');
    expect(zh.stdout).toContain('未通过  已关闭驿站均有关闭原因和日期\n      ST0001\n');
    expect(zh.stderr).toBe('错误: 数据库检查未通过：1 个问题\n');
    const json = JSON.parse((await cli(['--lang', 'zh', 'db', 'check', '--json'])).stdout);
    expect(json.checks.find((c: { ok: boolean }) => !c.ok)).toEqual({ name: 'closed stations have a reason and date', ok: false, problems: ['ST0001'] });
  });

  it('backs up with mode 0600 and refuses to overwrite without --force', async () => {
    const { cli, dir } = await freshCli();
    const target = join(dir, 'backup.db');
    expect((await cli(['db', 'backup', target])).code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const again = await cli(['db', 'backup', target]);
    expect(again.code).toBe(4);
    expect(again.stderr).toContain('already exists');
    expect((await cli(['db', 'backup', target, '--force'])).code).toBe(0);
    writeFileSync(join(dir, 'x'), '');
  });
});
