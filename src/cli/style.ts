import { colorAllowed, type OutStream } from './io.js';

export type Style = { error(s: string): string; warn(s: string): string; ok(s: string): string };

const plain: Style = { error: (s) => s, warn: (s) => s, ok: (s) => s };

/**
 * Colour for one stream: only on a terminal, never with NO_COLOR or --no-color.
 * chalk is loaded only when colour is on (start-up is the everyday speed).
 */
export async function styleFor(stream: OutStream, env: Record<string, string | undefined>, flag: boolean | undefined): Promise<Style> {
  if (!colorAllowed(stream, env, flag)) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { error: (s) => chalk.red.bold(s), warn: (s) => chalk.yellow(s), ok: (s) => chalk.green(s) };
}
