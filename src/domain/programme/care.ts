import { ConflictError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { happenedDate, requireDate } from '../text/dates.js';
import { optionalYuan } from '../text/money.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { acceptedTerms, codesOf, parseTerm, parseTermList } from '../vocabulary.js';
import { findWorker } from '../workers/read.js';

export type CareVisit = {
  id: number;
  workerId: number;
  worker: string;
  phone: string | null;
  date: string;
  by: string;
  kind: string;
  supportFen: number | null;
  note: string | null;
};

export async function recordVisit(ctx: Ctx, input: { worker: string; date: string; by: string; kind?: string; support?: string; note?: string }): Promise<CareVisit> {
  const kind = parseTerm('visit_kind', input.kind ?? 'illness');
  if (!kind) throw new ValidationError({ key: 'care.bad_kind', params: { value: input.kind, accepted: acceptedTerms('visit_kind') } });
  const date = happenedDate(requireDate(input.date, 'date'), 'date', ctx.clock.today());
  const by = normalizeText(input.by);
  if (!by) throw new ValidationError({ key: 'invalid.required', params: { field: 'by' } });
  const support = optionalYuan(input.support, 'support-yuan') ?? null;
  const id = await inTransaction(ctx, async (trx) => {
    const worker = await findWorker(trx, input.worker);
    const row = await trx
      .insertInto('care_visits')
      .values({
        worker_id: worker.id,
        visit_date: date,
        by_name: by,
        kind,
        support_fen: support,
        note: optionalText(input.note) ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'visit', entity: 'care_visit', entityKey: row.id, detail: { worker: worker.id, kind } });
    return row.id;
  });
  return (await listVisits(ctx.db, { id }))[0]!;
}

export async function listVisits(db: Db, filter: { id?: number; workerId?: number; from?: string; to?: string }): Promise<CareVisit[]> {
  let q = db
    .selectFrom('care_visits as v')
    .innerJoin('workers as w', 'w.id', 'v.worker_id')
    .select(['v.id', 'v.worker_id as workerId', 'w.name as worker', 'w.phone', 'v.visit_date as date', 'v.by_name as by', 'v.kind', 'v.support_fen as supportFen', 'v.note'])
    .orderBy('v.visit_date')
    .orderBy('v.id');
  if (filter.id !== undefined) q = q.where('v.id', '=', filter.id);
  if (filter.workerId !== undefined) q = q.where('v.worker_id', '=', filter.workerId);
  if (filter.from) q = q.where('v.visit_date', '>=', filter.from);
  if (filter.to) q = q.where('v.visit_date', '<=', filter.to);
  return q.execute();
}

// ---- rider-friendly communities and merchants

/** The core measures: a community with all of them is rider-friendly. */
export const FRIENDLY_MEASURES = codesOf('friendly_measure');

function parseList(value: string | undefined, kind: 'friendly_measure' | 'merchant_offer', key: string): string[] {
  const { codes, unknown } = parseTermList(kind, value);
  if (unknown !== undefined) throw new ValidationError({ key, params: { value: unknown, accepted: acceptedTerms(kind) } });
  return codes;
}

/** The measures a community has on `date` (replaying the dated set/unset history). */
export async function measuresOn(db: Db, communityId: number, date: string): Promise<string[]> {
  const rows = await db
    .selectFrom('community_measures')
    .select(['measure', 'action'])
    .where('community_id', '=', communityId)
    .where('on_date', '<=', date)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
  const have = new Set<string>();
  for (const r of rows) r.action === 'set' ? have.add(r.measure) : have.delete(r.measure);
  return FRIENDLY_MEASURES.filter((m) => have.has(m));
}

export async function setMeasures(
  ctx: Ctx,
  community: string,
  input: { set?: string; unset?: string; date?: string },
): Promise<{ community: string; measures: string[]; friendly: boolean }> {
  const toSet = parseList(input.set, 'friendly_measure', 'friendly.bad_measure');
  const toUnset = parseList(input.unset, 'friendly_measure', 'friendly.bad_measure');
  if (toSet.length + toUnset.length === 0) throw new ValidationError({ key: 'usage.nothing_to_change' });
  const date = happenedDate(input.date, 'date', ctx.clock.today());
  return inTransaction(ctx, async (trx) => {
    const c = await resolveCommunity(trx, ctx, community);
    const before = await measuresOn(trx, c.id, date);
    for (const m of toSet) {
      if (before.includes(m)) throw new ConflictError({ key: 'friendly.already_set', params: { measure: m, community: c.name }, terms: { measure: 'friendly_measure' } });
      await trx.insertInto('community_measures').values({ community_id: c.id, measure: m, action: 'set', on_date: date, operator: ctx.actor.operator }).execute();
    }
    for (const m of toUnset) {
      if (!before.includes(m)) throw new ConflictError({ key: 'friendly.not_set', params: { measure: m, community: c.name } });
      await trx.insertInto('community_measures').values({ community_id: c.id, measure: m, action: 'unset', on_date: date, operator: ctx.actor.operator }).execute();
    }
    await recordAudit(trx, ctx, { action: 'measures', entity: 'community', entityKey: c.name, detail: { set: toSet, unset: toUnset, date } });
    const measures = await measuresOn(trx, c.id, date);
    return { community: c.name, measures, friendly: measures.length === FRIENDLY_MEASURES.length };
  });
}

export type Merchant = { id: number; name: string; community: string; offers: string[]; addedOn: string };

export async function addMerchant(ctx: Ctx, input: { name: string; community: string; offers: string }): Promise<Merchant> {
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  const offers = parseList(input.offers, 'merchant_offer', 'friendly.bad_offer');
  if (offers.length === 0) throw new ValidationError({ key: 'invalid.required', params: { field: 'offers' } });
  const id = await inTransaction(ctx, async (trx) => {
    const c = await resolveCommunity(trx, ctx, input.community);
    if (await trx.selectFrom('merchants').select('id').where('name', '=', name).where('community_id', '=', c.id).executeTakeFirst()) {
      throw new ConflictError({ key: 'merchant.exists', params: { name, community: c.name } });
    }
    const row = await trx
      .insertInto('merchants')
      .values({ name, community_id: c.id, offers: offers.join(','), added_on: ctx.clock.today() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'merchant', entityKey: row.id, detail: { name, community: c.name, offers } });
    return row.id;
  });
  return (await listMerchants(ctx.db, {})).find((m) => m.id === id)!;
}

export async function listMerchants(db: Db, filter: { community?: string }): Promise<Merchant[]> {
  let q = db
    .selectFrom('merchants as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .select(['m.id', 'm.name', 'c.name as community', 'm.offers', 'm.added_on as addedOn'])
    .orderBy('c.name')
    .orderBy('m.name');
  if (filter.community) q = q.where('c.name', '=', normalizeText(filter.community));
  return (await q.execute()).map((r) => ({ ...r, offers: r.offers.split(',') }));
}
