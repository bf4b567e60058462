import Database from 'better-sqlite3';
import { chmodSync, closeSync, constants, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Kysely } from 'kysely';
import { UnavailableError, ValidationError } from '../../errors.js';
import { databaseFiles } from '../../files/output-file.js';
import type { OpenDb } from '../port.js';
import type { DB } from '../schema.js';
import { scrubAllowed } from '../scrub.js';
import { backupDatabase } from './backup.js';
import { sqliteChecks } from './checks.js';
import { NuanxinSqliteDialect } from './dialect.js';
import { sqliteFailure } from './errors.js';
import { sqliteWorkerStore } from './worker-store.js';

/** The SQLite port, with the driver's handle for the few tests that check the engine itself. */
export type SqliteDb = OpenDb & { sqlite: Database.Database };

/**
 * Opens the database with the pragmas every connection needs.
 * `create: false` (every command but `init`) refuses a missing file, so a typo
 * in --db never silently creates an empty database.
 */
export function openSqlite(props: { path: string; create: boolean; busyTimeoutMs: number }): SqliteDb {
  const { path } = props;
  const exists = path !== ':memory:' && existsSync(path);
  if (exists && !statSync(path).isFile())
    throw new ValidationError({ key: 'file.error', params: { path, reason: statSync(path).isDirectory() ? 'EISDIR' : 'not a regular file' } });
  if (!exists && path !== ':memory:' && !props.create) {
    throw new UnavailableError({ key: 'db.missing', params: { path }, hintKey: 'db.missing.hint' });
  }
  // Personal data lives here: the file is created 0600 before SQLite opens it, and SQLite gives its
  // -wal/-shm the database file's own mode. (No umask juggling: it cannot be set in a worker thread.)
  let sqlite: Database.Database;
  try {
    if (!exists && path !== ':memory:') {
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      createPrivateFile(path);
    }
    sqlite = newSqlite(path, { fileMustExist: !props.create });
    applyPragmas(sqlite, props.busyTimeoutMs);
    sqlite.function('nuanxin_scrub_allowed', { deterministic: false }, () => (scrubAllowed() ? 1 : 0));
  } catch (error) {
    throw asUnavailable(error, path);
  }
  const db = new Kysely<DB>({ dialect: new NuanxinSqliteDialect({ database: sqlite }) });
  return {
    engine: 'sqlite',
    path,
    sqlite,
    db,
    files: path === ':memory:' ? [] : databaseFiles(path),
    engineChecks: () => sqliteChecks(sqlite),
    backup: async (target, options) => ({ ...(await backupDatabase(sqlite, target, options)), checked: true, format: 'sqlite' }),
    async backupBeforeMigrate(stamp, guard) {
      return (await backupDatabase(sqlite, `${path}.before-migrate-${stamp}`, { guard })).path;
    },
    async afterPurge() {
      // Old page versions would otherwise linger in the WAL file until it is overwritten.
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
    workerStore: () => sqliteWorkerStore(sqlite),
    tightenPermissions: () => tightenPermissions(path),
    async close() {
      await db.destroy();
    },
  };
}

/** An empty file only its owner can read; one made meanwhile by another `init` is left as it is. */
function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW, 0o600));
    chmodSync(path, 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function applyPragmas(sqlite: Database.Database, busyTimeoutMs: number): void {
  // busy_timeout first: switching to WAL itself may wait for another writer.
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an award or redemption the clerk saw succeed survives a power cut.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Purged personal data must not linger in free pages.
  sqlite.pragma('secure_delete = ON');
}

function asUnavailable(error: unknown, path: string): Error {
  if (error instanceof UnavailableError) return error;
  const engine = sqliteFailure(error, path);
  if (engine && engine.key !== 'db.io') return engine;
  const code = (error as { code?: string }).code ?? '';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new UnavailableError({ key: 'db.busy', params: { path }, hintKey: 'db.busy.hint' });
  }
  if (code.startsWith('SQLITE_') || code === 'ENOENT' || code === 'EACCES') {
    return new UnavailableError({
      key: 'db.cannot_open',
      params: { path, reason: (error as Error).message },
    });
  }
  return error as Error;
}

/** Every better-sqlite3 handle is made here, with the addon's known path. */
export function newSqlite(path: string, options: Database.Options = {}): Database.Database {
  return new Database(path, { ...options, nativeBinding: nativeBindingPath() });
}

let addonPath: string | null | undefined;

/**
 * The compiled addon's path, handed to better-sqlite3 so it skips the
 * `bindings` package's search of a dozen candidate paths on every start-up.
 * Null (the default search) if the usual Release build is not there.
 */
function nativeBindingPath(): string | undefined {
  if (addonPath === undefined) {
    try {
      const main = createRequire(import.meta.url).resolve('better-sqlite3');
      const candidate = join(dirname(main), '..', 'build', 'Release', 'better_sqlite3.node');
      addonPath = existsSync(candidate) ? candidate : null;
    } catch {
      addonPath = null;
    }
  }
  return addonPath ?? undefined;
}

/**
 * The database and its -wal/-shm hold personal data: readable by its owner
 * only. A file made before (or copied in with a loose mode) is tightened;
 * returns the old mode (octal) of the main file when it had to be changed.
 */
export function tightenPermissions(path: string): string | undefined {
  if (path === ':memory:') return undefined;
  let changed: string | undefined;
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    try {
      const mode = statSync(file).mode & 0o777;
      if ((mode & 0o077) === 0) continue;
      chmodSync(file, 0o600);
      if (file === path) changed = mode.toString(8).padStart(4, '0');
    } catch {
      // No -wal/-shm at the moment: nothing to tighten.
    }
  }
  return changed;
}
