import { isServerUrl } from './location.js';
import { peekSqliteSetting } from './sqlite/peek-setting.js';

/**
 * One district setting read before any command is built (the language decides
 * how the help itself reads), silent on any failure. A server is not asked:
 * connecting before every `--help` would make it wait on the network; there the
 * language comes from --lang, NUANXIN_LANG or the locale.
 */
export function peekSetting(location: string, key: string): string | undefined {
  return isServerUrl(location) ? undefined : peekSqliteSetting(location, key);
}
