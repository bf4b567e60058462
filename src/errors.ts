/**
 * Typed errors shared by every layer. Each carries a message key and its
 * parameters; the CLI edge turns them into one translated line and an exit
 * code (see src/cli/exit-codes.ts). Nothing below the edge prints.
 */
export type ErrorKind = 'usage' | 'not_found' | 'refused' | 'invalid' | 'unavailable' | 'cancelled';

export type MessageParams = Record<string, string | number | undefined>;

export class NuanxinError extends Error {
  readonly kind: ErrorKind;
  readonly key: string;
  readonly params: MessageParams;
  readonly hintKey?: string;
  /** Params that are codes of a closed list (a comma-separated list allowed), by the vocabulary kind they belong to: shown by label. */
  readonly terms?: Record<string, string>;

  constructor(props: { kind: ErrorKind; key: string; params?: MessageParams; hintKey?: string; terms?: Record<string, string> }) {
    super(`${props.key} ${JSON.stringify(props.params ?? {})}`);
    this.name = new.target.name;
    this.kind = props.kind;
    this.key = props.key;
    this.params = props.params ?? {};
    this.hintKey = props.hintKey;
    this.terms = props.terms;
  }
}

type Props = { key: string; params?: MessageParams; hintKey?: string; terms?: Record<string, string> };

/** A missing argument, an unknown flag, a prompt needed off a terminal. */
export class UsageError extends NuanxinError {
  constructor(props: Props) {
    super({ kind: 'usage', ...props });
  }
}

/** An unknown station, worker, wish, … */
export class NotFoundError extends NuanxinError {
  constructor(props: Props) {
    super({ kind: 'not_found', ...props });
  }
}

/** Refused by a rule: a conflict, an invalid state change, a short balance. */
export class ConflictError extends NuanxinError {
  constructor(props: Props) {
    super({ kind: 'refused', ...props });
  }
}

/** Bad input data: an invalid field or file. */
export class ValidationError extends NuanxinError {
  constructor(props: Props) {
    super({ kind: 'invalid', ...props });
  }
}

/** The database is missing, locked past the timeout, or of a newer schema. */
export class UnavailableError extends NuanxinError {
  constructor(props: Props) {
    super({ kind: 'unavailable', ...props });
  }
}

export class CancelledError extends NuanxinError {
  constructor() {
    super({ kind: 'cancelled', key: 'cancelled' });
  }
}
