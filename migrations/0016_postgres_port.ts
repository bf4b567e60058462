import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';
import { PG_GUARD_FUNCTIONS, pgBounds, pgGuards } from './guards.js';

// Frozen: never edit a migration that has shipped; add a new one.
//
// The PostgreSQL port. SQLite needs nothing here (its integers are already 64-bit, and 0009 made its
// scrubbable guards). On PostgreSQL:
// - every integer column becomes bigint (ids included, with their identity sequences), so ids and
//   counts are 64-bit on both engines;
// - the append-only triggers are (re)made from guards.ts, the three scrubbable tables letting a purge
//   change their free text only (what 0009 did for SQLite), and TRUNCATE (which fires no row
//   trigger) refused;
// - the whole-number columns keep SQLite's bounds as CHECK constraints.
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql`do $$
    declare c record;
    begin
      for c in select table_name, column_name from information_schema.columns
               where table_schema = current_schema() and data_type = 'integer'
               and table_name <> 'kysely_migration' and table_name <> 'kysely_migration_lock'
               order by table_name, column_name loop
        execute format('alter table %I alter column %I type bigint', c.table_name, c.column_name);
        if pg_get_serial_sequence(c.table_name, c.column_name) is not null then
          execute format('alter sequence %s as bigint', pg_get_serial_sequence(c.table_name, c.column_name));
        end if;
      end loop;
    end $$`.execute(db);
  for (const [name, body] of Object.entries(PG_GUARD_FUNCTIONS)) {
    await sql.raw(`create or replace function ${name}() returns trigger as $$ ${body} $$ language plpgsql`).execute(db);
  }
  for (const guard of pgGuards()) {
    await sql.raw(`drop trigger if exists ${guard.name} on ${guard.table}`).execute(db);
    const args = guard.args.map((a) => `'${a}'`).join(', ');
    const each = guard.event === 'truncate' ? 'statement' : 'row';
    await sql.raw(`create trigger ${guard.name} before ${guard.event} on ${guard.table} for each ${each} execute function ${guard.fn}(${args})`).execute(db);
  }
  for (const bound of pgBounds()) {
    await sql.raw(`alter table ${bound.table} add constraint ${bound.name} check (${bound.column} between -${bound.bound} and ${bound.bound})`).execute(db);
  }
}
