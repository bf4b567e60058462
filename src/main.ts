import { CommanderError } from 'commander';
import { EXIT, EXIT_FOR_KIND } from './cli/exit-codes.js';
import { nodeIo, type Io } from './cli/io.js';
import { styleFor, type Style } from './cli/style.js';
import { langCode, loadTranslator, pickLang, withTermLabels, type Lang, type Translate } from './cli/messages/index.js';
import { resolveDbLocation } from './db/location.js';
import { peekSetting } from './db/peek-setting.js';
import type { Prompter } from './cli/prompter.js';
import { safeErrorText } from './cli/output-guard.js';
import { databaseFailure } from './db/errors.js';
import { maskedParams } from './domain/privacy.js';
import { NuanxinError, UnavailableError, UsageError, ValidationError } from './errors.js';
import { buildProgram, commandWord, helpRequest } from './program.js';

/** `t`: the run's translator, when the caller has chosen the language already (main does, for its own messages). */
export type RunDeps = { io: Io; prompter?: Prompter; t?: Translate };

/** A global flag's value, read before commander parses (language and --debug shape the run itself). */
function peekFlag(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i]!.startsWith(`${flag}=`)) return argv[i]!.slice(flag.length + 1);
  }
  return undefined;
}

/** The run's language; the district's setting is read only when neither --lang nor NUANXIN_LANG decides. */
async function chooseLang(argv: string[], env: Io['env']): Promise<Lang> {
  const flag = peekFlag(argv, '--lang');
  if (langCode(flag) || langCode(env.NUANXIN_LANG)) return pickLang({ flag, env });
  const { path } = resolveDbLocation({ flag: peekFlag(argv, '--db'), env });
  return pickLang({ flag, env, setting: await peekSetting(path, 'lang') });
}

/**
 * Runs one nuanxin command and returns its exit code. The only place where
 * errors become messages and exit codes; nothing else calls process.exit.
 */
export async function run(argv: string[], deps: RunDeps): Promise<number> {
  const { io } = deps;
  const t = deps.t ?? (await loadTranslator(await chooseLang(argv, io.env)));
  const debug = argv.includes('--debug');
  const state = { exitCode: EXIT.ok };
  try {
    refuseUnusableArguments(argv);
    const program = await buildProgram({ io, t, prompter: deps.prompter, state }, { only: commandWord(argv) });
    // `nuanxin`, `nuanxin worker`, `nuanxin help worker list`: asking what there is, not a mistake; help on stdout, exit 0.
    const help = helpRequest(program, argv);
    if (help && 'unknown' in help) throw new UsageError({ key: 'commander.unknown_command', params: { name: help.unknown }, hintKey: 'help.list_commands' });
    if (help) {
      help.show.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (error) {
    const style = await styleFor(io.stderr, io.env, argv.includes('--no-color') ? false : undefined);
    return reportError(error, { io, t, debug, style });
  }
}

function reportError(error: unknown, props: { io: Io; t: Translate; debug: boolean; style: Style }): number {
  const { io, t, debug, style } = props;
  if (error instanceof CommanderError) {
    // commander has already printed its message (or the help).
    if (error.exitCode === 0) return EXIT.ok; // --help, --version, `nuanxin help`
    return EXIT.usage;
  }
  const known = error instanceof NuanxinError ? error : (databaseFailure(error) ?? systemFailure(error));
  if (known) {
    const params = withTermLabels(t, maskedParams(known.key, known.params), known.terms);
    io.stderr.write(`${style.error(`${t('error.prefix')}:`)} ${safeErrorText(t(known.key, params))}\n`);
    if (known.hintKey) io.stderr.write(`${t('hint.prefix')}: ${safeErrorText(t(known.hintKey, maskedParams(known.hintKey, known.params)))}\n`);
    if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return EXIT_FOR_KIND[known.kind];
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${style.error(`${t('error.prefix')}:`)} ${safeErrorText(t('internal', { message }))}\n`);
  if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write(`${t('hint.prefix')}: ${t('internal.hint')}\n`);
  return EXIT.internal;
}

/** Longer than any real name, note or path: a pasted file, not an answer. */
const ARGUMENT_LIMIT = 65_536;
// NUL, escape sequences, C1 controls and bidi overrides no clerk types (tab and line breaks are fine in a note).
const CONTROL_IN_ARGUMENT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Refused before anything runs (exit 2): such a value would be stored and later printed raw. */
function refuseUnusableArguments(argv: string[]): void {
  argv.forEach((arg, i) => {
    const reason = arg.length > ARGUMENT_LIMIT ? 'usage.argument_long' : CONTROL_IN_ARGUMENT.test(arg) ? 'usage.argument_control' : undefined;
    if (reason) throw new UsageError({ key: reason, params: { index: i + 1, limit: ARGUMENT_LIMIT } });
  });
}

/** A file-system error that escaped a command: about a path (exit 5), or the disk is full (exit 6). */
function systemFailure(error: unknown): NuanxinError | undefined {
  const { code, path } = (error ?? {}) as { code?: string; path?: string };
  if (!code || !/^E[A-Z]+$/.test(code)) return undefined;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') return new UnavailableError({ key: 'disk.full', params: { path: path ?? '' }, hintKey: 'disk.full.hint' });
  if (path) return new ValidationError({ key: 'file.error', params: { path, reason: code } });
  return undefined;
}

/** The process entry point used by bin/nuanxin.cjs. */
export { nodeIo };

// What a shell reports for a process ended by SIGPIPE: the reader left, the output was not all delivered.
const EXIT_STDOUT_CLOSED = 141;

export async function main(): Promise<void> {
  // `nuanxin worker list | head`: the reader left; stop quietly like any Unix filter, no stack trace.
  // A full disk or a closed descriptor behind stdout: the result was not delivered, so say so and fail.
  const io = nodeIo();
  const argv = process.argv.slice(2);
  const t = await loadTranslator(await chooseLang(argv, io.env));
  io.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' && process.exitCode !== 0 ? process.exitCode : EXIT_STDOUT_CLOSED);
    process.stderr.write(`nuanxin: ${t('stdout.failed', { reason: error.code ?? error.message })}\n`);
    process.exit(error.code === 'ENOSPC' || error.code === 'EDQUOT' || error.code === 'EFBIG' ? EXIT.unavailable : EXIT.internal);
  });
  // Node exits 0 when nothing is left to wait for, even with the command unfinished (a promise that never
  // settles): that must not pass for success with a cron job.
  let finished = false;
  process.once('beforeExit', () => {
    if (finished) return;
    process.stderr.write(`nuanxin: ${t('run.unfinished')}\n`);
    process.exitCode = EXIT.internal;
  });
  process.exitCode = await run(argv, { io, t });
  finished = true;
}
