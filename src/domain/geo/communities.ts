import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { normalizeText } from '../text/normalize.js';
import { closestNames } from '../text/similar.js';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export type Community = { id: number; name: string; subdistrict: string | null };

async function ensureSubdistrict(trx: Tx, ctx: Ctx, name: string): Promise<number> {
  const found = await trx.selectFrom('subdistricts').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const created = await trx.insertInto('subdistricts').values({ name, created_at: ctx.clock.now().toISOString() }).returning('id').executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { action: 'create', entity: 'subdistrict', entityKey: name });
  return created.id;
}

async function insertCommunity(trx: Tx, ctx: Ctx, name: string, subdistrict?: string): Promise<Community> {
  const subdistrictId = subdistrict ? await ensureSubdistrict(trx, ctx, subdistrict) : null;
  const row = await trx
    .insertInto('communities')
    .values({ name, subdistrict_id: subdistrictId, created_at: ctx.clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, ctx, { action: 'create', entity: 'community', entityKey: name, detail: { subdistrict: subdistrict ?? null } });
  return { id: row.id, name, subdistrict: subdistrict ?? null };
}

export async function addCommunity(ctx: Ctx, input: { name: string; subdistrict?: string }): Promise<Community> {
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  const subdistrict = normalizeText(input.subdistrict) || undefined;
  return inTransaction(ctx, async (trx) => {
    const existing = await trx.selectFrom('communities').select('id').where('name', '=', name).executeTakeFirst();
    if (existing) throw new ConflictError({ key: 'community.exists', params: { name } });
    return insertCommunity(trx, ctx, name, subdistrict);
  });
}

// Stryker disable next-line StringLiteral: the counted column's name is never read; SQLite takes an empty one, PostgreSQL refuses it (its run kills this)
const COUNT = 'n';

export async function listCommunities(db: Kysely<DB>): Promise<(Community & { stations: number; workers: number })[]> {
  const rows = await db
    .selectFrom('communities as c')
    .leftJoin('subdistricts as s', 's.id', 'c.subdistrict_id')
    .select((eb) => [
      'c.id',
      'c.name',
      's.name as subdistrict',
      eb.selectFrom('stations').select(eb.fn.countAll<number>().as(COUNT)).whereRef('stations.community_id', '=', 'c.id').as('stations'),
      eb.selectFrom('workers').select(eb.fn.countAll<number>().as(COUNT)).whereRef('workers.community_id', '=', 'c.id').where('workers.active', '=', 1).as('workers'),
    ])
    .orderBy('s.name')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ ...r, stations: Number(r.stations ?? 0), workers: Number(r.workers ?? 0) }));
}

/**
 * Finds a community by exact (normalised) name. An unknown name is an error that
 * suggests the closest existing names; `create` adds it instead (--create-community).
 */
export async function resolveCommunity(trx: Db, ctx: Ctx, rawName: string, options: { create?: boolean; subdistrict?: string } = {}): Promise<Community> {
  const name = normalizeText(rawName);
  const found = await trx
    .selectFrom('communities as c')
    .leftJoin('subdistricts as s', 's.id', 'c.subdistrict_id')
    .select(['c.id', 'c.name', 's.name as subdistrict'])
    .where('c.name', '=', name)
    .executeTakeFirst();
  if (found) return found;
  if (options.create) return insertCommunity(trx as Tx, ctx, name, normalizeText(options.subdistrict) || undefined);
  throw await unknownCommunity(trx, name);
}

export async function unknownCommunity(db: Db, name: string): Promise<NotFoundError> {
  const all = await db.selectFrom('communities').select('name').execute();
  const suggestions = closestNames(
    name,
    all.map((c) => c.name),
  );
  return new NotFoundError({
    key: suggestions.length ? 'community.not_found_suggest' : 'community.not_found',
    params: { name, suggestions: suggestions.join(', ') },
    hintKey: 'community.not_found.hint',
  });
}

/** For lookups in hot loops: every community by name. */
export async function communityIndex(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('communities').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.name, r.id]));
}
