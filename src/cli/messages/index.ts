import type { MessageParams } from '../../errors.js';
import { VOCABULARY, type Term, type VocabularyKind } from '../../domain/vocabulary.js';
import { enCommands } from './en-commands.js';
import { enProgramme } from './en-programme.js';
import { enReports } from './en-reports.js';
import { en as enCore } from './en.js';
import { enSafety } from './en-safety.js';
import { enCli } from './en-cli.js';
import { enOffice } from './en-office.js';
import { enAccess } from './en-access.js';

type Table = Readonly<Record<string, string>>;

// Looked up table by table, never merged: merging ~2,000 keys (and every closed list's labels) cost
// each start-up several milliseconds, and a clerk's command needs a dozen of them.
const EN: Table[] = [enCore, enCommands, enReports, enProgramme, enSafety, enCli, enOffice, enAccess];

/** `term.<kind>.<code>`: the vocabulary's English label, or its first Chinese word; undefined for any other key. */
function termText(lang: Lang, key: string): string | undefined {
  if (!key.startsWith('term.')) return undefined;
  const dot = key.indexOf('.', 5);
  const kind = key.slice(5, dot);
  if (dot < 0 || !Object.hasOwn(VOCABULARY, kind)) return undefined;
  const term = (VOCABULARY as Record<string, Term[]>)[kind]!.find((t) => t.code === key.slice(dot + 1));
  return term && (lang === 'en' ? term.en : term.zh[0]);
}

function lookup(tables: Table[], lang: Lang, key: string): string | undefined {
  for (const table of tables) if (Object.hasOwn(table, key)) return table[key];
  return termText(lang, key);
}

/** Every key of `tables`, with the closed lists' labels (for the tests that compare the languages). */
function merged(tables: Table[], lang: Lang): Record<string, string> {
  const terms = (Object.entries(VOCABULARY) as [string, Term[]][]).flatMap(([kind, list]) => list.map((t) => `term.${kind}.${t.code}`));
  const out: Record<string, string> = Object.assign({}, ...tables);
  for (const key of terms) out[key] = termText(lang, key)!;
  return out;
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
  return lang === 'en' ? translator() : translatorOver(await chineseTables(), 'zh');
}

async function chineseTables(): Promise<Table[]> {
  const [{ zh }, { zhCommands }, { zhReports }, { zhProgramme }, { zhSafety }, { zhCli }, { zhOffice }, { zhAccess }] = await Promise.all([
    import('./zh.js'),
    import('./zh-commands.js'),
    import('./zh-reports.js'),
    import('./zh-programme.js'),
    import('./zh-safety.js'),
    import('./zh-cli.js'),
    import('./zh-office.js'),
    import('./zh-access.js'),
  ]);
  return [zh, zhCommands, zhReports, zhProgramme, zhSafety, zhCli, zhOffice, zhAccess];
}

/** Every Chinese text, by key, with the closed lists' labels (the tests compare it key by key with the English one). */
export async function chineseTable(): Promise<Record<string, string>> {
  return merged(await chineseTables(), 'zh');
}

/** Every English text, by key, with the closed lists' labels. */
export function englishTable(): Record<string, string> {
  return merged(EN, 'en');
}

/** A translator over `table`, falling back to English for keys it lacks (a test keeps the tables equal). */
export function translator(table?: Record<string, string>): Translate {
  return table ? translatorOver([table], 'zh') : translatorOver([], 'en');
}

function translatorOver(tables: Table[], lang: Lang): Translate {
  const say = (key: string) => lookup(tables, lang, key) ?? lookup(EN, 'en', key);
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
