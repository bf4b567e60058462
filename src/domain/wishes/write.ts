import { acceptedTerms } from '../vocabulary.js';
import type { Updateable } from 'kysely';
import type { WishesTable, WishStatus } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { addDays } from '../clock.js';
import { inTransaction, type Ctx, type Tx } from '../context.js';
import { numberSetting } from '../settings.js';
import { resolveCommunity } from '../geo/communities.js';
import { getStation } from '../stations/read.js';
import { happenedDate, plannedDate } from '../text/dates.js';
import { optionalYuan } from '../text/money.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { findWorker } from '../workers/read.js';
import { allowedNext, parseCategory, parseSource, TRANSITIONS, WISH_CATEGORIES, type WishCategory } from './model.js';
import { findUnit } from '../units/units.js';

export type WishInput = {
  title: string;
  category: string;
  worker?: string;
  site?: string;
  detail?: string;
  estimate?: string;
  source?: string;
  collectedOn?: string;
  station?: string;
  /** The community of a collective wish (a depot's): counted there and in its 街道. A station's or worker's own comes first. */
  community?: string;
};

/** A date given by the clerk (default today), never in the future. */
function pastDate(ctx: Ctx, value: string | undefined, field: string): string {
  return happenedDate(normalizeText(value), field, ctx.clock.today());
}

function categoryOf(value: string): WishCategory {
  const category = parseCategory(value);
  if (!category) throw new ValidationError({ key: 'wish.bad_category', params: { value, accepted: WISH_CATEGORIES.join(', ') } });
  return category;
}

/** Validates a new wish and inserts it as `collected`, inside `trx` (shared by add and import). */
export async function insertWishIn(trx: Tx, ctx: Ctx, input: WishInput, importId: number | null = null): Promise<number> {
  const title = normalizeText(input.title);
  if (!title) throw new ValidationError({ key: 'invalid.required', params: { field: 'title' } });
  const category = categoryOf(input.category);
  const source = optionalText(input.source) === undefined ? 'other' : parseSource(input.source!);
  if (!source) throw new ValidationError({ key: 'wish.bad_source', params: { value: input.source, accepted: acceptedTerms('wish_source') } });
  const site = optionalText(input.site);
  const hasWorker = optionalText(input.worker) !== undefined;
  if (hasWorker === (site !== undefined)) throw new ValidationError({ key: 'wish.worker_or_site' });
  const worker = hasWorker ? await findWorker(trx, input.worker!) : undefined;
  const station = optionalText(input.station) ? await getStation(trx, normalizeText(input.station)) : undefined;
  const named = optionalText(input.community) ? (await resolveCommunity(trx, ctx, input.community!)).id : null;
  const own = worker
    ? (await trx.selectFrom('workers').select('community_id').where('id', '=', worker.id).executeTakeFirstOrThrow()).community_id
    : station
      ? (await trx.selectFrom('stations').select('community_id').where('id', '=', station.id).executeTakeFirstOrThrow()).community_id
      : null;
  // A community named against the station's or worker's own is a mistake, not a choice to make quietly.
  if (named !== null && own !== null && named !== own) throw new ValidationError({ key: 'wish.community_conflict', params: { community: normalizeText(input.community) } });
  const communityId = own ?? named;
  const collectedOn = pastDate(ctx, input.collectedOn, 'collected-on');
  const now = ctx.clock.now().toISOString();
  const row = await trx
    .insertInto('wishes')
    .values({
      title,
      category,
      worker_id: worker?.id ?? null,
      site: site ?? null,
      detail: optionalText(input.detail) ?? null,
      estimate_fen: optionalYuan(input.estimate, 'estimate') ?? null,
      source,
      collected_on: collectedOn,
      station_id: station?.id ?? null,
      community_id: communityId,
      status: 'collected',
      import_id: importId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('wish_events')
    .values({ wish_id: row.id, at: now, business_date: collectedOn, operator: ctx.actor.operator, from_status: null, to_status: 'collected', note: null })
    .execute();
  await recordAudit(trx, ctx, { action: 'create', entity: 'wish', entityKey: row.id, detail: { title, category } });
  return row.id;
}

export async function addWish(ctx: Ctx, input: WishInput): Promise<number> {
  return inTransaction(ctx, (trx) => insertWishIn(trx, ctx, input));
}

type Move = {
  verb: string;
  to: WishStatus;
  set?: Updateable<WishesTable>;
  event: { sponsorId?: number; amountFen?: number | null; dueOn?: string | null; note?: string | null; businessDate?: string };
};

/** One state change: refused (nothing changes) unless the lifecycle allows it; timeline entry appended. */
async function moveIn(trx: Tx, ctx: Ctx, id: number, move: Move): Promise<void> {
  const wish = await trx.selectFrom('wishes').select(['id', 'status']).where('id', '=', id).executeTakeFirst();
  if (!wish) throw new NotFoundError({ key: 'wish.not_found', params: { id }, hintKey: 'wish.not_found.hint' });
  // A verb leads to one state from any state, so the verb alone says whether the move is allowed.
  if (!TRANSITIONS[wish.status].some((t) => t.verb === move.verb)) {
    const next = allowedNext(wish.status);
    // A wish followed up or cancelled moves no further: say so, not "allowed next: none ()".
    throw new ConflictError({
      key: next.allowed ? 'wish.bad_move' : 'wish.final',
      params: { id, status: wish.status, verb: move.verb, ...next },
      terms: { status: 'wish_status', allowed: 'wish_status' },
    });
  }
  // A timeline reads forward: no step may be dated before the one it follows (fulfilled before claimed).
  const businessDate = move.event.businessDate ?? ctx.clock.today();
  const last = await trx
    .selectFrom('wish_events')
    .select((eb) => eb.fn.max('business_date').as('date'))
    .where('wish_id', '=', id)
    .executeTakeFirstOrThrow();
  if (last.date && businessDate < last.date) {
    throw new ValidationError({ key: 'wish.date_before_previous', params: { id, date: businessDate, previous: last.date } });
  }
  const now = ctx.clock.now().toISOString();
  await trx
    .updateTable('wishes')
    .set({ ...move.set, status: move.to, updated_at: now })
    .where('id', '=', id)
    .execute();
  await trx
    .insertInto('wish_events')
    .values({
      wish_id: id,
      at: now,
      business_date: businessDate,
      operator: ctx.actor.operator,
      from_status: wish.status,
      to_status: move.to,
      sponsor_id: move.event.sponsorId ?? null,
      amount_fen: move.event.amountFen ?? null,
      due_on: move.event.dueOn ?? null,
      note: move.event.note ?? null,
    })
    .execute();
  await recordAudit(trx, ctx, { action: move.to, entity: 'wish', entityKey: id, detail: { from: wish.status } });
}

function move(ctx: Ctx, id: number, build: (trx: Tx) => Promise<Move> | Move): Promise<void> {
  return inTransaction(ctx, async (trx) => moveIn(trx, ctx, id, await build(trx)));
}

/** Publishes every collected wish (of a category) in a list; returns their ids. */
export async function publishWishes(ctx: Ctx, filter: { category?: string; date?: string }): Promise<number[]> {
  // A past day: a clerk catching up records the publication when it happened.
  const date = pastDate(ctx, filter.date, 'date');
  const category = filter.category === undefined ? undefined : categoryOf(filter.category);
  return inTransaction(ctx, async (trx) => {
    let query = trx.selectFrom('wishes').select('id').where('status', '=', 'collected').orderBy('id');
    if (category) query = query.where('category', '=', category);
    const ids = (await query.execute()).map((r) => r.id);
    for (const id of ids) await moveIn(trx, ctx, id, { verb: 'list-publish', to: 'listed', set: { listed_on: date }, event: { businessDate: date } });
    return ids;
  });
}

export async function claimWish(ctx: Ctx, id: number, input: { sponsor: string; pledge?: string; due?: string; date?: string }): Promise<void> {
  await move(ctx, id, async (trx) => {
    const sponsor = await findUnit(trx, input.sponsor);
    // The day of the claim (a past day when entered later); the default due day counts from it.
    const today = pastDate(ctx, input.date, 'date');
    let due = addDays(today, await numberSetting(trx, 'wishes.claim_days'));
    if (input.due !== undefined) {
      const parsed = plannedDate(input.due, 'due', ctx.clock.today());
      if (parsed < today) throw new ValidationError({ key: 'wish.due_past', params: { value: parsed } });
      due = parsed;
    }
    const pledge = optionalYuan(input.pledge, 'pledge') ?? null;
    return {
      verb: 'claim',
      to: 'claimed',
      set: { sponsor_id: sponsor.id, pledge_fen: pledge, claimed_on: today, due_on: due },
      event: { sponsorId: sponsor.id, amountFen: pledge, dueOn: due, businessDate: today },
    };
  });
}

export async function fulfilWish(ctx: Ctx, id: number, input: { cost?: string; date?: string; note?: string; evidence?: string }): Promise<void> {
  await move(ctx, id, async (trx) => {
    const date = pastDate(ctx, input.date, 'date');
    const cost = optionalYuan(input.cost, 'cost') ?? null;
    const sponsor = await trx.selectFrom('wishes').select('sponsor_id').where('id', '=', id).executeTakeFirst();
    return {
      verb: 'fulfil',
      to: 'fulfilled',
      set: { cost_fen: cost, fulfilled_on: date, evidence: optionalText(input.evidence) ?? null },
      event: { sponsorId: sponsor?.sponsor_id ?? undefined, amountFen: cost, note: optionalText(input.note) ?? null, businessDate: date },
    };
  });
}

function reasonOf(value: string | undefined, field: string): string {
  const text = optionalText(value);
  if (!text) throw new ValidationError({ key: 'invalid.required', params: { field } });
  return text;
}

export async function followUpWish(ctx: Ctx, id: number, note: string): Promise<void> {
  const text = reasonOf(note, 'note');
  await move(ctx, id, () => ({ verb: 'follow-up', to: 'followed_up', event: { note: text } }));
}

export async function releaseWish(ctx: Ctx, id: number, reason: string): Promise<void> {
  const text = reasonOf(reason, 'reason');
  await move(ctx, id, () => ({
    verb: 'release',
    to: 'listed',
    set: { sponsor_id: null, pledge_fen: null, claimed_on: null, due_on: null, listed_on: ctx.clock.today() },
    event: { note: text },
  }));
}

export async function cancelWish(ctx: Ctx, id: number, reason: string): Promise<void> {
  const text = reasonOf(reason, 'reason');
  await move(ctx, id, () => ({ verb: 'cancel', to: 'cancelled', event: { note: text } }));
}
