import type { MessageParams } from '../../errors.js';
import { VOCABULARY, type Term, type VocabularyKind } from '../../domain/vocabulary.js';
import { enCommands } from './en-commands.js';
import { enProgramme } from './en-programme.js';
import { enReports } from './en-reports.js';
import { en as enCore } from './en.js';
import { enSafety } from './en-safety.js';
import { enCli } from './en-cli.js';

const en: Record<string, string> = { ...enCore, ...enCommands, ...enReports, ...enProgramme, ...enSafety, ...enCli, ...termTable('en') };

/** `term.<kind>.<code>` for every closed list: the vocabulary's English label, or its first Chinese word. */
function termTable(lang: Lang): Record<string, string> {
  return Object.fromEntries(
    (Object.entries(VOCABULARY) as [string, Term[]][]).flatMap(([kind, terms]) => terms.map((t) => [`term.${kind}.${t.code}`, lang === 'en' ? t.en : t.zh[0]!])),
  );
}

/** A stored code as the reader says it: `rider` → 外卖骑手 (zh) or food-delivery rider (en); an unknown code as is. */
export function termLabel(t: Translate, kind: VocabularyKind, code: string | null | undefined): string {
  if (code === null || code === undefined) return '';
  const key = `term.${kind}.${code}`;
  const label = t(key);
  return label === key ? code : label;
}

export type Lang = 'en' | 'zh';
export type Translate = (key: string, params?: MessageParams) => string;

/** What can say which language to speak, strongest first. */
export type LangSources = { flag?: string; env: Record<string, string | undefined>; setting?: string };

/**
 * Chosen once per run: --lang, else NUANXIN_LANG, else the district's
 * `config set lang`, else the locale (LC_ALL, LC_MESSAGES, LANG; zh_* → zh,
 * en_* → en; C, POSIX and other locales say nothing), else Chinese.
 */
export function pickLang(sources: LangSources): Lang {
  const stated = [sources.flag, sources.env.NUANXIN_LANG, sources.setting].map(langCode).find(Boolean);
  if (stated) return stated;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const fromLocale = localeLang(sources.env[name]);
    if (fromLocale) return fromLocale;
  }
  return 'zh';
}

/** `zh`, `en` (any case, surrounding blanks ignored); anything else says nothing. */
export function langCode(value: string | undefined): Lang | undefined {
  const code = value?.trim().toLowerCase();
  return code === 'zh' || code === 'en' ? code : undefined;
}

function localeLang(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (/^zh([_.@-]|$)/i.test(locale)) return 'zh';
  if (/^en([_.@-]|$)/i.test(locale)) return 'en';
  return undefined;
}

/** The Chinese tables load only when Chinese is spoken (an English run need not parse them). */
export async function loadTranslator(lang: Lang): Promise<Translate> {
  if (lang === 'en') return translator(en);
  return translator(await chineseTable());
}

/** Every Chinese table, merged (the tests compare it key by key with the English one). */
export async function chineseTable(): Promise<Record<string, string>> {
  const [{ zh }, { zhCommands }, { zhReports }, { zhProgramme }, { zhSafety }, { zhCli }] = await Promise.all([
    import('./zh.js'),
    import('./zh-commands.js'),
    import('./zh-reports.js'),
    import('./zh-programme.js'),
    import('./zh-safety.js'),
    import('./zh-cli.js'),
  ]);
  return { ...zh, ...zhCommands, ...zhReports, ...zhProgramme, ...zhSafety, ...zhCli, ...termTable('zh') };
}

/** Every English text, by key. */
export const englishTable: Readonly<Record<string, string>> = en;

/** A translator over `table`, falling back to English for keys it lacks (a test keeps the tables equal). */
export function translator(table: Record<string, string> = en): Translate {
  const say = (key: string) => table[key] ?? en[key];
  return (key, params = {}) => {
    const template = say(key) ?? key;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined) return '';
      // A field is named by its stored name (`joined_on`); the reader gets its label (加入日期).
      if (name === 'field' && typeof value === 'string') return say(`field.${value}`) ?? value;
      return String(value);
    });
  };
}

/** Codes named in an error (`listed`, `claimed,cancelled`) as the reader says them (已发布; 已认领、已取消). */
export function withTermLabels(t: Translate, params: MessageParams, terms: Record<string, string> | undefined): MessageParams {
  if (!terms) return params;
  const labelled = { ...params };
  for (const [name, kind] of Object.entries(terms)) {
    const codes = String(params[name] ?? '')
      .split(',')
      .filter(Boolean);
    labelled[name] = codes.length ? codes.map((code) => termLabel(t, kind as VocabularyKind, code)).join(t('list.separator')) : t('list.none');
  }
  return labelled;
}
