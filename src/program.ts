import { Command, Option } from 'commander';
import { localiseCommander, localiseCommanderError } from './cli/commander-text.js';
import { safeErrorText } from './cli/output-guard.js';
import type { Deps } from './cli/command.js';
import { registerAudit } from './commands/audit.js';
import { registerInit } from './commands/init.js';
import { registerCompletion } from './commands/completion.js';
import { describe } from './cli/command.js';

export const VERSION = '0.1.0';

/** A noun's group command (`nuanxin station …`) and how to fill in its verbs. */
type Group = { name: string; verbs: () => Promise<((parent: Command, deps: Deps) => void)[]> };

const GROUPS: Group[] = [
  { name: 'db', verbs: async () => (await import('./commands/db/index.js')).verbs },
  { name: 'community', verbs: async () => (await import('./commands/community/index.js')).verbs },
  { name: 'station', verbs: async () => (await import('./commands/station/index.js')).verbs },
  { name: 'worker', verbs: async () => (await import('./commands/worker/index.js')).verbs },
  { name: 'points', verbs: async () => (await import('./commands/points/index.js')).verbs },
  { name: 'team', verbs: async () => (await import('./commands/team/index.js')).verbs },
  { name: 'gift', verbs: async () => (await import('./commands/gift/index.js')).verbs },
  { name: 'unit', verbs: async () => (await import('./commands/unit/index.js')).verbs },
  { name: 'action', verbs: async () => (await import('./commands/action/index.js')).verbs },
  { name: 'target', verbs: async () => (await import('./commands/target/index.js')).verbs },
  { name: 'sponsor', verbs: async () => (await import('./commands/sponsor/index.js')).verbs },
  { name: 'wish', verbs: async () => (await import('./commands/wish/index.js')).verbs },
  { name: 'event', verbs: async () => (await import('./commands/event/index.js')).verbs },
  { name: 'childcare', verbs: async () => (await import('./commands/childcare/index.js')).verbs },
  { name: 'housing', verbs: async () => (await import('./commands/housing/index.js')).verbs },
  { name: 'dispute', verbs: async () => (await import('./commands/dispute/index.js')).verbs },
  { name: 'care', verbs: async () => (await import('./commands/care/index.js')).verbs },
  { name: 'visit', verbs: async () => (await import('./commands/visit/index.js')).verbs },
  { name: 'opinion', verbs: async () => (await import('./commands/opinion/index.js')).verbs },
  { name: 'publicity', verbs: async () => (await import('./commands/publicity/index.js')).verbs },
  { name: 'fund', verbs: async () => (await import('./commands/fund/index.js')).verbs },
  { name: 'merchant', verbs: async () => (await import('./commands/merchant/index.js')).verbs },
  { name: 'district', verbs: async () => (await import('./commands/district/index.js')).verbs },
  { name: 'account', verbs: async () => (await import('./commands/account/index.js')).verbs },
  { name: 'config', verbs: async () => (await import('./commands/config/index.js')).verbs },
  { name: 'report', verbs: async () => (await import('./commands/report/index.js')).verbs },
];

const OPTIONS_WITH_VALUES = new Set(['--db', '--lang', '--operator', '--district']);

/** The command word a run is for (`station` in `nuanxin --db x station list`), skipping global options. */
export function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (OPTIONS_WITH_VALUES.has(token)) i += 1;
    else if (!token.startsWith('-')) return token === 'help' ? argv[i + 1] : token;
  }
  return undefined;
}

/**
 * What a run asks to be shown instead of run, read from its words in one pass:
 * a group without a verb (`nuanxin`, `nuanxin worker`), `nuanxin help worker
 * list`, or the word no command has when help is asked of it (`help nosuch`,
 * `worker edit --help`, where commander would show the worker help and exit 0).
 * Undefined when commander should judge the line itself (a verb, a bad
 * option value, an option the group does not take).
 */
export function helpRequest(program: Command, argv: string[]): { show: Command } | { unknown: string } | undefined {
  let current = program;
  let helpWord = false;
  // Asked anywhere on the line (`worker edit --help`), before any `--`.
  const words = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  const helpFlag = words.includes('--help') || words.includes('-h');
  let otherOption = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return undefined;
    if (OPTIONS_WITH_VALUES.has(token)) {
      // A value missing, or a language nuanxin does not speak: commander's refusal, not the help.
      if (i + 1 >= argv.length || (token === '--lang' && !['zh', 'en'].includes(argv[i + 1]!))) return undefined;
      i += 1;
    } else if (token.startsWith('--lang=') && !['zh', 'en'].includes(token.slice(7))) return undefined;
    else if (token === '--help' || token === '-h') continue;
    else if (GLOBAL_FLAGS.has(token) || /^--(db|lang|operator)=/.test(token)) continue;
    else if (token.startsWith('-')) otherOption = true;
    else if (current.commands.length === 0)
      break; // a verb's own arguments
    else if (token === 'help') helpWord = true;
    else {
      const next = current.commands.find((c) => c.name() === token || c.aliases().includes(token));
      if (!next) return helpWord || helpFlag ? { unknown: token } : undefined;
      current = next;
    }
  }
  if (helpWord) return { show: current };
  if (helpFlag || otherOption) return undefined;
  return current.commands.length > 0 && !hasAction(current) ? { show: current } : undefined;
}

const GLOBAL_FLAGS = new Set(['--yes', '--no-color', '--debug', '--quiet', '--verbose']);

// commander keeps a command's handler private; a group is a command without one.
function hasAction(cmd: Command): boolean {
  return Boolean((cmd as unknown as { _actionHandler?: unknown })._actionHandler);
}

/**
 * The command tree. Subcommands are made with .command() so they inherit
 * exitOverride/configureOutput. `only` fills in just the verbs of the group
 * being run: start-up is the tool's everyday speed, and building every
 * verb's options costs milliseconds no run needs.
 */
export async function buildProgram(deps: Deps, options: { only?: string } = {}): Promise<Command> {
  const { io, t } = deps;
  const program = new Command('nuanxin');
  localiseCommander(program, t);
  program
    .description(t('program.description'))
    .version(VERSION, '-V, --version', t('opt.version'))
    .option('--db <path>', t('opt.db'))
    .addOption(new Option('--lang <lang>', t('opt.lang')).choices(['zh', 'en']))
    .option('--operator <name>', t('opt.operator'))
    .option('--district <name>', t('opt.district'))
    .option('--yes', t('opt.yes'))
    .option('--no-color', t('opt.color'))
    .option('--debug', t('opt.debug'))
    .addOption(new Option('--quiet', t('opt.quiet')).conflicts('verbose'))
    .option('--verbose', t('opt.verbose'))
    .showHelpAfterError(t('help.after_error'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(safeErrorText(s)),
      outputError: (s, write) => write(localiseCommanderError(s, t)),
    });

  registerInit(program, deps);
  registerAudit(program, deps);
  registerCompletion(program, deps);
  for (const { name, verbs } of GROUPS) {
    const group = describe(program.command(name), t, name);
    if (options.only === undefined || options.only === name) for (const register of await verbs()) register(group, deps);
  }
  return program;
}

/** A command line as the verb it names would receive it: path (`points rule add`), options, arguments. */
export type ParsedCommandLine = { command: string; opts: Record<string, unknown>; args: string[] };

/**
 * Parses `argv` against the real tree (only the group it names, as a run does)
 * without running anything: no database is opened, nothing is written. For
 * table-driven tests of the flag → options mapping. A refused line throws what
 * a run would report (a UsageError, or commander's error after its message).
 */
export async function parseCommandLine(argv: string[], deps: Pick<Deps, 'io' | 't'>): Promise<ParsedCommandLine | undefined> {
  let parsed: ParsedCommandLine | undefined;
  const capture = (command: string, opts: unknown, args: string[]) => {
    parsed = { command, opts: { ...(opts as Record<string, unknown>) }, args };
  };
  const program = await buildProgram({ ...deps, state: { exitCode: 0 }, capture }, { only: commandWord(argv) });
  await program.parseAsync(argv, { from: 'user' });
  return parsed;
}
