import type Database from 'better-sqlite3';
import { closeSync, existsSync, renameSync } from 'node:fs';
import { ConflictError, UnavailableError } from '../../errors.js';
import { checkOutputTarget, createTemp, dropTemp, fileError, MODE_PERSONAL, type OutputGuard } from '../../files/output-file.js';
import { newSqlite } from './open.js';

/**
 * A consistent online copy through SQLite's backup API (safe while other
 * processes use the database), checked with integrity_check before it takes
 * the target's name. Mode 0600: it holds personal data. The target is refused
 * if it is the live database, a directory or not a regular file.
 */
export async function backupDatabase(sqlite: Database.Database, target: string, options: { force?: boolean; guard: OutputGuard }): Promise<{ path: string; pages: number }> {
  checkOutputTarget(target, options.guard);
  if (existsSync(target) && !options.force) {
    throw new ConflictError({ key: 'db.backup_exists', params: { path: target }, hintKey: 'db.backup_exists.hint' });
  }
  // Created empty with O_EXCL first, so the backup writes into a file of ours, never through a planted link.
  const { temp, fd } = createTemp(target, MODE_PERSONAL);
  closeSync(fd);
  try {
    const { totalPages } = await sqlite.backup(temp);
    const problem = integrityProblem(temp);
    if (problem) throw new UnavailableError({ key: 'db.backup_failed', params: { path: target, reason: problem } });
    renameSync(temp, target);
    return { path: target, pages: totalPages };
  } catch (error) {
    throw fileError(error, target);
  } finally {
    // The integrity check's read-only connection may leave -shm/-wal beside the temp file.
    dropTemp(temp, true);
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
