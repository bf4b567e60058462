import type { MessageParams } from '../../errors.js';
import { enCommands } from './en-commands.js';
import { enProgramme } from './en-programme.js';
import { enReports } from './en-reports.js';
import { en as enCore } from './en.js';
import { zhCommands } from './zh-commands.js';
import { zh as zhCore } from './zh.js';

const en: Record<string, string> = { ...enCore, ...enCommands, ...enReports, ...enProgramme };
const zh: Record<string, string> = { ...zhCore, ...zhCommands };

export type Lang = 'en' | 'zh';
export type Translate = (key: string, params?: MessageParams) => string;

/** --lang, else LC_ALL / LC_MESSAGES / LANG (zh_* → Chinese), else English. */
export function pickLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

export function translator(lang: Lang): Translate {
  const table = lang === 'zh' ? zh : en;
  return (key, params = {}) => {
    const template = table[key] ?? en[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return value === undefined ? '' : String(value);
    });
  };
}

export function hasMessage(key: string): boolean {
  return key in en;
}
