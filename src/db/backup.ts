import type Database from 'better-sqlite3';
import { chmodSync, existsSync, renameSync, rmSync } from 'node:fs';
import { ConflictError, UnavailableError } from '../errors.js';
import { newSqlite } from './open.js';

/**
 * A consistent online copy through SQLite's backup API (safe while other
 * processes use the database), checked with integrity_check before it takes
 * the target's name. Mode 0600: it holds personal data.
 */
export async function backupDatabase(sqlite: Database.Database, target: string, options: { force?: boolean } = {}): Promise<{ path: string; pages: number }> {
  if (existsSync(target) && !options.force) {
    throw new ConflictError({ key: 'db.backup_exists', params: { path: target }, hintKey: 'db.backup_exists.hint' });
  }
  const temp = `${target}.partial-${process.pid}`;
  const previousUmask = process.umask(0o077);
  try {
    const { totalPages } = await sqlite.backup(temp);
    chmodSync(temp, 0o600);
    const problem = integrityProblem(temp);
    if (problem) throw new UnavailableError({ key: 'db.backup_failed', params: { path: target, reason: problem } });
    renameSync(temp, target);
    return { path: target, pages: totalPages };
  } finally {
    process.umask(previousUmask);
    // The integrity check's read-only connection may leave -shm/-wal beside the temp file.
    for (const leftover of [temp, `${temp}-shm`, `${temp}-wal`]) rmSync(leftover, { force: true });
  }
}

function integrityProblem(path: string): string | undefined {
  const copy = newSqlite(path, { readonly: true, fileMustExist: true });
  try {
    const rows = copy.pragma('integrity_check') as { integrity_check: string }[];
    const messages = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    return messages.length ? messages.join('; ') : undefined;
  } finally {
    copy.close();
  }
}
