import { sql, type Expression, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { isPostgres } from '../../migrations/helpers.js';

// The few SQL expressions that differ between SQLite and PostgreSQL, in one place: domain queries use
// these instead of writing either dialect's functions.

type AnyDb = Kysely<any> | Transaction<any>;

/** Whole days from `earlier` to `later`, two ISO `YYYY-MM-DD` text columns or values. */
export function daysBetween(db: AnyDb, later: Expression<unknown> | RawBuilder<unknown>, earlier: Expression<unknown> | RawBuilder<unknown>): RawBuilder<number> {
  return isPostgres(db) ? sql<number>`(${later}::date - ${earlier}::date)` : sql<number>`(julianday(${later}) - julianday(${earlier}))`;
}

/** `LIKE` as SQLite reads it (ASCII letters in any case), on either engine; `\` escapes. */
export function likeAnyCase(db: AnyDb, column: Expression<unknown> | RawBuilder<unknown>, pattern: string): RawBuilder<boolean> {
  return isPostgres(db) ? sql<boolean>`${column} ilike ${pattern} escape '\\'` : sql<boolean>`${column} like ${pattern} escape '\\'`;
}

/**
 * The key an upsert meets: `columns` on SQLite; on PostgreSQL a city's server keeps every district's
 * rows side by side, so the same key is unique within a district (migration 0017).
 */
export function districtKey<C extends string>(db: AnyDb, columns: C[]): C[] {
  return isPostgres(db) ? (['district_id', ...columns] as C[]) : columns;
}
