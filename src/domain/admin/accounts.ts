import { sql } from 'kysely';
import { isPostgres } from '../../../migrations/helpers.js';
import { ACCOUNT_ROLES, ROLE_SCOPE, type AccountRole } from '../../../migrations/access.js';
import { createLogin, disableLogin, roleExists } from '../../db/postgres/roles.js';
import { ConflictError, NotFoundError, UsageError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { normalizeText } from '../text/normalize.js';
import { districtByName } from './districts.js';

export type Account = {
  name: string;
  role: AccountRole;
  district: string | null;
  subdistrict: string | null;
  community: string | null;
  createdAt: string;
  disabledAt: string | null;
};

export type NewAccount = { name: string; role: string; scope?: string; password?: string };

// A login name the server and a clerk's terminal both take: letters (Chinese too), digits, _ . -
const NAME = /^[\p{L}\p{N}_.-]{1,40}$/u;

/**
 * A clerk's account. On PostgreSQL it is a login role of its own (the password, when given, reaches
 * the server only as a SCRAM verifier; nuanxin keeps none), in its role's group, and the server keeps
 * it to its scope. On SQLite it is a record of who works where: the file has no logins.
 */
export async function addAccount(ctx: Ctx, input: NewAccount): Promise<Account> {
  const name = normalizeText(input.name);
  if (!NAME.test(name) || /^pg_/i.test(name) || /^nuanxin_/i.test(name)) throw new ValidationError({ key: 'account.bad_name', params: { name } });
  if (!(ACCOUNT_ROLES as readonly string[]).includes(input.role)) {
    throw new UsageError({ key: 'usage.bad_choice', params: { value: input.role, flag: '--role', choices: ACCOUNT_ROLES.join(', ') } });
  }
  const role = input.role as AccountRole;
  const server = isPostgres(ctx.db);
  if (!server && input.password !== undefined) throw new UsageError({ key: 'account.no_logins' });
  return inTransaction(ctx, async (trx) => {
    const existing = await trx.selectFrom('accounts').select('id').where('name', '=', name).executeTakeFirst();
    // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
    if (existing || (server && (await roleExists(trx, name)))) throw new ConflictError({ key: 'account.exists', params: { name } });
    const scope = await resolveScope(trx, role, input.scope);
    await trx
      .insertInto('accounts')
      .values({ name, role, district_id: scope.districtId, subdistrict_id: scope.subdistrictId, community_id: scope.communityId, created_at: ctx.clock.now().toISOString() })
      .execute();
    // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
    if (server) await createLogin(trx, { name, role, password: input.password });
    await auditAccount(trx, ctx, scope.district, { action: 'create', entity: 'account', entityKey: name, detail: { role, scope: scope.label, login: server } });
    return { name, role, district: scope.district, subdistrict: scope.subdistrict, community: scope.community, createdAt: ctx.clock.now().toISOString(), disabledAt: null };
  });
}

type Scope = {
  districtId: number | null;
  subdistrictId: number | null;
  communityId: number | null;
  district: string | null;
  subdistrict: string | null;
  community: string | null;
  label: string | null;
};

/** `--scope`: a district for the office and viewers, a 街道 or a community for their clerks; none for the city. */
async function resolveScope(trx: Tx, role: AccountRole, raw: string | undefined): Promise<Scope> {
  const reach = ROLE_SCOPE[role];
  const name = normalizeText(raw) || undefined;
  const none = { districtId: null, subdistrictId: null, communityId: null, district: null, subdistrict: null, community: null, label: null };
  if (reach === 'city') {
    if (name) throw new UsageError({ key: 'account.city_scope' });
    return none;
  }
  if (!name) throw new UsageError({ key: 'account.scope_needed', params: { role } });
  if (reach === 'district') {
    const district = await districtForScope(trx, name);
    return { ...none, districtId: district.id, district: district.name, label: district.name };
  }
  const table = reach === 'subdistrict' ? 'subdistricts' : 'communities';
  let query = trx.selectFrom(table).select(['id', 'name']).where('name', '=', name);
  // On a server a name is a district's own: the session's district (named, or the only one).
  // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
  if (isPostgres(trx)) query = query.where(sql.ref('district_id'), '=', sql`nuanxin_write_district()`);
  const found = await query.executeTakeFirst();
  if (!found) throw new NotFoundError({ key: reach === 'subdistrict' ? 'account.no_subdistrict' : 'community.not_found', params: { name, suggestions: '' } });
  const district = await districtOfRow(trx, table, found.id);
  return reach === 'subdistrict'
    ? { ...none, districtId: district.id, district: district.name, subdistrictId: found.id, subdistrict: found.name, label: found.name }
    : { ...none, districtId: district.id, district: district.name, communityId: found.id, community: found.name, label: found.name };
}

async function districtForScope(trx: Tx, name: string): Promise<{ id: number; name: string }> {
  // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
  if (isPostgres(trx)) return districtByName(trx, name);
  // A SQLite file's one district by its name; an unnamed one (before `init --district`) answers to any.
  const only = await trx.selectFrom('districts').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
  if (only.name && only.name !== name) return districtByName(trx, name);
  return only;
}

async function districtOfRow(trx: Tx, table: 'subdistricts' | 'communities', id: number): Promise<{ id: number; name: string }> {
  // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
  if (!isPostgres(trx)) return trx.selectFrom('districts').select(['id', 'name']).orderBy('id').executeTakeFirstOrThrow();
  const { rows } = await sql<{ id: number; name: string }>`select d.id, d.name from ${sql.table(table)} t join districts d on d.id = t.district_id where t.id = ${id}`.execute(trx);
  return rows[0]!;
}

export async function listAccounts(db: Db): Promise<Account[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('districts as d', 'd.id', 'a.district_id')
    .leftJoin('subdistricts as s', 's.id', 'a.subdistrict_id')
    .leftJoin('communities as c', 'c.id', 'a.community_id')
    .select(['a.name', 'a.role', 'd.name as district', 's.name as subdistrict', 'c.name as community', 'a.created_at as createdAt', 'a.disabled_at as disabledAt'])
    .orderBy('a.id')
    .execute();
  return rows;
}

/** An account stops working (on a server its login is refused from now on); its history stays hers. */
export async function disableAccount(ctx: Ctx, rawName: string): Promise<{ name: string; disabledAt: string }> {
  const name = normalizeText(rawName);
  return inTransaction(ctx, async (trx) => {
    const found = await trx
      .selectFrom('accounts as a')
      .leftJoin('districts as d', 'd.id', 'a.district_id')
      .select(['a.id', 'a.disabled_at', 'd.name as district'])
      .where('a.name', '=', name)
      .executeTakeFirst();
    if (!found) throw new NotFoundError({ key: 'account.not_found', params: { name } });
    if (found.disabled_at) throw new ConflictError({ key: 'account.already_disabled', params: { name, at: found.disabled_at } });
    const at = ctx.clock.now().toISOString();
    await trx.updateTable('accounts').set({ disabled_at: at }).where('id', '=', found.id).execute();
    if (isPostgres(trx)) await disableLogin(trx, name);
    await auditAccount(trx, ctx, found.district, { action: 'disable', entity: 'account', entityKey: name });
    return { name, disabledAt: at };
  });
}

/**
 * An account's line of the trail belongs to its district, so that district's office reads who was
 * given access to its records; a city account's line belongs to no district.
 */
async function auditAccount(trx: Tx, ctx: Ctx, district: string | null, entry: { action: string; entity: string; entityKey: string; detail?: unknown }): Promise<void> {
  // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
  if (!isPostgres(trx)) return recordAudit(trx, ctx, entry);
  if (district === null) return recordAudit(trx, ctx, { ...entry, cityWide: true });
  await sql`select set_config('nuanxin.district', ${district}, true)`.execute(trx);
  await recordAudit(trx, ctx, entry);
}
