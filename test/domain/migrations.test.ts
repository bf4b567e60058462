import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NuanxinSqliteDialect } from '../../src/db/sqlite/dialect.js';
import { migrateToLatest, migrationStatus } from '../../src/db/migrator.js';
import { openSqlite } from '../../src/db/sqlite/open.js';
import { onPostgres } from '../helpers/pg.js';
import { tempDir } from '../helpers/cli.js';

describe.skipIf(onPostgres)('[SQLite] migrations', () => {
  it('apply in order and record themselves', async () => {
    const opened = openSqlite({ path: join(tempDir(), 'm.db'), create: true, busyTimeoutMs: 10_000 });
    await migrateToLatest(opened.db, opened.path);
    const status = await migrationStatus(opened.db);
    expect(status.every((m) => m.applied)).toBe(true);
    expect(status.map((m) => m.name)).toEqual([...status.map((m) => m.name)].sort());
    await opened.close();
  });

  it('a failing migration leaves no half schema (each run is one transaction on SQLite)', async () => {
    const opened = openSqlite({ path: join(tempDir(), 'f.db'), create: true, busyTimeoutMs: 10_000 });
    const db = new Kysely<any>({ dialect: new NuanxinSqliteDialect({ database: opened.sqlite }) });
    const migrator = new Migrator({
      db,
      provider: {
        getMigrations: async () => ({
          '0001_ok': { up: async (d: Kysely<any>) => void (await d.schema.createTable('first').addColumn('id', 'integer').execute()) },
          '0002_fails': {
            up: async (d: Kysely<any>) => {
              await d.schema.createTable('second').addColumn('id', 'integer').execute();
              await sql`select * from no_such_table`.execute(d);
            },
          },
        }),
      },
    });
    const { error } = await migrator.migrateToLatest();
    expect(error).toBeDefined();
    const tables = opened.sqlite.prepare("select name from sqlite_master where type = 'table' and name in ('first', 'second')").all();
    expect(tables).toEqual([]);
    await db.destroy();
  });
});

describe.skipIf(onPostgres)('[SQLite] 0013: sponsors, organisers and hosts become units', () => {
  it('keeps every sponsor (same ids, every wish still names it) and registers each free-text organiser and host once', async () => {
    const { migrations } = await import('../../migrations/index.js');
    const opened = openSqlite({ path: join(tempDir(), 'u.db'), create: true, busyTimeoutMs: 10_000 });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0013'));
    const old = new Migrator({ db: opened.db, provider: { getMigrations: async () => before } });
    expect((await old.migrateToLatest()).error).toBeUndefined();
    const raw = opened.sqlite;
    const at = '2026-01-01T00:00:00Z';
    raw.prepare("insert into communities (name, created_at) values ('夹马营社区', ?)").run(at);
    raw.prepare("insert into sponsors (id, name, type, created_at) values (7, '区总工会', 'union', ?), (9, '顺丰', 'company', ?)").run(at, at);
    raw
      .prepare(
        "insert into wishes (title, category, site, source, collected_on, community_id, status, sponsor_id, created_at, updated_at) values ('电饭煲', 'appliance', '营业部', 'visit', '2026-01-01', 1, 'claimed', 7, ?, ?)",
      )
      .run(at, at);
    raw
      .prepare(
        "insert into stations (code, name, community_id, host, created_at, updated_at) values ('ST0001', '夹马营驿站', 1, '顺丰', ?, ?), ('ST0002', '东关驿站', 1, '东关社区党群服务中心', ?, ?)",
      )
      .run(at, at, at, at);
    raw
      .prepare(
        "insert into events (type, title, event_date, organiser, created_at) values ('legal', '劳动法讲座', '2026-01-02', '律师工作站', ?), ('legal', '第二讲', '2026-01-09', '律师工作站', ?), ('health_lecture', '无主办', '2026-01-03', null, ?)",
      )
      .run(at, at, at);

    await migrateToLatest(opened.db, opened.path);
    const units = raw.prepare('select id, name, type from units order by id').all();
    expect(units).toEqual([
      { id: 7, name: '区总工会', type: 'union' },
      { id: 9, name: '顺丰', type: 'company' },
      { id: 10, name: '律师工作站', type: 'other' },
      { id: 11, name: '东关社区党群服务中心', type: 'other' },
    ]);
    expect(raw.prepare('select u.name from wishes w join units u on u.id = w.sponsor_id').all()).toEqual([{ name: '区总工会' }]);
    expect(raw.prepare('select s.code, u.name from stations s left join units u on u.id = s.host_id order by s.code').all()).toEqual([
      { code: 'ST0001', name: '顺丰' },
      { code: 'ST0002', name: '东关社区党群服务中心' },
    ]);
    expect(raw.prepare('select e.title, u.name from events e left join units u on u.id = e.organiser_id order by e.id').all()).toEqual([
      { title: '劳动法讲座', name: '律师工作站' },
      { title: '第二讲', name: '律师工作站' },
      { title: '无主办', name: null },
    ]);
    expect(raw.prepare('pragma foreign_key_check').all()).toEqual([]);
    expect(() => raw.prepare("insert into units (name, type, created_at) values ('x', 'nonsense', ?)").run(at)).toThrow(/CHECK/);
    await opened.close();
  });
});

describe.skipIf(onPostgres)('[SQLite] 0015: disputes without a worker, district-wide teams, volunteers by kind', () => {
  it('keeps every dispute (its guards too), every team, and each site’s volunteers as kind other', async () => {
    const { migrations } = await import('../../migrations/index.js');
    const opened = openSqlite({ path: join(tempDir(), 'o.db'), create: true, busyTimeoutMs: 10_000 });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0015'));
    const old = new Migrator({ db: opened.db, provider: { getMigrations: async () => before } });
    expect((await old.migrateToLatest()).error).toBeUndefined();
    const raw = opened.sqlite;
    const at = '2026-01-01T00:00:00Z';
    raw.prepare("insert into communities (name, created_at) values ('夹马营社区', ?)").run(at);
    raw
      .prepare(
        "insert into workers (phone, name, occupation, community_id, active, registered_on, created_at, updated_at) values ('13800138000', '王小明', 'rider', 1, 1, '2026-01-01', ?, ?)",
      )
      .run(at, at);
    raw
      .prepare("insert into disputes (worker_id, type, via, status, amount_fen, opened_on, updated_on) values (1, 'wages', 'hotline', 'open', 320000, '2026-01-02', '2026-01-02')")
      .run();
    raw.prepare("insert into teams (name, community_id, created_at) values ('红骑手', 1, ?)").run(at);
    raw.prepare("insert into childcare_sites (name, community_id, capacity, volunteers, created_at) values ('托管班', 1, 8, 4, ?)").run(at);
    await migrateToLatest(opened.db, opened.path);
    expect(raw.prepare('select worker_id, amount_fen, caller_name from disputes').all()).toEqual([{ worker_id: 1, amount_fen: 320000, caller_name: null }]);
    expect(raw.prepare('select site_id, kind, count, added_on from childcare_volunteers').all()).toEqual([{ site_id: 1, kind: 'other', count: 4, added_on: '2026-01-01' }]);
    raw
      .prepare(
        "insert into disputes (worker_id, caller_name, type, via, status, opened_on, updated_on) values (null, '刘师傅', 'wages', 'hotline', 'open', '2026-01-03', '2026-01-03')",
      )
      .run();
    raw.prepare("insert into teams (name, community_id, created_at) values ('全区队', null, ?)").run(at);
    // The whole-number guard survived the rebuild.
    expect(() =>
      raw
        .prepare("insert into disputes (worker_id, type, via, status, amount_fen, opened_on, updated_on) values (1, 'wages', 'hotline', 'open', 1.5, '2026-01-02', '2026-01-02')")
        .run(),
    ).toThrow(/whole number/);
    expect(raw.prepare('pragma foreign_key_check').all()).toEqual([]);
    await opened.close();
  });
});
