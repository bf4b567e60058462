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
