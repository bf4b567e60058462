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
