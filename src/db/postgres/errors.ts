import { ConflictError, UnavailableError, UsageError, ValidationError, type NuanxinError } from '../../errors.js';

/** The SQLSTATE of a PostgreSQL server error, undefined for anything else. */
export function postgresState(error: unknown): string | undefined {
  const e = error as { code?: unknown; severity?: unknown } | undefined;
  return e && typeof e.code === 'string' && typeof e.severity === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined;
}

// Node's socket errors on the way to a server.
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/**
 * PostgreSQL's failures as the clerk's errors: the server unreachable, a
 * login refused, a lock or serialization conflict that outlasted its retries
 * → exit 6 with what to do; a guard (unique key, CHECK, trigger) → exit 4.
 * Never a raw driver error. Undefined when `error` is not PostgreSQL's.
 */
export function postgresFailure(error: unknown, path: string): NuanxinError | undefined {
  const state = postgresState(error);
  const reason = (error as Error | undefined)?.message ?? '';
  const params = { path, reason };
  if (!state) {
    const code = (error as { code?: string } | undefined)?.code ?? '';
    if (UNREACHABLE.has(code) || /Connection terminated|connect ETIMEDOUT|timeout expired/i.test(reason)) {
      return new UnavailableError({ key: 'db.server_unreachable', params, hintKey: 'db.server_unreachable.hint' });
    }
    // TLS: the server refuses SSL (pg reads sslmode=prefer as require), or its certificate is not trusted.
    if (/does not support SSL|certificate|SSL/i.test(reason) && (code === '' || code.startsWith('ERR_SSL') || /CERT|SELF_SIGNED|UNABLE_TO/.test(code))) {
      return new UnavailableError({ key: 'db.server_tls', params, hintKey: 'db.server_tls.hint' });
    }
    // A URL that cannot be read (a password with `#`, `/` or `@` not percent-encoded).
    if (code === 'ERR_INVALID_URL') return new UsageError({ key: 'db.bad_url', params, hintKey: 'db.bad_url.hint' });
    if (/password authentication|SASL|no password|client password must be a string/i.test(reason)) {
      return new UnavailableError({ key: 'db.login_refused', params, hintKey: 'db.login_refused.hint' });
    }
    return undefined;
  }
  const constraint = (error as { constraint?: string }).constraint ?? '';
  // Refused logins: wrong password, no such role, pg_hba.conf.
  if (state.startsWith('28')) return new UnavailableError({ key: 'db.login_refused', params, hintKey: 'db.login_refused.hint' });
  if (state === '3D000') return new UnavailableError({ key: 'db.missing', params, hintKey: 'db.server_missing.hint' });
  if (state === '40001' || state === '40P01' || state === '55P03' || state === '57014') return new UnavailableError({ key: 'db.busy', params, hintKey: 'db.busy.hint' });
  if (state.startsWith('08') || state === '57P01' || state === '57P02' || state === '57P03' || state === '53300') {
    return new UnavailableError({ key: 'db.server_unreachable', params, hintKey: 'db.server_unreachable.hint' });
  }
  if (state === '53100') return new UnavailableError({ key: 'disk.full', params, hintKey: 'disk.full.hint' });
  if (state === '25006') return new UnavailableError({ key: 'db.readonly', params, hintKey: 'db.readonly.hint' });
  // No district chosen on a server of several (raised by nuanxin_only_district()).
  if (state === 'NX001') return new UsageError({ key: 'district.choose_server' });
  // A login of that name made meanwhile by another session.
  if (state === '42710') return new ConflictError({ key: 'db.constraint', params, hintKey: 'db.constraint.hint' });
  if (state === '42501') return new ConflictError({ key: 'db.not_allowed', params, hintKey: 'db.not_allowed.hint' });
  // A balance the CHECK caught going below zero: another clerk's redemption came first.
  if (state === '23514' && constraint === 'point_balances_balance_check') return new ConflictError({ key: 'points.short_balance_now' });
  // Integrity guards (unique, foreign key, CHECK, not null) and the append-only triggers (P0001).
  if (state.startsWith('23') || state === 'P0001') return new ConflictError({ key: 'db.constraint', params, hintKey: 'db.constraint.hint' });
  // A value the server cannot index or hold (text too long for a unique key, a number past bigint).
  if (state === '54000' || state === '22003' || state === '22001') return new ValidationError({ key: 'db.value_too_large', params });
  if (state.startsWith('XX') || state === '58030') return new UnavailableError({ key: 'db.io', params, hintKey: 'db.io.hint' });
  return undefined;
}
