import type BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, SqliteAdapter, SqliteDriver, SqliteIntrospector, SqliteQueryCompiler, type DatabaseConnection, type Dialect, type Driver, type Kysely } from 'kysely';

/**
 * Every read-then-write must hold the write lock from its first read, or two
 * processes can both read the same balance. Kysely opens SQLite transactions
 * with a plain (deferred) BEGIN, so we take the lock up front.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: BetterSqlite3.Database;

  constructor(props: { database: BetterSqlite3.Database }) {
    super(props);
    this.#database = props.database;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  /**
   * On a full disk or an I/O error SQLite may already have rolled back; a
   * second ROLLBACK would then fail ("no transaction is active") and hide the
   * real error (SQLITE_FULL) behind a meaningless one.
   */
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.#database.inTransaction) return;
    await super.rollbackTransaction(connection);
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
