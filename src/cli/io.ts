import { fstatSync, writeSync } from 'node:fs';
import { Writable, type Readable } from 'node:stream';

export type OutStream = Writable & { isTTY?: boolean; columns?: number };
export type InStream = Readable & { isTTY?: boolean };

/** The terminal, injected: commands never touch process.stdout directly. */
export type Io = {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Record<string, string | undefined>;
  /** Set for `--format xlsx`: lists are collected here as sheets instead of written as text. */
  workbook?: import('./list-output.js').WorkbookCollector;
};

export function nodeIo(): Io {
  return { stdout: fileSafeStdout(), stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * `> file` makes process.stdout a synchronous file stream that ignores short
 * writes: on a nearly full disk the output is cut short and the command still
 * exits 0. For a regular file, every byte is written or the write fails
 * (ENOSPC), and the failure reaches the 'error' handler in main().
 */
function fileSafeStdout(): OutStream {
  let isFile = false;
  try {
    isFile = fstatSync(1).isFile();
  } catch {
    return process.stdout;
  }
  if (!isFile) return process.stdout;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      try {
        for (let offset = 0; offset < chunk.length; ) offset += writeSync(1, chunk, offset, chunk.length - offset);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  return Object.assign(stream, { isTTY: false });
}

/** CI=true/1/anything but false or 0: a build log, not a person. */
export function inCi(env: Io['env']): boolean {
  return Boolean(env.CI && env.CI !== 'false' && env.CI !== '0');
}

/** Colour on `stream` only if it is a TTY, never with NO_COLOR (chalk does not check it itself), CI or --no-color. */
export function colorAllowed(stream: OutStream, env: Io['env'], flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (inCi(env)) return false;
  if (env.FORCE_COLOR && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

export function colorEnabled(io: Io, flag: boolean | undefined): boolean {
  return colorAllowed(io.stdout, io.env, flag);
}

/** Prompts only when both ends are a terminal and nobody said --yes or CI. */
export function isInteractive(io: Io, yes: boolean | undefined): boolean {
  if (yes) return false;
  if (inCi(io.env)) return false;
  return Boolean(io.stdin.isTTY && io.stdout.isTTY);
}
