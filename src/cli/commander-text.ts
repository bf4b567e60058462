import { Help, type Argument, type Command, type Option } from 'commander';
import type { Translate } from './messages/index.js';
import { displayWidth as terminalWidth } from './render.js';

/**
 * commander's own words (help headings, "display help for command", its
 * parse errors) in the run's language. commander has no message table, so
 * its help is restyled through the Help hooks it documents, and its errors —
 * fixed English sentences in the pinned major version — are matched here
 * and said again through the messages module.
 */
export function localiseCommander(program: Command, t: Translate): void {
  const titles: Record<string, string> = {
    'Usage:': t('help.usage'),
    'Options:': t('help.options'),
    'Commands:': t('help.commands'),
    'Arguments:': t('help.arguments'),
    'Global Options:': t('help.global_options'),
  };
  program
    .helpOption('-h, --help', t('opt.help'))
    .helpCommand('help [command]', t('opt.help_command'))
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      commandUsage: (cmd) => placeholders(base.commandUsage(cmd), t),
      subcommandTerm: (cmd) => placeholders(base.subcommandTerm(cmd), t),
      optionTerm: (option: Option) => placeholders(base.optionTerm(option), t),
      // The Arguments list names each bare (`code`), unlike usage lines (`<code>`).
      argumentTerm: (argument: Argument) => placeholders(`<${base.argumentTerm(argument)}>`, t).slice(1, -1),
      optionDescription: (option: Option) => extraInfo(base.optionDescription(option), t),
      argumentDescription: (argument: Argument) => extraInfo(base.argumentDescription(argument), t),
      displayWidth: (text: string) => displayWidth(text),
      boxWrap: (text: string, width: number) => boxWrap(text, width),
    });
}

// commander's own formatting, which the overrides above translate.
const base = new Help();

/** `<phone>`, `[options]`, `<phones...>` in usage lines and terms, in words the clerk reads. */
export function placeholders(text: string, t: Translate): string {
  return text.replace(/([<[])([A-Za-z][\w.-]*?)(\.\.\.)?([>\]])/g, (whole, open: string, name: string, dots = '', close: string) => {
    const key = `help.arg.${name}`;
    const word = t(key);
    return word === key ? whole : `${open}${word}${dots}${close}`;
  });
}

/** The `(choices: …, default: …)` tail commander appends to a description. */
function extraInfo(description: string, t: Translate): string {
  return description
    .replace(/\bchoices: /g, t('help.choices'))
    .replace(/\bdefault: /g, t('help.default'))
    .replace(/\bpreset: /g, t('help.preset'))
    .replace(/\benv: /g, t('help.env'));
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001B\[[0-9;]*m/g;

/** Columns on a terminal: commander counts characters, which misaligns Chinese help. */
function displayWidth(text: string): number {
  return terminalWidth(text.replace(ANSI, ''));
}

// A break may fall between any two Chinese characters (no spaces there), but not before closing punctuation.
const CHUNK = /\s*(?:[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60][，。、；：！？）》」』”’]*|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]+)/g;

/** commander's wrap, breaking Chinese text where Chinese breaks (it only breaks at spaces). */
export function boxWrap(text: string, width: number): string {
  if (width < 40) return text;
  return text
    .split(/\r\n|\n/)
    .map((line) => {
      const lines: string[] = [];
      let current = '';
      for (const chunk of line.match(CHUNK) ?? []) {
        if (current && displayWidth(current) + displayWidth(chunk) > width) {
          lines.push(current);
          current = chunk.trimStart();
        } else current += chunk;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

type Rule = { pattern: RegExp; key: string; names: string[] };

// commander 14's error sentences (lib/command.js); the capture groups are the values it names.
const RULES: Rule[] = [
  { pattern: /^error: unknown command '(.*)'$/, key: 'commander.unknown_command', names: ['name'] },
  { pattern: /^error: unknown option '(.*)'$/, key: 'commander.unknown_option', names: ['flag'] },
  { pattern: /^error: missing required argument '(.*)'$/, key: 'commander.missing_argument', names: ['argument'] },
  { pattern: /^error: option '(.*)' argument missing$/, key: 'commander.option_missing_argument', names: ['flag'] },
  { pattern: /^error: required option '(.*)' not specified$/, key: 'commander.missing_option', names: ['flag'] },
  { pattern: /^error: too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/, key: 'commander.excess_arguments', names: ['name', 'expected', 'received'] },
  { pattern: /^error: too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/, key: 'commander.excess_arguments_top', names: ['expected', 'received'] },
  { pattern: /^error: option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, key: 'commander.invalid_choice', names: ['flag', 'value', 'choices'] },
  {
    pattern: /^error: command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/s,
    key: 'commander.invalid_argument_choice',
    names: ['value', 'argument', 'choices'],
  },
  { pattern: /^error: option '(.*)' argument '(.*)' is invalid\.(?: (.*))?$/s, key: 'commander.invalid_value', names: ['flag', 'value', 'reason'] },
  { pattern: /^error: (?:option|environment variable) '(.*)' cannot be used with (?:option|environment variable) '(.*)'$/, key: 'commander.conflicting', names: ['a', 'b'] },
];

/** One commander error message (with its optional "Did you mean" line) in the run's language. */
export function localiseCommanderError(message: string, t: Translate): string {
  const [first = '', ...rest] = message.replace(/\n$/, '').split('\n');
  const rule = RULES.find((r) => r.pattern.test(first));
  const body = rule ? t(rule.key, paramsOf(rule, first, t)) : first.replace(/^error: /, '');
  const suggestion = rest.join('\n').match(/^\(Did you mean (?:one of )?(.*)\?\)$/);
  const tail = suggestion ? `\n${t('commander.did_you_mean', { suggestions: suggestion[1]! })}` : rest.length ? `\n${rest.join('\n')}` : '';
  return `${t('error.prefix')}: ${body}${tail}\n`;
}

function paramsOf(rule: Rule, line: string, t: Translate): Record<string, string> {
  const match = line.match(rule.pattern)!;
  return Object.fromEntries(
    rule.names.map((name, i) => {
      const value = match[i + 1] ?? '';
      // An argument is named bare (`phone-or-id`); everything else names it inside a term (`--db <path>`).
      return [name, name === 'argument' ? placeholders(`<${value}>`, t).slice(1, -1) : placeholders(value, t)];
    }),
  );
}
