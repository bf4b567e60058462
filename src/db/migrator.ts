import { Migrator, sql, type Kysely, type MigrationResult } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { isPostgres } from '../../migrations/helpers.js';
import { UnavailableError } from '../errors.js';

export type MigrationStatus = { name: string; applied: boolean; appliedAt: string | null };

const MIGRATION_TABLE = 'kysely_migration';

function migratorFor(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
}

/** Names recorded in the database, oldest first (empty for a fresh file). */
async function appliedMigrations(db: Kysely<any>): Promise<{ name: string; timestamp: string }[]> {
  try {
    const rows = await sql<{ name: string; timestamp: string }>`select name, timestamp
      from ${sql.table(MIGRATION_TABLE)} order by name`.execute(db);
    return rows.rows;
  } catch (error) {
    // A fresh file has no migration table yet. (Cheaper on every start-up than introspecting the schema.)
    // Only the missing table itself (SQLite's words, PostgreSQL's 42P01): a missing database, a refused
    // login or a bad setting must reach the clerk as what it is.
    const code = (error as { code?: string }).code;
    if (code === '42P01' || (code === 'SQLITE_ERROR' && /no such table/i.test((error as Error).message))) return [];
    throw error;
  }
}

/** A database that knows migrations this build does not was written by a newer nuanxin. */
export async function assertNotNewer(db: Kysely<any>, path: string): Promise<void> {
  refuseNewer(
    (await appliedMigrations(db)).map((m) => m.name),
    path,
  );
}

/**
 * What every command checks on open, from one read of the migration table:
 * refuses a newer database, returns the migrations still pending.
 */
export async function pendingOnOpen(db: Kysely<any>, path: string): Promise<string[]> {
  const applied = (await appliedMigrations(db)).map((m) => m.name);
  refuseNewer(applied, path);
  const done = new Set(applied);
  return Object.keys(migrations)
    .filter((name) => !done.has(name))
    .sort();
}

function refuseNewer(applied: string[], path: string): void {
  const known = new Set(Object.keys(migrations));
  const unknown = applied.filter((name) => !known.has(name)).map((name) => ({ name }));
  if (unknown.length > 0) {
    throw new UnavailableError({
      key: 'db.newer',
      params: { path, migration: unknown.map((m) => m.name).join(', ') },
      hintKey: 'db.newer.hint',
    });
  }
}

/** No migration applied yet: a database nuanxin has not made (an empty server database). */
export function isEmptySchema(pending: string[]): boolean {
  return pending.length === Object.keys(migrations).length;
}

export async function migrationStatus(db: Kysely<any>): Promise<MigrationStatus[]> {
  const applied = new Map((await appliedMigrations(db)).map((m) => [m.name, m.timestamp]));
  const names = new Set([...Object.keys(migrations), ...applied.keys()]);
  return [...names].sort().map((name) => ({
    name,
    applied: applied.has(name),
    appliedAt: applied.get(name) ?? null,
  }));
}

export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  return (await migrationStatus(db)).filter((m) => !m.applied).map((m) => m.name);
}

/**
 * Applies every pending migration in one transaction (see dialect.ts): a
 * failing migration leaves the schema exactly as it was. `migrateToLatest`
 * never throws; its `error` is checked here.
 */
export async function migrateToLatest(db: Kysely<any>, path: string): Promise<MigrationResult[]> {
  await assertNotNewer(db, path);
  // A table rebuild (SQLite's only way to change a CHECK) must not cascade through foreign keys;
  // such a migration runs `pragma foreign_key_check` itself before the transaction commits.
  // The pragma is a no-op inside a transaction, so it is set around the migrator's.
  const sqlite = !isPostgres(db);
  if (sqlite) await sql`pragma foreign_keys = off`.execute(db);
  const { error, results } = await migratorFor(db)
    .migrateToLatest()
    .finally(async () => {
      if (sqlite) await sql`pragma foreign_keys = on`.execute(db);
    });
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? '?';
    throw new UnavailableError({
      key: 'db.migration_failed',
      params: { migration: failed, reason: error instanceof Error ? error.message : String(error) },
    });
  }
  return results ?? [];
}
