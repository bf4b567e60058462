import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { writeTx, type Tx } from '../db/transaction.js';

/** Who is acting, and with which command: recorded with every write. */
export type Actor = { operator: string; command: string };

/** The business calendar: "today" is a date in the district's time zone. */
export type Clock = { now(): Date; today(): string; timeZone: string };

/** What every domain service receives: the database, the actor and the clock. */
export type Ctx = { db: Kysely<DB>; actor: Actor; clock: Clock };

export type { Tx };
/** What a read takes: the database, or the caller's transaction (so it sees the caller's writes). */
export type Db = Kysely<DB> | Tx;

/**
 * Runs `fn` in one write transaction whose reads and writes no other clerk
 * can interleave with (see db/transaction.ts). `fn` may run more than once on
 * PostgreSQL (after a serialization conflict): it must only touch the database.
 */
export function inTransaction<T>(ctx: Ctx, fn: (trx: Tx) => Promise<T>, options: { retry?: boolean } = {}): Promise<T> {
  return writeTx(ctx.db, fn, options);
}
