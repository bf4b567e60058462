import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { DISTRICT_TABLES, INSERT_ONLY_TABLES, groupRole, isPersonalColumn, type AccountRole } from '../../../migrations/access.js';
import type { DB } from '../schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** A role name as SQL: always quoted (a clerk's login may be Chinese), so no name is ever read as SQL. */
export function quoteRole(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * The password as the server stores it (RFC 5802 / 7677, PostgreSQL's `SCRAM-SHA-256$iterations:salt$StoredKey:ServerKey`):
 * made here, so the password itself never travels in a statement the server could log.
 */
export function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/** The group role of an account role, made once per server (roles are the cluster's, not one database's). */
async function ensureGroup(db: Db, role: AccountRole): Promise<void> {
  const group = groupRole(role);
  const { rows } = await sql<{ n: number }>`select count(*) as n from pg_roles where rolname = ${group}`.execute(db);
  if (rows[0]!.n === 0) await sql.raw(`create role ${group} nologin`).execute(db);
}

/**
 * What a role's group may do in this database (idempotent: run on every `account add`, so a table a
 * later migration adds is granted too). Rows are the policies' business; these are the statements.
 */
async function grantGroup(db: Db, role: AccountRole): Promise<void> {
  const group = groupRole(role);
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`grant usage on schema ${await schemaName(db)} to ${group}`);
  await run(`grant select on districts, kysely_migration to ${group}`);
  const { rows: columns } = await sql<{ table: string; column: string }>`select table_name as table, column_name as column
    from information_schema.columns where table_schema = current_schema() order by table_name, ordinal_position`.execute(db);
  for (const table of DISTRICT_TABLES) {
    await run(`revoke all on ${table} from ${group}`);
    if (role === 'city' || role === 'viewer') {
      // Aggregates only: every column but phone and ID numbers (and the names beside them).
      const open = columns.filter((c) => c.table === table && !isPersonalColumn(table, c.column)).map((c) => c.column);
      await run(`grant select (${open.join(', ')}) on ${table} to ${group}`);
    } else {
      const verbs = INSERT_ONLY_TABLES.includes(table) ? 'select, insert' : 'select, insert, update, delete';
      await run(`grant ${verbs} on ${table} to ${group}`);
    }
  }
  if (role === 'city') await run(`grant insert on districts, audit_log to ${group}`);
  if (role !== 'viewer') await run(`grant usage on all sequences in schema ${await schemaName(db)} to ${group}`);
}

async function schemaName(db: Db): Promise<string> {
  const { rows } = await sql<{ name: string }>`select quote_ident(current_schema()) as name`.execute(db);
  return rows[0]!.name;
}

/** A login for an account: its group's grants, and a password's verifier when one is given. */
export async function createLogin(db: Db, props: { name: string; role: AccountRole; password?: string }): Promise<void> {
  await ensureGroup(db, props.role);
  await grantGroup(db, props.role);
  const password = props.password === undefined ? '' : ` password '${scramVerifier(props.password)}'`;
  await sql.raw(`create role ${quoteRole(props.name)} login${password} in role ${groupRole(props.role)}`).execute(db);
}

/** A disabled account can no longer log in (its rows and their history stay). */
export async function disableLogin(db: Db, name: string): Promise<void> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from pg_roles where rolname = ${name}`.execute(db);
  if (rows[0]!.n > 0) await sql.raw(`alter role ${quoteRole(name)} nologin`).execute(db);
}

/** Whether a role of that name exists on the server already (an account's name must be new). */
export async function roleExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from pg_roles where rolname = ${name}`.execute(db);
  return rows[0]!.n > 0;
}
