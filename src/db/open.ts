import { isServerUrl } from './location.js';
import type { OpenDb } from './port.js';
import { openSqlite } from './sqlite/open.js';

export type { OpenDb } from './port.js';
export { openSqlite } from './sqlite/open.js';

/** Milliseconds a writer waits for another's lock before giving up (exit 6). */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the database `location` names: a PostgreSQL server for a
 * `postgres://` URL, else a SQLite file. `create: false` (every command but
 * `init`) refuses a missing file, so a typo in --db never silently creates an
 * empty database; on a server, `init` creates the schema in an empty database.
 * `district`: on a server, the district every statement of the session is kept to (`--district`).
 */
export async function openDatabase(props: { path: string; create: boolean; busyTimeoutMs?: number; district?: string }): Promise<OpenDb> {
  const busyTimeoutMs = props.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  // Loaded only when a server is named: a SQLite clerk's start-up never pays for the pg driver.
  if (isServerUrl(props.path)) return (await import('./postgres/open.js')).openPostgres({ url: props.path, busyTimeoutMs, district: props.district });
  return openSqlite({ ...props, busyTimeoutMs });
}
