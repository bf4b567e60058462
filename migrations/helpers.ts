import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The one place where the migrations differ by dialect: an auto-numbered key
 * is `integer primary key autoincrement` on SQLite and an identity column on
 * PostgreSQL. Everything else is kysely's portable schema builder.
 */
export function withId<T extends string>(
  db: Kysely<any>,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  if (isPostgres(db)) {
    return table.addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity());
  }
  return table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A foreign key to `table.id`. */
export function ref(table: string) {
  return (c: ColumnDefinitionBuilder) => c.references(`${table}.id`);
}

/** Triggers that make a table append-only (SQLite and PostgreSQL flavours). */
export async function makeAppendOnly(db: Kysely<any>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`create or replace function nuanxin_append_only() returns trigger as $$
      begin raise exception '% is append-only', TG_TABLE_NAME; end $$ language plpgsql`.execute(db);
    await sql
      .raw(
        `create trigger ${table}_append_only before update or delete on ${table}
         for each row execute function nuanxin_append_only()`,
      )
      .execute(db);
    return;
  }
  for (const op of ['update', 'delete']) {
    await sql
      .raw(
        `create trigger ${table}_no_${op} before ${op} on ${table}
         begin select raise(abort, '${table} is append-only'); end`,
      )
      .execute(db);
  }
}

/** A CHECK constraint: `column in ('a', 'b')` (values are our own constants). */
export function checkIn(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);
}

/**
 * SQLite cannot alter a column's NOT NULL or a CHECK: the table is rebuilt from its own CREATE
 * statement changed by `change` (sqlite.org/lang_altertable.html, "other kinds of table schema
 * changes"), its rows copied, its indexes and triggers made again. The migrator runs with foreign
 * keys off, so the drop does not cascade; foreign_key_check proves nothing was orphaned.
 */
export async function rebuildSqliteTable(db: Kysely<any>, table: string, change: (createSql: string) => string): Promise<void> {
  const found = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = ${table}`.execute(db);
  const createSql = found.rows[0]!.sql;
  const changed = change(createSql);
  if (changed === createSql) throw new Error(`rebuilding ${table}: its schema is not the one expected`);
  const companions = await sql<{ sql: string }>`select sql from sqlite_schema where tbl_name = ${table} and type in ('index', 'trigger') and sql is not null`.execute(db);
  const rebuilt = `${table}_rebuilt`;
  await sql.raw(changed.replace(new RegExp(`^create table "?${table}"?`, 'i'), `create table "${rebuilt}"`)).execute(db);
  await sql.raw(`insert into ${rebuilt} select * from ${table}`).execute(db);
  await sql.raw(`drop table ${table}`).execute(db);
  await sql.raw(`alter table ${rebuilt} rename to ${table}`).execute(db);
  for (const { sql: statement } of companions.rows) await sql.raw(statement).execute(db);
  const orphans = await sql`pragma foreign_key_check`.execute(db);
  if (orphans.rows.length > 0) throw new Error(`foreign key check failed after rebuilding ${table} (${orphans.rows.length} rows)`);
}
