import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
} from 'kysely';

/**
 * Every read-then-write must hold the write lock from its first read, or two
 * processes can both read the same balance. Kysely opens SQLite transactions
 * with a plain (deferred) BEGIN, so we take the lock up front.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * SQLite DDL is transactional, but kysely's adapter says otherwise, which makes
 * the Migrator run migrations outside a transaction (a failure would leave half
 * a schema). Saying "true" makes the Migrator wrap the whole run in one.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class NuanxinSqliteDialect implements Dialect {
  readonly #database: BetterSqlite3.Database;

  constructor(props: { database: BetterSqlite3.Database }) {
    this.#database = props.database;
  }

  createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.#database });
  }

  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }

  createAdapter() {
    return new TransactionalDdlSqliteAdapter();
  }

  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
