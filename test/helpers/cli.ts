import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { run } from '../../src/main.js';
import { scriptedPrompter } from '../../src/cli/prompter.js';
import { checkContract } from './contract.js';
import { freshPgDatabase, onPostgres } from './pg.js';

/** `refused`: what the prompts' checks said to answers they would not take (scripted answers only). */
export type CliResult = { code: number; stdout: string; stderr: string; refused?: string[] };

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

export type CliOptions = { env?: Record<string, string | undefined>; tty?: boolean; answers?: unknown[] };

/** Runs the CLI in-process with captured streams, exactly as bin/nuanxin.cjs would. */
export async function runCli(argv: string[], options: CliOptions = {}): Promise<CliResult> {
  const stdout = new Capture(Boolean(options.tty));
  const stderr = new Capture(Boolean(options.tty));
  const stdin = Object.assign(new PassThrough(), { isTTY: Boolean(options.tty) });
  const env = { LANG: 'en_US.UTF-8', NUANXIN_OPERATOR: 'tester', TZ: 'Asia/Shanghai', ...options.env };
  if (!options.tty) delete (env as Record<string, unknown>).FORCE_COLOR;
  const prompter = options.answers ? scriptedPrompter([...options.answers]) : undefined;
  const code = await run(argv, { io: { stdout, stderr, stdin, env }, prompter });
  checkContract(argv, code, stdout.text);
  return { code, stdout: stdout.text, stderr: stderr.text, ...(prompter ? { refused: prompter.refused } : {}) };
}

// Every folder a test makes, removed when its file is done (see cleanup.ts): nothing is left in /tmp.
export const madeDirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), `nuanxin-test-${process.env.NUANXIN_TEST_RUN ?? 'x'}-`));
  madeDirs.push(dir);
  return dir;
}

// One `nuanxin init` per file and environment, copied for each test: init is two-thirds of a short
// test's time, and StrykerJS runs the covering tests once for every mutant.
const templates = new Map<string, string>();

async function initialisedTemplate(extraEnv: Record<string, string>): Promise<string> {
  const key = JSON.stringify(Object.entries(extraEnv).sort());
  const known = templates.get(key);
  if (known && existsSync(known)) return known;
  const path = join(tempDir(), 'template.db');
  const init = await runCli(['init'], { env: { NUANXIN_DB: path, ...extraEnv } });
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}`);
  // The connection is closed and checkpointed: the file alone is the whole database.
  if (existsSync(`${path}-wal`)) throw new Error('init left a write-ahead log behind');
  templates.set(key, path);
  return path;
}

/**
 * A fresh database built by the real migrations (one init, copied); returns a CLI bound to it. In the PostgreSQL run
 * (see pg.ts) `db` is a new database's URL, a copy of one `nuanxin init` made; `dir` is still a folder.
 */
export async function freshCli(extraEnv: Record<string, string> = {}) {
  const dir = tempDir();
  const db = onPostgres ? await freshPgDatabase() : join(dir, 'test.db');
  const env = { NUANXIN_DB: db, ...extraEnv };
  if (!onPostgres) copyFileSync(await initialisedTemplate(extraEnv), db);
  const cli = (argv: string[], options: CliOptions = {}) => runCli(argv, { ...options, env: { ...env, ...options.env } });
  /** The command's --json output, parsed; a non-zero exit fails the test with the command's stderr. */
  const json = async (argv: string[], extraEnv: Record<string, string> = {}) => {
    const r = await cli([...argv, '--json'], { env: extraEnv });
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  return { dir, db, env, cli, json };
}
