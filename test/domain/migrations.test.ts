import { join } from 'node:path';
import { Kysely, Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { NuanxinSqliteDialect } from '../../src/db/dialect.js';
import { migrateToLatest, migrationStatus } from '../../src/db/migrator.js';
import { openDatabase } from '../../src/db/open.js';
import { tempDir } from '../helpers/cli.js';

describe('migrations', () => {
  it('apply in order and record themselves', async () => {
    const opened = openDatabase({ path: join(tempDir(), 'm.db'), create: true });
    await migrateToLatest(opened.db, opened.path);
    const status = await migrationStatus(opened.db);
    expect(status.every((m) => m.applied)).toBe(true);
    expect(status.map((m) => m.name)).toEqual([...status.map((m) => m.name)].sort());
    await opened.close();
  });

  it('a failing migration leaves no half schema (each run is one transaction on SQLite)', async () => {
    const opened = openDatabase({ path: join(tempDir(), 'f.db'), create: true });
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
