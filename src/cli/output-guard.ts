import { maskPersonalText } from '../domain/privacy.js';
import type { OutStream } from './io.js';
import { escapeControls } from './safe-text.js';

export type OutputPolicy = {
  /** --reveal --reason was given (and logged): phone and ID numbers are shown. */
  reveal: boolean;
  /** The output is one JSON document: it escapes control characters by its own rules. */
  json: boolean;
};

/** What every piece of text on stdout goes through, whichever command wrote it and however. */
export function guardText(text: string, policy: OutputPolicy): string {
  const masked = policy.reveal ? text : maskPersonalText(text);
  return policy.json ? masked : escapeControls(masked);
}

/**
 * The one place personal data and terminal control characters are stopped on
 * their way out: a phone or ID number typed into a note, a history line or a
 * title is masked unless revealed, and an escape sequence in a name never
 * reaches the clerk's terminal raw. Everything but `write` is the stream's own.
 */
export function guardedStream(stream: OutStream, policy: OutputPolicy): OutStream {
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') {
        return (chunk: unknown, ...rest: unknown[]) => {
          const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk;
          return (target.write as (...args: unknown[]) => boolean)(typeof text === 'string' ? guardText(text, policy) : text, ...rest);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
