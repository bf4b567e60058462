import type { Readable, Writable } from 'node:stream';

export type OutStream = Writable & { isTTY?: boolean; columns?: number };
export type InStream = Readable & { isTTY?: boolean };

/** The terminal, injected: commands never touch process.stdout directly. */
export type Io = {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  env: Record<string, string | undefined>;
};

export function nodeIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
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
