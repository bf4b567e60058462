import type { NuanxinError } from '../errors.js';
import { postgresFailure, postgresState } from './postgres/errors.js';
import { sqliteFailure } from './sqlite/errors.js';

/**
 * The engine's failures as the clerk's errors (exit 6 when the database, not
 * the input, is the problem; exit 4 when a guard refused a change). Undefined
 * when `error` is not the engine's.
 */
export function databaseFailure(error: unknown, path = ''): NuanxinError | undefined {
  return sqliteFailure(error, path) ?? postgresFailure(error, path);
}

/** Two transactions collided and one must run again (PostgreSQL: serialization failure or deadlock). */
export function isRetryableConflict(error: unknown): boolean {
  const state = postgresState(error);
  return state === '40001' || state === '40P01';
}

/** A unique key refused the write (PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  return postgresState(error) === '23505';
}

/** A write lost to another clerk's: a retryable conflict, or a unique key another transaction took first. */
export function isWriteConflict(error: unknown): boolean {
  return isRetryableConflict(error) || isUniqueViolation(error);
}
