import { sql, type Kysely } from 'kysely';
import { isPostgres } from './helpers.js';

// The seed's action 4 lists psychological counselling, disaster prevention and
// traffic-safety law lectures beside lectures, first aid and check-ups; 0007's
// CHECK on events.type did not allow them, so they could not be recorded as what they are.
const BEFORE = ['health_lecture', 'first_aid', 'checkup', 'legal', 'safety', 'skills', 'other'];
const AFTER = ['health_lecture', 'first_aid', 'checkup', 'counselling', 'disaster_prevention', 'traffic_safety_law', 'legal', 'safety', 'skills', 'other'];

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`alter table events drop constraint if exists events_type_check, add constraint events_type_check check (type in (${list(AFTER)}))`).execute(db);
    return;
  }
  // SQLite cannot alter a CHECK: the table is rebuilt (sqlite.org/lang_altertable.html, "other kinds
  // of table schema changes"). The migrator runs with foreign_keys off, so the drop does not cascade;
  // foreign_key_check below proves nothing was orphaned before the transaction commits.
  const table = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = 'events'`.execute(db);
  const createSql = table.rows[0]!.sql;
  const oldCheck = `"type" in (${list(BEFORE)})`;
  const plainCheck = `type in (${list(BEFORE)})`;
  const check = createSql.includes(oldCheck) ? oldCheck : plainCheck;
  if (!createSql.includes(check)) throw new Error('events.type CHECK is not the one 0007 created');
  const companions = await sql<{ sql: string }>`select sql from sqlite_schema where tbl_name = 'events' and type in ('index', 'trigger') and sql is not null`.execute(db);

  const rebuilt = createSql.replace(check, `"type" in (${list(AFTER)})`).replace(/^create table "?events"?/i, 'create table "events_rebuilt"');
  await sql.raw(rebuilt).execute(db);
  await sql`insert into events_rebuilt select * from events`.execute(db);
  await sql`drop table events`.execute(db);
  await sql`alter table events_rebuilt rename to events`.execute(db);
  for (const { sql: statement } of companions.rows) await sql.raw(statement).execute(db);

  const orphans = await sql`pragma foreign_key_check`.execute(db);
  if (orphans.rows.length > 0) throw new Error(`foreign key check failed after rebuilding events (${orphans.rows.length} rows)`);
}
