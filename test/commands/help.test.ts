// Help is part of the product: every command has a real description, examples that are valid
// commands, and an exact entry in the README. (Counted apart from the behaviour tests: the "help" project.)
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { buildProgram } from '../../src/program.js';
import { translator } from '../../src/cli/messages/index.js';

function allCommands(cmd: Command, prefix: string[] = []): { path: string; cmd: Command }[] {
  return cmd.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [{ path: path.join(' '), cmd: sub }, ...allCommands(sub, path)];
  });
}

const quietIo = () => ({ stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {} });
const program = await buildProgram({ io: quietIo(), t: translator(), state: { exitCode: 0 } });
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const commands = allCommands(program);
const leaves = commands.filter((c) => c.cmd.commands.length === 0);

function helpOf(cmd: Command): string {
  let out = '';
  cmd.configureOutput({ writeOut: (s) => (out += s) });
  cmd.outputHelp();
  return out;
}

/** The example lines under "Examples:" in a command's help. */
function examplesOf(cmd: Command): string[] {
  const help = helpOf(cmd);
  const at = help.indexOf('Examples:');
  if (at === -1) return [];
  return help
    .slice(at + 'Examples:'.length)
    .replace(/^\s*\n/, '')
    .split(/\n\s*\n/)[0]!
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map(commandOfExample);
}

/** An example line as the command it runs: leading `NAME=value` settings and a `source <(…)` wrapper dropped. */
function commandOfExample(line: string): string {
  const inner = /^source <\((.*)\)$/.exec(line)?.[1] ?? line;
  return inner.replace(/^(?:[A-Z_][A-Z0-9_]*=\S*\s+)+/, '');
}

/** A shell line as argv: quotes honoured; a comment, pipe or redirection ends the command. */
function argvOf(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let quote: string | undefined;
  let inWord = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) args.push(current);
      current = '';
      inWord = false;
    } else if ('#|<>;&'.includes(ch) && !inWord) {
      break;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) args.push(current);
  return args.slice(1); // without "nuanxin"
}

/** Parses argv against the real command tree with every action stubbed: unknown commands, flags or values throw. */
async function parses(argv: string[]): Promise<void> {
  const tree = await buildProgram({ io: quietIo(), t: translator(), state: { exitCode: 0 } });
  for (const { cmd } of allCommands(tree)) {
    cmd.exitOverride();
    cmd.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
    if (cmd.commands.length === 0) cmd.action(() => undefined);
  }
  tree.exitOverride();
  await tree.parseAsync(argv, { from: 'user' });
}

describe('help is part of the product', () => {
  it.each(commands.map((c) => [c.path, c.cmd] as const))('%s has a description and its own entry in the README', (path, cmd) => {
    expect(cmd.description()).not.toMatch(/^cmd\./);
    expect(cmd.description().length).toBeGreaterThan(10);
    // Exact: `nuanxin wish list` is not satisfied by `nuanxin wish list-publish`.
    const escaped = path.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&');
    expect(readme).toMatch(new RegExp(`nuanxin ${escaped}(?![\\w-])`));
  });

  it.each(leaves.map((c) => [c.path, c.cmd] as const))('%s shows examples, each a valid command of its own', async (path, cmd) => {
    const examples = examplesOf(cmd);
    expect(examples.length).toBeGreaterThan(0);
    for (const line of examples) {
      expect(line.startsWith('nuanxin '), `${path}: an example that is not a nuanxin command: ${line}`).toBe(true);
      await expect(parses(argvOf(line)), `${path}: ${line}`).resolves.toBeUndefined();
    }
  });

  it('a wrong example is caught (the check above can fail)', async () => {
    await expect(parses(['points', 'award', '13800138000', '--rulez', 'errand'])).rejects.toThrow();
    await expect(parses(['points', 'award'])).rejects.toThrow();
    await expect(parses(['points', 'awardx'])).rejects.toThrow();
    // Examples written with settings or inside `source <(…)` are checked as the command they run.
    expect(commandOfExample('NUANXIN_DB=/tmp/x.db LANG=C nuanxin db path --json')).toBe('nuanxin db path --json');
    expect(commandOfExample('source <(nuanxin completion bash)')).toBe('nuanxin completion bash');
    expect(commandOfExample('echo hi')).toBe('echo hi');
  });
});
