import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';
import { guardsAddedIn0008 } from './guards.js';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // "The same file" is the same parsed rows: a CRLF or BOM re-save hashes the same.
  // Unique, and written inside the import's transaction, so two imports of one file cannot both land.
  await db.schema.alterTable('imports').addColumn('content_sha256', 'text').execute();
  await db.schema.createIndex('imports_kind_content').unique().on('imports').columns(['kind', 'content_sha256']).execute();

  // A points row imported without a ref is keyed by what it says (worker, rule, date, note): re-importing it adds nothing.
  await db.schema.alterTable('point_entries').addColumn('dedupe_key', 'text').execute();
  await db.schema.createIndex('point_entries_dedupe').unique().on('point_entries').column('dedupe_key').execute();

  if (isPostgres(db)) return; // column types and the append-only trigger already refuse these there
  for (const guard of guardsAddedIn0008()) await sql.raw(guard.sql).execute(db);
}
