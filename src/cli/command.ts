import { userInfo } from 'node:os';
import { Option, type Command } from 'commander';
import { isServerUrl, resolveDbLocation, type DbLocation } from '../db/location.js';
import { isEmptySchema, pendingOnOpen } from '../db/migrator.js';
import { readTx } from '../db/transaction.js';
import { readSession } from '../db/session.js';
import { districtByName, enterDistrict } from '../domain/admin/districts.js';
import { openDatabase, type OpenDb } from '../db/open.js';
import { databaseFailure } from '../db/errors.js';
import { databaseFiles, type OutputGuard } from '../files/output-file.js';
import { guardedStream } from './output-guard.js';
import { hasListOutput, markListOutput, runWithListOutput, type ListOutputProps } from './list-output.js';
import { outputFormat } from './out-format.js';
import { makeClock } from '../domain/clock.js';
import type { Actor, Clock, Ctx } from '../domain/context.js';
import { COUNT_LIMIT } from '../domain/text/numbers.js';
import { acceptedTerms, codesOf, parseTerm, VOCABULARY, type VocabularyKind } from '../domain/vocabulary.js';
import { UnavailableError, UsageError } from '../errors.js';
import { colorEnabled, isInteractive, type Io } from './io.js';
import type { Translate } from './messages/index.js';
import { inquirerPrompter, type Prompter } from './prompter.js';
import { FORMATS, type Format } from './render.js';

export type Globals = { db?: string; lang?: string; operator?: string; district?: string; debug?: boolean; yes?: boolean; color?: boolean; quiet?: boolean; verbose?: boolean };

/**
 * What the entry point hands to every command: streams, translator, exit-code slot.
 * `capture`: when set, a parsed command line is handed to it (the command's path, `station add`,
 * its options and arguments) instead of running, so a test can check the flag → options mapping
 * on the real tree without a database (see `parseCommandLine` in src/program.ts).
 */
export type Deps = { io: Io; t: Translate; prompter?: Prompter; state: { exitCode: number }; capture?: Capture };

export type Capture = (command: string, opts: unknown, args: string[]) => void;

/** Everything a command's run function may use. */
export type CommandEnv = {
  io: Io;
  t: Translate;
  clock: Clock;
  actor: Actor;
  interactive: boolean;
  /** --yes was given: never ask, and never suggest asking. */
  yes: boolean;
  color: boolean;
  prompter: Prompter;
  dbLocation: DbLocation;
  /** Opens the database (refusing a missing, newer or unmigrated one), runs `fn`, closes. */
  /** `snapshot`: every read of `fn` sees one moment of the database (a report's figures agree with each other). */
  /** `anyDistrict`: the command spans a server's districts (`district list`, `report --city`), so none need be named. */
  withDb<T>(fn: (ctx: Ctx, handle: OpenDb) => Promise<T>, options?: { allowPending?: boolean; snapshot?: boolean; anyDistrict?: boolean }): Promise<T>;
  /** The district `--district` (or `NUANXIN_DISTRICT`) names, if any. */
  district: string | undefined;
  /**
   * Success chatter on stderr (`report written to …`): shown on a terminal or
   * with --verbose, never with --quiet, so cron mails only when something is wrong.
   */
  note(line: string): void;
  /** Something the clerk should know (columns ignored, a file already imported): on stderr unless --quiet. */
  warn(line: string): void;
  /** --quiet: nothing on stderr but errors (no notes, warnings or progress). */
  quiet: boolean;
  /**
   * A write's confirmation on stdout (`已添加驿站 ST0001`), which --quiet leaves out;
   * data asked for (lists, shows, reports, --json) is written as usual.
   */
  done(text: string): void;
  /** What an output file must never be: the live database and its companions, plus `inputs` being read. */
  outputGuard(inputs?: string[]): OutputGuard;
};

function operatorName(flag: string | undefined, env: Io['env']): string {
  if (flag) return flag;
  if (env.NUANXIN_OPERATOR) return env.NUANXIN_OPERATOR;
  try {
    return userInfo().username;
  } catch {
    return env.USER || env.USERNAME || 'unknown';
  }
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

export function commandEnv(cmd: Command, deps: Deps): CommandEnv {
  const globals = cmd.optsWithGlobals() as Globals & { reveal?: boolean; reason?: string; json?: boolean; format?: string };
  const policy = { reveal: Boolean(globals.reveal && globals.reason?.trim()), json: Boolean(globals.json) || globals.format === 'json' };
  const io = { ...deps.io, stdout: guardedStream(deps.io.stdout, policy) };
  const dbLocation = resolveDbLocation({ flag: globals.db, env: io.env });
  const clock = makeClock(io.env);
  const actor = { operator: operatorName(globals.operator, io.env), command: commandPath(cmd) };
  const district = globals.district ?? (io.env.NUANXIN_DISTRICT || undefined);
  return {
    io,
    t: deps.t,
    clock,
    actor,
    interactive: isInteractive(io, globals.yes),
    yes: Boolean(globals.yes),
    color: colorEnabled(io, globals.color),
    prompter: deps.prompter ?? inquirerPrompter(io, deps.t),
    dbLocation,
    district,
    note: (line) => {
      if (!globals.quiet && (globals.verbose || io.stderr.isTTY)) io.stderr.write(`${line}\n`);
    },
    warn: (line) => {
      if (!globals.quiet) io.stderr.write(`${line}\n`);
    },
    quiet: Boolean(globals.quiet),
    done: (text) => {
      if (!globals.quiet) io.stdout.write(text);
    },
    outputGuard: (inputs = []) => ({ protect: [...(isServerUrl(dbLocation.path) ? [] : databaseFiles(dbLocation.path)), ...inputs] }),
    async withDb(fn, options = {}) {
      const opened = await openDatabase({ path: dbLocation.path, create: false, busyTimeoutMs: busyTimeout(io.env), district });
      let failed = false;
      try {
        const pending = await pendingOnOpen(opened.db, opened.path);
        // An empty server database is one `init` has not made yet, as a missing file is.
        if (opened.engine === 'postgres' && isEmptySchema(pending) && !options.allowPending) {
          throw new UnavailableError({ key: 'db.missing', params: { path: opened.path }, hintKey: 'db.missing.hint' });
        }
        if (pending.length > 0 && !options.allowPending) {
          throw new UnavailableError({
            key: 'db.pending',
            params: { path: opened.path, count: pending.length, names: pending.join(', ') },
            hintKey: 'db.pending.hint',
          });
        }
        const ctx = { db: opened.db, actor: pending.length ? actor : await sessionActor(opened, actor, district, options), clock };
        return options.snapshot ? await readTx(opened.db, (trx) => fn({ ...ctx, db: trx }, opened)) : await fn(ctx, opened);
      } catch (error) {
        failed = true;
        // The engine's failures name the database they happened in.
        throw databaseFailure(error, opened.path) ?? error;
      } finally {
        // After a failure, closing may fail too (a statement still open): the first error is the one to report.
        await opened.close().catch((error: unknown) => {
          if (!failed) throw error;
        });
      }
    },
  };
}

/**
 * The session's district and operator: `--district` checked against what the login may reach, and on a
 * server a clerk's operator is their database role (the server records it so whatever is claimed).
 */
async function sessionActor(opened: OpenDb, actor: Actor, district: string | undefined, options: { anyDistrict?: boolean }): Promise<Actor> {
  if (opened.engine === 'sqlite') {
    if (district !== undefined) await districtByName(opened.db, district);
    return actor;
  }
  const session = await readSession(opened.db, actor.operator);
  await enterDistrict(opened.db, session, district, options);
  return session.kind === 'owner' ? actor : { ...actor, operator: session.role };
}

export function busyTimeout(env: Io['env']): number | undefined {
  const value = Number(env.NUANXIN_BUSY_TIMEOUT_MS);
  return Number.isFinite(value) && value >= 0 && env.NUANXIN_BUSY_TIMEOUT_MS ? value : undefined;
}

/**
 * Binds a run function to a commander command. The run function returns an
 * exit code (or nothing for 0); errors propagate to the entry point, the only
 * place they become messages and exit codes. With `deps.capture`, nothing runs:
 * the parsed command line is handed to it and the exit code is 0.
 */
export function action<O>(cmd: Command, deps: Deps, run: (env: CommandEnv, opts: O, args: string[]) => Promise<number | void>): Command {
  return cmd.action(async (...received: unknown[]) => {
    const self = received[received.length - 1] as Command;
    const opts = self.opts() as O;
    const args = received.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [String(a)]));
    if (deps.capture) {
      deps.capture(commandPath(self), opts, args);
      deps.state.exitCode = 0;
      return;
    }
    const listed = hasListOutput(self);
    if (listed) inferListFormat(self, opts as { format?: string; json?: boolean; out?: string });
    const code = listed
      ? await runWithListOutput(listOutputProps(self, deps), (io) => run(commandEnv(self, { ...deps, io }), opts, args))
      : await run(commandEnv(self, deps), opts, args);
    deps.state.exitCode = code ?? 0;
  });
}

/**
 * An option taking one term of a closed list in either language
 * (`--type 心理咨询` → `counselling`, `--status 已认领` → `claimed`);
 * `codes` narrows the kind to the values this option allows.
 */
export function termOption(flags: string, description: string, kind: VocabularyKind, codes: readonly string[] = codesOf(kind)): Option {
  const flag = flags.split(/[ ,]/)[0]!;
  const option = new Option(flags, description);
  TERM_OPTIONS.set(option, { kind, codes });
  return option.argParser((value: string) => {
    const code = parseTerm(kind, value);
    if (code && codes.includes(code)) return code;
    throw new UsageError({ key: 'usage.bad_choice', params: { value, flag, choices: acceptedTerms(kind, codes) } });
  });
}

// What each term option accepts, for shell completion.
const TERM_OPTIONS = new WeakMap<Option, { kind: VocabularyKind; codes: readonly string[] }>();

/** The values an option takes, when it takes one of a closed list: commander's choices, or a term option's codes and labels. */
export function optionValues(option: Option): string[] | undefined {
  const term = TERM_OPTIONS.get(option);
  if (term) return VOCABULARY[term.kind].filter((t) => term.codes.includes(t.code)).flatMap((t) => [t.code, ...t.zh]);
  return option.argChoices?.slice();
}

/** Adds --json, --format table|json|csv|md|xlsx and --out FILE. */
export function withFormat(cmd: Command, t: Translate, formats: readonly string[] = FORMATS): Command {
  markListOutput(cmd);
  return cmd
    .option('--json', t('opt.json'))
    .addOption(new Option('--format <format>', formats === FORMATS ? t('opt.format') : t('opt.format_of', { formats: formats.join(t('list.separator')) })).choices(formats))
    .option('--out <file>', t('opt.list_out'));
}

/** `--out 社区.xlsx` with no --format writes a workbook; `--format csv --out 社区.xlsx` is refused (see out-format.ts). */
function inferListFormat(cmd: Command, flags: { format?: string; json?: boolean; out?: string }): void {
  const offered = cmd.options.find((o) => o.long === '--format')?.argChoices ?? [];
  const format = outputFormat(flags, { fallback: '', inferred: offered.filter((f) => f !== 'table') });
  if (format && !flags.format && !flags.json) flags.format = format;
}

/** What a list command needs to write its output to --out or as a workbook (see list-output.ts): the command's own guard and notes. */
function listOutputProps(cmd: Command, deps: Deps): ListOutputProps {
  const env = commandEnv(cmd, deps);
  return {
    io: deps.io,
    flags: cmd.optsWithGlobals(),
    // Named after what it lists: the noun's own description up to its first clause (`微心愿`, `志愿积分`).
    sheetName: deps
      .t(`cmd.${commandPath(cmd).split(' ').slice(0, -1).join('.') || commandPath(cmd)}`)
      .split(/[（(：:，,；;]/)[0]!
      .trim(),
    guard: () => env.outputGuard(),
    note: (path) => env.note(deps.t('list.written', { path })),
  };
}

export function formatOf(opts: { json?: boolean; format?: string }): Format {
  if (opts.json) return 'json';
  return (opts.format as Format | undefined) ?? 'table';
}

/** Description plus examples, both through the messages module. */
export function describe(cmd: Command, t: Translate, key: string): Command {
  cmd.description(t(`cmd.${key}`));
  const examples = t(`ex.${key}`);
  if (examples !== `ex.${key}`) {
    cmd.addHelpText(
      'after',
      `\n${t('help.examples')}\n${examples
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}\n`,
    );
  }
  return cmd;
}

/**
 * A whole-number option value within ±`max`, or a usage error naming the flag.
 * Written digits only: `1e20` and `9007199254740993` (past exact doubles) are refused, never rounded.
 */
export function intOption(flag: string, max = COUNT_LIMIT) {
  return (value: string): number => {
    const text = value.normalize('NFKC').trim();
    if (!/^[+-]?\d{1,20}$/.test(text)) throw new UsageError({ key: 'usage.bad_number', params: { flag, value } });
    const n = BigInt(text);
    if (n > BigInt(max) || n < -BigInt(max)) throw new UsageError({ key: 'usage.number_range', params: { flag, value, max } });
    return Number(n);
  };
}

/** A record id given on the command line (ids are 64-bit; beyond exact doubles nothing can match). */
export function idArgument(name: string) {
  return intOption(name, Number.MAX_SAFE_INTEGER);
}

/** Off a terminal, a prompt would hang a cron job: a missing required flag is a usage error. */
export function requireFlags(env: CommandEnv, missing: string[]): void {
  if (missing.length > 0) {
    // "run on a terminal to be asked" is no help to someone who said --yes (never ask).
    throw new UsageError({ key: 'usage.prompt_needed', params: { flags: missing.join(', ') }, hintKey: env.yes ? undefined : 'usage.prompt_needed.hint' });
  }
}
