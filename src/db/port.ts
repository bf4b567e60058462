import type { Kysely, Transaction } from 'kysely';
import type { OutputGuard } from '../files/output-file.js';
import type { DB } from './schema.js';
import type { WorkerStore } from './worker-store.js';

/** The two engines nuanxin runs on: a local SQLite file (the default) or a PostgreSQL server. */
export type Engine = 'sqlite' | 'postgres';

/** What an engine check found: a message key and its values (the words are the messages module's). */
export type EngineFinding = { key: string; params: Record<string, string | number> };
export type EngineCheck = { name: string; run: () => Promise<EngineFinding[]> };

/**
 * Everything above `src/db/` gets from a database: the query builder, and the
 * engine's own upkeep. Nothing above this port names a driver (see
 * test/arch/layers.test.ts), the way kysely's own dialects hide theirs.
 */
export interface OpenDb {
  engine: Engine;
  /** What a person may read: the file's path, or the server's URL without its password. */
  path: string;
  db: Kysely<DB>;
  /** Files an output must never overwrite (a SQLite file and its -wal/-shm); none for a server. */
  files: string[];
  /** integrity, foreign keys and the schema's guards, as the engine checks them. */
  engineChecks(): EngineCheck[];
  /**
   * A consistent copy of the whole database in `target` (mode 0600: it holds personal data); `checked`
   * when the copy itself passed an integrity check (SQLite's), `format` what restores it.
   */
  backup(target: string, options: { force?: boolean; guard: OutputGuard }): Promise<{ path: string; checked: boolean; format: 'sqlite' | 'pg_dump' }>;
  /** A copy taken before migrating, or null where the engine's transactional DDL makes one needless. */
  backupBeforeMigrate(stamp: string, guard: OutputGuard): Promise<string | null>;
  /** After a purge: old versions of the purged rows must not linger in the engine's files. */
  afterPurge(): Promise<void>;
  /** The roster import's bulk writer, bound to the import's transaction. */
  workerStore(trx: Transaction<DB>): WorkerStore;
  /** A loose file mode tightened to 0600 (SQLite); returns the old mode when it changed. */
  tightenPermissions(): string | undefined;
  close(): Promise<void>;
}
