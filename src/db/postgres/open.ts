import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { OpenDb } from '../port.js';
import type { DB } from '../schema.js';
import { displayLocation } from '../location.js';
import { libpqSslModes, quietLibraryDeprecations } from './url.js';
import { backupWithPgDump } from './backup.js';
import { postgresChecks } from './checks.js';
import { postgresWorkerStore } from './worker-store.js';
import { districtStartupOption } from '../session.js';

// int8 (ids, count(*), sums) and numeric (avg) come back as numbers, as SQLite gives them: every figure
// nuanxin keeps is bounded far below 2^53 (see migrations/guards.ts), so none loses a digit.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

/** Connections one command may hold: a transaction's, and a read beside it. */
const POOL_SIZE = 4;

/**
 * Connects to a PostgreSQL server. The URL may leave out any part that the
 * usual PG* variables (PGHOST, PGUSER, PGPASSWORD, PGDATABASE, …) give; the
 * password is never shown (`path` is the URL without it). A lock waited for
 * longer than `busyTimeoutMs` fails as "busy" (exit 6), as on SQLite.
 */
export function openPostgres(props: { url: string; busyTimeoutMs: number; district?: string }): OpenDb {
  quietLibraryDeprecations();
  const path = displayLocation(props.url);
  const timeout = Math.max(1, Math.floor(props.busyTimeoutMs));
  const pool = new pg.Pool({
    connectionString: libpqSslModes(props.url),
    max: POOL_SIZE,
    application_name: 'nuanxin',
    connectionTimeoutMillis: Math.max(timeout, 5_000),
    options: [`-c lock_timeout=${timeout}`, ...(props.district ? [districtStartupOption(props.district)] : [])].join(' '),
  });
  // An idle connection the server drops (a restart) must not crash the process: the next query reports it.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return {
    engine: 'postgres',
    path,
    db,
    files: [],
    engineChecks: () => postgresChecks(db),
    backup: async (target, options) => ({ ...(await backupWithPgDump(props.url, target, options)), checked: false, format: 'pg_dump' }),
    // Migrations run in one transaction on PostgreSQL: a failure leaves the schema exactly as it was.
    backupBeforeMigrate: async () => null,
    // Purged rows are dead tuples until vacuumed: the server's autovacuum reclaims them; nothing to do now.
    afterPurge: async () => {},
    workerStore: (trx) => postgresWorkerStore(trx),
    tightenPermissions: () => undefined,
    async close() {
      await db.destroy();
    },
  };
}
