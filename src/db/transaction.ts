import { setTimeout as sleep } from 'node:timers/promises';
import { sql, type Kysely, type Transaction } from 'kysely';
import { isPostgres } from '../../migrations/helpers.js';
import { UnavailableError } from '../errors.js';
import { isRetryableConflict, isUniqueViolation } from './errors.js';
import type { DB } from './schema.js';

export type Tx = Transaction<DB>;

/** Serialization failures retried before the clerk is told to try again (exit 6). */
export const MAX_ATTEMPTS = 12;

/**
 * One write transaction in which every read-then-write is correct.
 *
 * SQLite: BEGIN IMMEDIATE (see sqlite/dialect.ts) takes the single write lock
 * before the first read, so no other writer runs between a read and the
 * write it decides.
 *
 * PostgreSQL: SERIALIZABLE, so two clerks deciding on the same balance, stock
 * or daily count cannot both commit; the one that loses (40001, or a
 * deadlock 40P01) is run again from the start, with its reads made afresh,
 * up to MAX_ATTEMPTS times. `retry: false` for work that cannot be run twice
 * (a file import consumes its rows once): its conflict reaches the caller.
 */
export async function writeTx<T>(db: Kysely<DB>, fn: (trx: Tx) => Promise<T>, options: { retry?: boolean } = {}): Promise<T> {
  if (!isPostgres(db)) return db.transaction().execute(fn);
  const once = () => db.transaction().setIsolationLevel('serializable').execute(fn);
  return options.retry === false ? once() : retryOnConflict(once);
}

/**
 * Runs `attempt` again, from the start, while it loses a write conflict to
 * another clerk's transaction (PostgreSQL only: SQLite has one writer at a
 * time), up to MAX_ATTEMPTS; then "busy, try again" (exit 6). A file import
 * is retried this way as a whole, re-reading its file, since its rows are
 * consumed as they are written.
 */
export async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  let uniqueClashes = 0;
  for (let round = 1; ; round += 1) {
    try {
      return await attempt();
    } catch (error) {
      // A unique key another transaction took meanwhile: run once more so the domain's own check sees
      // it and refuses with its own words; a second clash is a real refusal (exit 4), not a race.
      const clash = isUniqueViolation(error) && uniqueClashes++ === 0;
      if (!clash && !isRetryableConflict(error)) throw error;
      if (round >= MAX_ATTEMPTS) throw new UnavailableError({ key: 'db.busy', params: { path: '' }, hintKey: 'db.busy.hint' });
      // Jittered, growing waits: the clerks who collided do not collide again in step.
      await sleep(Math.random() * Math.min(400, 10 * 2 ** round));
    }
  }
}

/**
 * A read of several queries that must agree with each other (a report): one
 * snapshot on PostgreSQL (REPEATABLE READ, read only). On SQLite the reads run
 * as before, outside a transaction: the dialect's transactions take the write
 * lock (BEGIN IMMEDIATE), which a report must not hold.
 */
export async function readTx<T>(db: Kysely<DB>, fn: (trx: Tx) => Promise<T>): Promise<T> {
  if (!isPostgres(db)) return fn(db as Tx);
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(fn);
}

/**
 * A long write that must not lose to the short ones around it (a file import): on PostgreSQL its
 * tables are locked against other writers (SHARE ROW EXCLUSIVE: reads go on, another clerk's write waits,
 * up to the busy timeout) before its snapshot is taken, so nothing it decides on can change under it
 * and it is not aborted for a conflict. SQLite's BEGIN IMMEDIATE already did the same for the whole file.
 */
export async function lockForWriting(trx: Tx, tables: readonly string[]): Promise<void> {
  if (!isPostgres(trx) || tables.length === 0) return;
  await sql.raw(`lock table ${tables.join(', ')} in share row exclusive mode`).execute(trx);
}
