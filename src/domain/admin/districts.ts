import { sql, type Kysely } from 'kysely';
import { DISTRICT_TABLES } from '../../../migrations/access.js';
import { isPostgres } from '../../../migrations/helpers.js';
import type { DB } from '../../db/schema.js';
import type { Session } from '../../db/session.js';
import { ConflictError, NotFoundError, UsageError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { setSetting } from '../settings.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { normalizeText } from '../text/normalize.js';
import { closestNames } from '../text/similar.js';

export type District = { id: number; name: string; communities: number; workers: number };

/**
 * Whether this session may run a command in the district it asked for (`--district`, else its own).
 * A district's clerk is kept to their district by the server whatever they ask; asking for another is
 * refused here so they hear why. An owner or the city on a server of several districts must name one,
 * unless the command spans them (`anyDistrict`: `district list`, `report --city`, `db check`).
 */
export async function enterDistrict(db: Db, session: Session, requested: string | undefined, options: { anyDistrict?: boolean } = {}): Promise<void> {
  if (session.kind === 'none') throw new ConflictError({ key: 'account.no_access', params: { name: session.role } });
  const name = requested === undefined ? undefined : normalizeText(requested);
  if (name !== undefined) {
    const found = await districtByName(db, name);
    const wide = session.kind === 'owner' || session.kind === 'city';
    if (!wide && found.id !== session.districtId) throw new ConflictError({ key: 'district.not_yours', params: { name, role: session.role } });
    return;
  }
  if (!options.anyDistrict && session.districtId === null && session.districtCount > 1) {
    const all = await db.selectFrom('districts').select('name').orderBy('name').execute();
    throw new UsageError({ key: 'district.choose', params: { names: all.map((d) => d.name).join(', ') } });
  }
}

/** A district by its exact name, or not found with the closest names. */
export async function districtByName(db: Db, rawName: string): Promise<{ id: number; name: string }> {
  const name = normalizeText(rawName);
  const found = await db.selectFrom('districts').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
  if (found) return found;
  const all = await db.selectFrom('districts').select('name').execute();
  const suggestions = closestNames(
    name,
    all.map((d) => d.name),
  );
  throw new NotFoundError({ key: suggestions.length ? 'district.not_found_suggest' : 'district.not_found', params: { name, suggestions: suggestions.join(', ') } });
}

/** The districts this session sees, with their communities and active workers (counts only). */
export async function listDistricts(db: Kysely<DB>): Promise<District[]> {
  const server = isPostgres(db);
  const districts = await db.selectFrom('districts').select(['id', 'name']).orderBy('id').execute();
  // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
  if (!server) {
    // A SQLite file is one district: every community and worker is its.
    const communities = await db
      .selectFrom('communities')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const workers = await db
      .selectFrom('workers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return districts.map((d) => ({ ...d, communities: Number(communities.n), workers: Number(workers.n) }));
  }
  const counts = async (table: 'communities' | 'workers') => {
    const active = table === 'workers' ? sql`where active = 1` : sql``;
    const { rows } = await sql<{ district: number; n: number }>`select district_id as district, count(*) as n from ${sql.table(table)} ${active} group by district_id`.execute(db);
    return new Map(rows.map((r) => [Number(r.district), Number(r.n)]));
  };
  const communities = await counts('communities');
  const workers = await counts('workers');
  return districts.map((d) => ({ ...d, communities: communities.get(d.id) ?? 0, workers: workers.get(d.id) ?? 0 }));
}

/** A new district on a city's server. A SQLite file holds one district: it is named, not added. */
export async function addDistrict(ctx: Ctx, rawName: string): Promise<{ id: number; name: string }> {
  const name = normalizeText(rawName);
  if (!name || name.length > 40) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
  if (!isPostgres(ctx.db)) throw new ConflictError({ key: 'district.one_per_file', params: { name } });
  return inTransaction(ctx, async (trx) => {
    const existing = await trx.selectFrom('districts').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) throw new ConflictError({ key: 'district.exists', params: { name } });
    const row =
      (await nameUnnamedDistrict(trx, name)) ??
      (await trx.insertInto('districts').values({ name, created_at: ctx.clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow());
    // The line belongs to the new district: its office sees who made it.
    await sql`select set_config('nuanxin.district', ${name}, true)`.execute(trx);
    await recordAudit(trx, ctx, { action: 'create', entity: 'district', entityKey: name });
    return { id: row.id, name };
  });
}

// The tables whose rows are not a district's records: its logs and its settings (init writes to both).
const NOT_RECORDS = new Set(['audit_log', 'access_log', 'settings']);

/**
 * `init` on a new server makes one district without a name; the first `district add` names it rather
 * than leave an empty one beside it. One that already holds records is named on purpose, not by this.
 */
async function nameUnnamedDistrict(trx: Tx, name: string): Promise<{ id: number } | undefined> {
  const all = await trx.selectFrom('districts').select(['id', 'name']).execute();
  const unnamed = all.find((d) => d.name === '');
  if (!unnamed) return undefined;
  // Any record counts (a gift, a points rule, a target), not only communities and workers.
  const tables = DISTRICT_TABLES.filter((table) => !NOT_RECORDS.has(table));
  const held = sql.join(
    tables.map((table) => sql`exists (select 1 from ${sql.table(table)} where district_id = ${unnamed.id})`),
    sql` or `,
  );
  const { rows } = await sql<{ held: boolean }>`select (${held}) as held`.execute(trx);
  if (rows[0]!.held) throw new ConflictError({ key: 'district.unnamed_has_data' });
  await trx.updateTable('districts').set({ name }).where('id', '=', unnamed.id).execute();
  return unnamed;
}

/**
 * `init --district NAME`. A SQLite file's one district takes the name (as `config set district.name`
 * would: the reports' heading, `district list` and `--district` agree); on a server the district is
 * made unless it exists (the first names the unnamed one `init` made).
 */
export async function nameDistrictAtInit(ctx: Ctx, rawName: string): Promise<string> {
  const name = normalizeText(rawName);
  if (!name || name.length > 40) throw new ValidationError({ key: 'invalid.required', params: { field: 'district' } });
  // Stryker disable next-line ConditionalExpression: engine branch — on SQLite the server's side never runs; the PostgreSQL run of npm test kills it
  if (isPostgres(ctx.db)) {
    const existing = await ctx.db.selectFrom('districts').select('id').where('name', '=', name).executeTakeFirst();
    if (!existing) await addDistrict(ctx, name);
    return name;
  }
  const only = await ctx.db.selectFrom('districts').select('name').executeTakeFirstOrThrow();
  if (only.name !== name) await setSetting(ctx, 'district.name', name);
  return name;
}

/** The name of the district this session works in ('' when it has none yet): a report's heading. */
export async function sessionDistrictName(db: Db): Promise<string> {
  // Stryker disable next-line ConditionalExpression,OptionalChaining: engine branch, as above; and a file always has its district row
  if (!isPostgres(db)) return (await db.selectFrom('districts').select('name').orderBy('id').executeTakeFirst())?.name ?? '';
  const { rows } = await sql<{ name: string }>`select name from districts
    where id = coalesce(nuanxin_district(), (select min(id) from districts having count(*) = 1))`.execute(db);
  return rows[0]?.name ?? '';
}
