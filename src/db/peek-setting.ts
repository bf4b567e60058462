import { statSync } from 'node:fs';

/**
 * One district setting read before any command is built (the language decides
 * how the help itself reads). Read-only, never creates or migrates the file,
 * and silent on any failure: a missing or unreadable database simply says
 * nothing, and the command that follows reports it properly.
 */
export async function peekSetting(path: string, key: string): Promise<string | undefined> {
  try {
    // A FIFO or device would block or mislead the open; only a regular file can hold settings.
    if (!statSync(path).isFile()) return undefined;
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(path, { readonly: true, fileMustExist: true, timeout: 200 });
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
