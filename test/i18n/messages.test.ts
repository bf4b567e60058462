// Chinese first: every English text has Chinese (and the reverse), placeholders agree, and no Chinese
// text is English in disguise. The help of every command, read in Chinese, holds no English word
// beyond flags, placeholders, codes a clerk types and file formats.
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { chineseTable, englishTable as englishTableOf, langCode, pickLang, translator } from '../../src/cli/messages/index.js';
import { VOCABULARY } from '../../src/domain/vocabulary.js';
import { buildProgram } from '../../src/program.js';
import { commandWords, englishWords } from './english-words.js';

const zh = await chineseTable();
const englishTable = englishTableOf();
const placeholdersOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const CODES = Object.values(VOCABULARY).flatMap((terms) => terms.map((t) => t.code));

describe('message tables', () => {
  it('every English key has Chinese text, and every Chinese key an English one', () => {
    expect(Object.keys(englishTable).filter((k) => !(k in zh))).toEqual([]);
    expect(Object.keys(zh).filter((k) => !(k in englishTable))).toEqual([]);
  });

  it('the two languages name the same placeholders in every message', () => {
    const differing = Object.keys(englishTable).filter((k) => k in zh && placeholdersOf(englishTable[k]!).join() !== placeholdersOf(zh[k]!).join());
    expect(differing).toEqual([]);
  });

  it('no Chinese text is left in English (examples are command lines, and stay as typed)', () => {
    const program = new Set(['nuanxin', 'sha256', 'utf-8', 'gb18030', 'utf-16le', 'Asia/Shanghai', 'Shanghai', 'Asia', 'program', 'programme', 'end_of_following_year', 'off']);
    const english = Object.entries(zh)
      .filter(([key]) => !key.startsWith('ex.') && !key.startsWith('help.arg.'))
      .map(([key, text]) => [key, englishWords(text, [...CODES, ...program, ...settingKeys()])] as const)
      .filter(([, words]) => words.length > 0);
    expect(english).toEqual([]);
  });
});

function settingKeys(): string[] {
  return ['wishes.claim_days', 'wishes.stale_days', 'points.expiry', 'lang', 'claim_days', 'stale_days', 'wishes', 'points', 'expiry'];
}

describe('the language is chosen once', () => {
  const env = (vars: Record<string, string>) => vars;
  it.each([
    [{ flag: 'en', env: env({ NUANXIN_LANG: 'zh', LANG: 'zh_CN.UTF-8' }), setting: 'zh' }, 'en'],
    [{ env: env({ NUANXIN_LANG: 'en', LANG: 'zh_CN.UTF-8' }), setting: 'zh' }, 'en'],
    [{ env: env({ LANG: 'en_US.UTF-8' }), setting: 'zh' }, 'zh'],
    [{ env: env({ LANG: 'zh_CN.UTF-8' }), setting: 'en' }, 'en'],
    [{ env: env({ LANG: 'zh_CN.UTF-8' }), setting: 'auto' }, 'zh'],
    [{ env: env({ LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }) }, 'zh'],
    [{ env: env({ LC_MESSAGES: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' }) }, 'en'],
    [{ env: env({ LANG: 'en_US.UTF-8' }) }, 'en'],
    [{ env: env({ LANG: 'C' }) }, 'zh'],
    [{ env: env({ LC_ALL: 'POSIX' }) }, 'zh'],
    [{ env: env({ LANG: 'C.UTF-8' }) }, 'zh'],
    [{ env: env({}) }, 'zh'],
    [{ env: env({ NUANXIN_LANG: 'fr', LANG: 'en_US.UTF-8' }) }, 'en'],
  ])('%j → %s', (sources, lang) => {
    expect(pickLang(sources)).toBe(lang);
  });

  it('reads zh and en in any case, with blanks; anything else says nothing', () => {
    expect([langCode(' ZH '), langCode('En'), langCode('zh_CN'), langCode(undefined)]).toEqual(['zh', 'en', undefined, undefined]);
  });
});

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((sub) => [sub, ...allCommands(sub)]);
}

function helpOf(cmd: Command): string {
  let out = '';
  cmd.configureOutput({ writeOut: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

describe('help in Chinese', async () => {
  const io = { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {} };
  const program = await buildProgram({ io, t: translator(zh), state: { exitCode: 0 } });
  const allowed = [...commandWords(program), ...CODES, ...settingKeys(), 'end_of_following_year', 'off', 'Asia/Shanghai', 'Asia', 'Shanghai', 'program'];
  const commands = [program, ...allCommands(program)];

  it.each(commands.map((cmd) => [cmd.name() === 'nuanxin' ? 'nuanxin' : fullName(cmd), cmd] as const))('%s --help has no English word', (_name, cmd) => {
    expect(englishWords(helpOf(cmd), allowed)).toEqual([]);
  });

  it('headings, the help option and usage words are Chinese', () => {
    const help = helpOf(program);
    expect(help).toMatch(/^用法： nuanxin \[选项\] \[命令\]/);
    expect(help).toContain('选项：');
    expect(help).toContain('命令：');
    expect(help).toContain('显示命令帮助');
    expect(help).not.toMatch(/Usage:|Options:|Commands:|display help/);
  });
});

function fullName(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}
