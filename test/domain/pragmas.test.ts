// Issue #17: the pragmas are checked on the application's own connection (SQLite-only by nature).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import { busyTimeout } from '../../src/cli/command.js';
import { migrateToLatest } from '../../src/db/migrator.js';
import { openDatabase } from '../../src/db/open.js';
import { onPostgres } from '../helpers/pg.js';
import { tempDir } from '../helpers/cli.js';

// The path every command takes on a database `init` made: the busy timeout read from the environment,
// then openDatabase. Migrated on a connection of its own first: the migrator sets pragmas of its own.
async function opened(env: Record<string, string | undefined> = {}) {
  const path = join(tempDir(), 'p.db');
  const made = await openDatabase({ path, create: true });
  await migrateToLatest(made.db, path);
  await made.close();
  const handle = await openDatabase({ path, create: false, busyTimeoutMs: busyTimeout(env) });
  const pragma = async (name: string) => Object.values((await sql.raw(`pragma ${name}`).execute(handle.db)).rows[0] as object)[0];
  const run = (statement: string) => sql.raw(statement).execute(handle.db);
  return { path, handle, pragma, run };
}

describe.skipIf(onPostgres)('[SQLite] pragmas on the connection nuanxin opens', () => {
  it('has foreign keys on, and a row pointing nowhere is refused', async () => {
    const { handle, pragma, run } = await opened();
    expect(await pragma('foreign_keys')).toBe(1);
    await expect(
      run(
        "insert into workers (phone, name, occupation, community_id, registered_on, created_at, updated_at) values ('13800138000', '张三', 'rider', 999, '2026-11-29', 'x', 'x')",
      ),
    ).rejects.toThrow(/FOREIGN KEY constraint failed/);
    await handle.close();
  });

  // better-sqlite3 is built with SQLITE_DEFAULT_FOREIGN_KEYS=1, so the check above passes without the
  // pragma too; a SQLite built otherwise would not. So: the build's default, and the pragma sent anyway.
  it('turns foreign keys on itself, not trusting the build’s default', async () => {
    const raw = new Database(':memory:');
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    raw.close();
    const sent: string[] = [];
    const pragma = Database.prototype.pragma;
    const spy = vi.spyOn(Database.prototype, 'pragma').mockImplementation(function (this: Database.Database, source: string, options?: Database.PragmaOptions) {
      sent.push(source);
      return pragma.call(this, source, options);
    });
    try {
      const { handle } = await opened();
      await handle.close();
    } finally {
      spy.mockRestore();
    }
    expect(sent).toContain('foreign_keys = ON');
  });

  it('is WAL with synchronous=FULL, secure_delete on and the default busy timeout', async () => {
    const { handle, pragma } = await opened();
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('secure_delete')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(10_000);
    await handle.close();
  });

  it('takes another busy timeout when asked (NUANXIN_BUSY_TIMEOUT_MS)', async () => {
    const { handle, pragma } = await opened({ NUANXIN_BUSY_TIMEOUT_MS: '250' });
    expect(await pragma('busy_timeout')).toBe(250);
    await handle.close();
  });

  it('keeps the default busy timeout when NUANXIN_BUSY_TIMEOUT_MS is empty, negative or not a number', async () => {
    for (const value of ['', '-1', 'abc', 'Infinity']) {
      const { handle, pragma } = await opened({ NUANXIN_BUSY_TIMEOUT_MS: value });
      expect(await pragma('busy_timeout'), value).toBe(10_000);
      await handle.close();
    }
    const zero = await opened({ NUANXIN_BUSY_TIMEOUT_MS: '0' });
    expect(await zero.pragma('busy_timeout')).toBe(0);
    await zero.handle.close();
  });

  it('keeps the database and its -wal/-shm at 0600 while a connection has them open', async () => {
    const { path, handle, run } = await opened();
    await run("insert into communities (name, created_at) values ('夹马营社区', 'x')");
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(file).mode & 0o777).toBe(0o600);
    await handle.close();
  });
});
