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

const program = await buildProgram({
  io: { stdout: new PassThrough(), stderr: new PassThrough(), stdin: new PassThrough(), env: {} },
  t: translator(),
  state: { exitCode: 0 },
});
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const commands = allCommands(program);

describe('help is part of the product', () => {
  it.each(commands.map((c) => [c.path, c.cmd] as const))('%s has a description and is in the README', (path, cmd) => {
    expect(cmd.description()).not.toMatch(/^cmd\./);
    expect(cmd.description().length).toBeGreaterThan(10);
    expect(readme).toContain(`nuanxin ${path}`);
  });

  it.each(commands.filter((c) => c.cmd.commands.length === 0).map((c) => [c.path, c.cmd] as const))('%s shows examples', (_path, cmd) => {
    let out = '';
    cmd.configureOutput({ writeOut: (s) => (out += s) });
    cmd.outputHelp();
    expect(out).toContain('Examples:');
  });
});
