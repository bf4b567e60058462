import { maskPersonalText } from '../domain/privacy.js';
import type { OutStream } from './io.js';
import { escapeControls } from './safe-text.js';

export type OutputPolicy = {
  /** --reveal --reason was given (and logged): phone and ID numbers are shown. */
  reveal: boolean;
  /** The output is one JSON document: it escapes control characters by its own rules. */
  json: boolean;
};

// A JSON string literal: only text in strings can hold a typed phone number; numbers stay exact.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

/** What every piece of text on stdout goes through, whichever command wrote it and however. */
export function guardText(text: string, policy: OutputPolicy): string {
  if (policy.json) return policy.reveal ? text : text.replace(JSON_STRING, (literal) => maskPersonalText(literal));
  return escapeControls(policy.reveal ? text : maskPersonalText(text));
}

/** An error line on stderr: it echoes what the clerk or a file gave, so never raw controls, never a whole number. */
export function safeErrorText(text: string): string {
  return escapeControls(maskPersonalText(text));
}

const RAW = Symbol('raw stream');

/** The stream under the guard, for bytes that are not text (a workbook whose cells were masked as it was made). */
export function rawStream(stream: OutStream): OutStream {
  return ((stream as unknown as Record<symbol, OutStream | undefined>)[RAW] ?? stream) as OutStream;
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
      if (property === RAW) return target;
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
