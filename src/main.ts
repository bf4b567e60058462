import { CommanderError } from 'commander';
import { EXIT, EXIT_FOR_KIND } from './cli/exit-codes.js';
import { nodeIo, type Io } from './cli/io.js';
import { styleFor, type Style } from './cli/style.js';
import { loadTranslator, pickLang, type Translate } from './cli/messages/index.js';
import type { Prompter } from './cli/prompter.js';
import { isBusyError } from './db/open.js';
import { NuanxinError, UnavailableError } from './errors.js';
import { buildProgram, commandWord } from './program.js';

export type RunDeps = { io: Io; prompter?: Prompter };

/** A global flag's value, read before commander parses (language and --debug shape the run itself). */
function peekFlag(argv: string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--') break;
    if (argv[i] === flag) return argv[i + 1];
    if (argv[i]!.startsWith(`${flag}=`)) return argv[i]!.slice(flag.length + 1);
  }
  return undefined;
}

/**
 * Runs one nuanxin command and returns its exit code. The only place where
 * errors become messages and exit codes; nothing else calls process.exit.
 */
export async function run(argv: string[], deps: RunDeps): Promise<number> {
  const { io } = deps;
  const t = await loadTranslator(pickLang(peekFlag(argv, '--lang'), io.env));
  const debug = argv.includes('--debug');
  const state = { exitCode: EXIT.ok };
  try {
    const program = await buildProgram({ io, t, prompter: deps.prompter, state }, { only: commandWord(argv) });
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
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
    return EXIT.usage;
  }
  const known =
    error instanceof NuanxinError
      ? error
      : isBusyError(error)
        ? new UnavailableError({ key: 'db.busy', params: { path: '' }, hintKey: 'db.busy.hint' })
        : undefined;
  if (known) {
    io.stderr.write(`${style.error(`${t('error.prefix')}:`)} ${t(known.key, known.params)}\n`);
    if (known.hintKey) io.stderr.write(`${t('hint.prefix')}: ${t(known.hintKey, known.params)}\n`);
    if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return EXIT_FOR_KIND[known.kind];
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`${style.error(`${t('error.prefix')}:`)} ${t('internal', { message })}\n`);
  if (debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
  else io.stderr.write(`${t('hint.prefix')}: ${t('internal.hint')}\n`);
  return EXIT.internal;
}

/** The process entry point used by bin/nuanxin.js. */
export { nodeIo };

export async function main(): Promise<void> {
  // `nuanxin worker list | head`: the reader left; stop quietly like any Unix filter, no stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  });
  process.exitCode = await run(process.argv.slice(2), { io: nodeIo() });
}
