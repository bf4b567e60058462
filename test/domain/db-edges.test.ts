// The db port's own files at their edges: where the database is (flag, environment, the per-user
// default), how a server location is shown when it cannot be parsed, and what the migrator says on
// open — pending migrations in order, a database from a newer nuanxin refused by name, a migration
// table it cannot read passed on as it is, and foreign keys on again after migrating.
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { displayLocation, resolveDbLocation } from '../../src/db/location.js';
import { isEmptySchema, migrateToLatest, migrationStatus, pendingMigrations, pendingOnOpen } from '../../src/db/migrator.js';
import { openSqlite } from '../../src/db/sqlite/open.js';
import { tempDir } from '../helpers/cli.js';
import { onPostgres } from '../helpers/pg.js';
import { refusalOf } from '../helpers/refusal.js';

describe('where the database is', () => {
  it('takes --db, else NUANXIN_DB, else the data folder (XDG_DATA_HOME, else HOME/.local/share)', () => {
    expect(resolveDbLocation({ flag: '/a.db', env: { NUANXIN_DB: '/b.db' } })).toEqual({ path: '/a.db', source: 'flag' });
    expect(resolveDbLocation({ env: { NUANXIN_DB: '/b.db' } })).toEqual({ path: '/b.db', source: 'env' });
    expect(resolveDbLocation({ env: { XDG_DATA_HOME: '/data', HOME: '/home/clerk' } })).toEqual({ path: '/data/nuanxin/nuanxin.db', source: 'default' });
    expect(resolveDbLocation({ env: { HOME: '/home/clerk', XDG_DATA_HOME: '' } }).path).toBe('/home/clerk/.local/share/nuanxin/nuanxin.db');
  });

  it.skipIf(process.platform === 'win32')('leaves LOCALAPPDATA to Windows', () => {
    expect(resolveDbLocation({ env: { LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local', HOME: '/home/clerk' } }).path).toBe('/home/clerk/.local/share/nuanxin/nuanxin.db');
  });

  it('shows only the scheme of a server location it cannot parse, never what might be a password', () => {
    expect(displayLocation('postgres://clerk:s3cret@[bad/district')).toBe('postgres://…');
    expect(displayLocation('POSTGRESQL://clerk:s3cret@[bad')).toBe('POSTGRESQL://…');
    expect(displayLocation('postgres://db/district?sslkey=/k.pem&application_name=x')).toBe('postgres://db/district?application_name=x');
  });
});

describe.skipIf(onPostgres)('[SQLite] the migrator on open', () => {
  const names = Object.keys(migrations).sort();

  it('lists every migration pending on a new file, in order, and none once migrated; foreign keys on again after', async () => {
    const opened = openSqlite({ path: join(tempDir(), 'm.db'), create: true, busyTimeoutMs: 10_000 });
    try {
      const pending = await pendingOnOpen(opened.db, opened.path);
      expect(pending).toEqual(names);
      expect(isEmptySchema(pending)).toBe(true);
      expect(await pendingMigrations(opened.db)).toEqual(names);
      expect((await migrationStatus(opened.db)).slice(0, 1)).toEqual([{ name: names[0], applied: false, appliedAt: null }]);
      await migrateToLatest(opened.db, opened.path);
      expect(await pendingOnOpen(opened.db, opened.path)).toEqual([]);
      expect(await pendingMigrations(opened.db)).toEqual([]);
      expect(isEmptySchema([])).toBe(false);
      expect(opened.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      const [first] = await migrationStatus(opened.db);
      expect(first).toEqual({ name: names[0], applied: true, appliedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    } finally {
      await opened.close();
    }
  });

  it('refuses a database a newer nuanxin wrote, naming what it does not know, and lists it', async () => {
    const opened = openSqlite({ path: join(tempDir(), 'n.db'), create: true, busyTimeoutMs: 10_000 });
    try {
      await migrateToLatest(opened.db, opened.path);
      await sql`insert into kysely_migration (name, timestamp) values ('9998_future', '2030-01-01T00:00:00.000Z'), ('9999_later', '2030-01-02T00:00:00.000Z')`.execute(opened.db);
      expect(await refusalOf(() => pendingOnOpen(opened.db, opened.path))).toEqual({
        key: 'db.newer',
        params: { path: opened.path, migration: '9998_future, 9999_later' },
        hint: 'db.newer.hint',
      });
      expect((await migrationStatus(opened.db)).slice(-2)).toEqual([
        { name: '9998_future', applied: true, appliedAt: '2030-01-01T00:00:00.000Z' },
        { name: '9999_later', applied: true, appliedAt: '2030-01-02T00:00:00.000Z' },
      ]);
    } finally {
      await opened.close();
    }
  });

  it('passes on a migration table it cannot read, as it is', async () => {
    const opened = openSqlite({ path: join(tempDir(), 'b.db'), create: true, busyTimeoutMs: 10_000 });
    try {
      await sql`create table kysely_migration (other text)`.execute(opened.db);
      await expect(pendingOnOpen(opened.db, opened.path)).rejects.toThrow(/no such column/);
    } finally {
      await opened.close();
    }
  });
});
