import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/** Who is acting, and with which command: recorded with every write. */
export type Actor = { operator: string; command: string };

/** The business calendar: "today" is a date in the district's time zone. */
export type Clock = { now(): Date; today(): string; timeZone: string };

/** What every domain service receives: the database, the actor and the clock. */
export type Ctx = { db: Kysely<DB>; actor: Actor; clock: Clock };

export type Tx = Transaction<DB>;
/** What a read takes: the database, or the caller's transaction (so it sees the caller's writes). */
export type Db = Kysely<DB> | Tx;

/** Runs `fn` in one write transaction (BEGIN IMMEDIATE on SQLite, see db/dialect.ts). */
export function inTransaction<T>(ctx: Ctx, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction().execute(fn);
}
