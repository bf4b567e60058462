import { homedir } from 'node:os';
import { join } from 'node:path';

export type DbLocation = { path: string; source: 'flag' | 'env' | 'default' };

/** --db PATH, else NUANXIN_DB, else a per-user default under the XDG data dir. */
export function resolveDbLocation(props: { flag?: string; env: NodeJS.ProcessEnv }): DbLocation {
  if (props.flag) return { path: props.flag, source: 'flag' };
  if (props.env.NUANXIN_DB) return { path: props.env.NUANXIN_DB, source: 'env' };
  return { path: defaultDbPath(props.env), source: 'default' };
}

function defaultDbPath(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32' && env.LOCALAPPDATA) {
    return join(env.LOCALAPPDATA, 'nuanxin', 'nuanxin.db');
  }
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(dataHome, 'nuanxin', 'nuanxin.db');
}

/** A PostgreSQL server (`postgres://…` or `postgresql://…`) rather than a SQLite file. */
export function isServerUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

// Parameters of a connection URL that hold a secret.
const SECRET_PARAMS = /^(password|sslpassword|sslkey)$/i;

/**
 * The location as a person may read it: a server URL loses its password
 * (in the authority and in `?password=`); a file path is returned as it is.
 * Used for every output, message and audit line that names the database.
 */
export function displayLocation(location: string): string {
  if (!isServerUrl(location)) return location;
  try {
    const url = new URL(location);
    if (url.password) url.password = '';
    for (const key of [...url.searchParams.keys()]) if (SECRET_PARAMS.test(key)) url.searchParams.delete(key);
    return url.toString().replace(/:@/, '@');
  } catch {
    // Unparseable: show only the scheme, never what might be a password.
    return location.replace(/^(postgres(ql)?:\/\/).*$/i, '$1…');
  }
}
