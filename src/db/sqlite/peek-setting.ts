import { statSync } from 'node:fs';
import { newSqlite } from './open.js';

/**
 * One district setting read before any command is built (the language decides
 * how the help itself reads). Read-only, never creates or migrates the file,
 * and silent on any failure: a missing or unreadable database simply says
 * nothing, and the command that follows reports it properly.
 */
export function peekSqliteSetting(path: string, key: string): string | undefined {
  try {
    // A FIFO or device would block or mislead the open; only a regular file can hold settings.
    if (!statSync(path).isFile()) return undefined;
    const db = newSqlite(path, { readonly: true, fileMustExist: true, timeout: 200 });
    try {
      const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value?: unknown } | undefined;
      return typeof row?.value === 'string' ? row.value : undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}
