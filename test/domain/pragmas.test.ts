// Issue #17: the pragmas are checked on the application's own connection (SQLite-only by nature).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/db/migrator.js';
import { openSqlite } from '../../src/db/sqlite/open.js';
import { onPostgres } from '../helpers/pg.js';
import { tempDir } from '../helpers/cli.js';

async function opened(busyTimeoutMs?: number) {
  const path = join(tempDir(), 'p.db');
  const handle = openSqlite({ path, create: true, busyTimeoutMs: busyTimeoutMs ?? 10_000 });
  await migrateToLatest(handle.db, path);
  return { path, handle };
}

describe.skipIf(onPostgres)('[SQLite] pragmas on the connection nuanxin opens', () => {
  it('has foreign keys on, and a row pointing nowhere is refused', async () => {
    const { handle } = await opened();
    expect(handle.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      handle.sqlite
        .prepare(
          "insert into workers (phone, name, occupation, community_id, registered_on, created_at, updated_at) values ('13800138000', '张三', 'rider', 999, '2026-11-29', 'x', 'x')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    await handle.close();
  });

  it('is WAL with synchronous=FULL, secure_delete on and the default busy timeout', async () => {
    const { handle } = await opened();
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(handle.sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(10_000);
    await handle.close();
  });

  it('takes another busy timeout when asked (NUANXIN_BUSY_TIMEOUT_MS)', async () => {
    const { handle } = await opened(250);
    expect(handle.sqlite.pragma('busy_timeout', { simple: true })).toBe(250);
    await handle.close();
  });

  it('keeps the database and its -wal/-shm at 0600 while a connection has them open', async () => {
    const { path, handle } = await opened();
    handle.sqlite.prepare("insert into communities (name, created_at) values ('夹马营社区', 'x')").run();
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(statSync(file).mode & 0o777).toBe(0o600);
    await handle.close();
  });
});
