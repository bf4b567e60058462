import { sql } from 'kysely';
import { isPostgres } from '../../migrations/helpers.js';
import type { Tx } from './transaction.js';

// Free text in the ledger and timelines may change only while a purge scrubs it (see migrations/guards.ts).
let scrubbing = 0;

/** Read by SQLite's `nuanxin_scrub_allowed()`, a function only nuanxin's own connections have. */
export function scrubAllowed(): boolean {
  return scrubbing > 0;
}

/**
 * Runs `fn` with the append-only tables' free text writable: only a
 * personal-data purge does this. On PostgreSQL the guard reads a setting
 * local to the purge's transaction (migration 0016).
 */
export async function whileScrubbing<T>(trx: Tx, fn: () => Promise<T>): Promise<T> {
  const server = isPostgres(trx);
  scrubbing += 1;
  if (server) await sql`select set_config('nuanxin.scrubbing', 'on', true)`.execute(trx);
  try {
    return await fn();
  } finally {
    scrubbing -= 1;
    if (server) await sql`select set_config('nuanxin.scrubbing', 'off', true)`.execute(trx);
  }
}
