import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../migrations/helpers.js';
import type { DB } from './schema.js';

/** Who the session is: an account's role, the schema's `owner`, or `none` (a disabled or unknown login). */
export type SessionKind = 'owner' | 'city' | 'district' | 'subdistrict' | 'community' | 'viewer' | 'none';

/**
 * The database session's identity and reach. On PostgreSQL it is the server's answer (the login role,
 * its account, the district `--district` chose); a SQLite file has one district and no logins.
 */
export type Session = { kind: SessionKind; role: string; districtId: number | null; districtCount: number; chosenId: number | null };

export async function readSession(db: Kysely<DB>, osUser: string): Promise<Session> {
  if (!isPostgres(db)) {
    const district = await db.selectFrom('districts').select('id').orderBy('id').executeTakeFirst();
    return { kind: 'owner', role: osUser, districtId: district?.id ?? null, districtCount: district ? 1 : 0, chosenId: null };
  }
  const { rows } = await sql<{ kind: SessionKind; role: string; district: number | null; count: number; chosen: number | null }>`
    select nuanxin_kind() as kind, session_user as role, nuanxin_district() as district,
           (select count(*) from districts) as count, nuanxin_chosen_district() as chosen`.execute(db);
  const row = rows[0]!;
  return { kind: row.kind, role: row.role, districtId: row.district, districtCount: row.count, chosenId: row.chosen };
}

/** The session's kind alone (PostgreSQL; a SQLite file's one user is its owner). */
export async function sessionKind(db: Kysely<DB>): Promise<SessionKind> {
  if (!isPostgres(db)) return 'owner';
  const { rows } = await sql<{ kind: SessionKind }>`select nuanxin_kind() as kind`.execute(db);
  return rows[0]?.kind ?? 'none';
}

/** `--district NAME` as the server reads it: a startup option, so every connection of the pool carries it. */
export function districtStartupOption(name: string): string {
  return `-c nuanxin.district=${name.replace(/\\/g, '\\\\').replace(/ /g, '\\ ')}`;
}

/**
 * Whether this session may read workers' names and phones at all (the city role may not: the server
 * grants it no such column). A report then leaves out its lists of named people rather than fail.
 */
export async function seesPersonalData(db: Kysely<DB>): Promise<boolean> {
  if (!isPostgres(db)) return true;
  const { rows } = await sql<{ ok: boolean }>`select has_column_privilege('workers', 'phone', 'SELECT') as ok`.execute(db);
  return rows[0]?.ok === true;
}
