import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';
import { guardsOf0009, SCRUBBABLE } from './guards.js';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return; // the PostgreSQL port (a later migration) grants and revokes instead
  for (const table of Object.keys(SCRUBBABLE)) await sql.raw(`drop trigger ${table}_no_update`).execute(db);
  for (const guard of guardsOf0009()) await sql.raw(guard.sql).execute(db);
}
