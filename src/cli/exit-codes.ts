import type { ErrorKind } from '../errors.js';

/** The one exit-code table (documented in the README). */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  notFound: 3,
  refused: 4,
  badInput: 5,
  unavailable: 6,
  cancelled: 130,
} as const;

export const EXIT_FOR_KIND: Record<ErrorKind, number> = {
  usage: EXIT.usage,
  not_found: EXIT.notFound,
  refused: EXIT.refused,
  invalid: EXIT.badInput,
  unavailable: EXIT.unavailable,
  cancelled: EXIT.cancelled,
};
