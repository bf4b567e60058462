import { isServerUrl } from './location.js';
import { peekSqliteSetting } from './sqlite/peek-setting.js';

/**
 * One district setting read before any command is built (the language decides
 * how the help itself reads). Read-only, never creates or migrates anything,
 * and silent on any failure: a missing or unreachable database simply says
 * nothing, and the command that follows reports it properly.
 */
export async function peekSetting(location: string, key: string): Promise<string | undefined> {
  return isServerUrl(location) ? (await import('./postgres/peek-setting.js')).peekServerSetting(location, key) : peekSqliteSetting(location, key);
}
