import type { MessageParams } from '../../errors.js';
import { enCommands } from './en-commands.js';
import { enProgramme } from './en-programme.js';
import { enReports } from './en-reports.js';
import { en as enCore } from './en.js';
import { enSafety } from './en-safety.js';

const en: Record<string, string> = { ...enCore, ...enCommands, ...enReports, ...enProgramme, ...enSafety };

export type Lang = 'en' | 'zh';
export type Translate = (key: string, params?: MessageParams) => string;

/** --lang, else LC_ALL / LC_MESSAGES / LANG (zh_* → Chinese), else English. */
export function pickLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** The Chinese tables load only when Chinese is asked for (start-up is the everyday speed). */
export async function loadTranslator(lang: Lang): Promise<Translate> {
  if (lang === 'en') return translator(en);
  const [{ zh }, { zhCommands }, { zhSafety }] = await Promise.all([import('./zh.js'), import('./zh-commands.js'), import('./zh-safety.js')]);
  return translator({ ...zh, ...zhCommands, ...zhSafety });
}

/** A translator over `table`, falling back to English for keys it lacks. */
export function translator(table: Record<string, string> = en): Translate {
  return (key, params = {}) => {
    const template = table[key] ?? en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return value === undefined ? '' : String(value);
    });
  };
}
