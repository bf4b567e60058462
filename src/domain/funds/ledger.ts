// The programme's money (经费), in integer fen, append-only like the points ledger: money in from a
// unit for an action, money out of an action for a purpose (a station, a childcare site, a wish…),
// and reversals that negate one entry, once. No action's balance may go below zero: spending
// needs money received for that action first.
import { sql, type Insertable } from 'kysely';
import type { FundEntriesTable } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { parseAction } from '../plan/actions.js';
import { happenedDate } from '../text/dates.js';
import { optionalYuan } from '../text/money.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { findUnit } from '../units/units.js';
import { acceptedTerms, parseTerm } from '../vocabulary.js';

export type FundEntry = {
  id: number;
  kind: 'in' | 'out' | 'reverse';
  action: string | null;
  amountFen: number;
  unit: string | null;
  purpose: string | null;
  forKind: string | null;
  forId: number | null;
  community: string | null;
  date: string;
  reverses: number | null;
  reversedBy: number | null;
  note: string | null;
  operator: string;
};

export type FundIn = { from: string; amount: string; action: string; date?: string; community?: string; note?: string };
/** `for`: what the money was for (`station`, `site`, `wish`, `event`, `care`, `other`) and `forRef` which one (ST0001, a site's name, an id). */
export type FundOut = { action: string; amount: string; purpose: string; for?: string; forRef?: string; date?: string; community?: string; note?: string };

const MAX_TEXT = 200;

function amountOf(value: string): number {
  const fen = optionalYuan(value, 'amount');
  if (fen === undefined || fen <= 0) throw new ValidationError({ key: 'fund.bad_amount', params: { value } });
  return fen;
}

function textOf(value: string | undefined, field: string): string | null {
  const text = optionalText(value);
  if (text && [...text].length > MAX_TEXT) throw new ValidationError({ key: 'visit.too_long', params: { field, limit: MAX_TEXT } });
  return text ?? null;
}

/** The balance of one action (what came in, less what went out, reversals included). */
export async function actionBalance(db: Db, action: string): Promise<number> {
  const row = await db.selectFrom('fund_entries').select(sql<number>`coalesce(sum(amount_fen), 0)`.as('fen')).where('action', '=', action).executeTakeFirstOrThrow();
  return Number(row.fen);
}

/**
 * The lowest balance an action has from `date` on (entries ordered by business date): what an
 * entry dated `date` may take out without the action ever going below zero on any day.
 */
export async function lowestBalanceFrom(db: Db, action: string, date: string): Promise<number> {
  const days = await db
    .selectFrom('fund_entries')
    .select(['business_date', sql<number>`sum(amount_fen)`.as('fen')])
    .where('action', '=', action)
    .groupBy('business_date')
    .orderBy('business_date')
    .execute();
  // Day by day, as db check counts: the balance at the end of `date` (money received that day may be
  // spent that day) and at the end of each later day — each one the balance a later day starts from,
  // or, for the last day, the balance now.
  let running = 0;
  let lowest = Number.POSITIVE_INFINITY;
  for (const day of days) {
    if (day.business_date > date) lowest = Math.min(lowest, running);
    running += Number(day.fen);
  }
  return Math.min(lowest, running);
}

async function refuseShort(trx: Tx, action: string, change: number, date: string): Promise<void> {
  const lowest = await lowestBalanceFrom(trx, action, date);
  if (lowest + change < 0) {
    throw new ConflictError({ key: 'fund.short', params: { action, balance: (lowest / 100).toFixed(2), needed: (-change / 100).toFixed(2), date }, terms: { action: 'action' } });
  }
}

function targetKindOf(value: string): string {
  const kind = parseTerm('fund_target', value);
  if (!kind) throw new ValidationError({ key: 'fund.bad_for', params: { value, accepted: acceptedTerms('fund_target') } });
  return kind;
}

/** What a `--for` names must exist: a station by code, a childcare site by name, a wish, an event or a care visit by id. */
async function targetOf(trx: Tx, kind: string, ref: string): Promise<number> {
  const text = normalizeText(ref);
  const byId = async (table: 'wishes' | 'events' | 'care_visits') => {
    const id = Number(text);
    const row = Number.isSafeInteger(id) ? await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst() : undefined;
    return row?.id;
  };
  const found =
    kind === 'station'
      ? (await trx.selectFrom('stations').select('id').where('code', '=', text).executeTakeFirst())?.id
      : kind === 'site'
        ? (await trx.selectFrom('childcare_sites').select('id').where('name', '=', text).executeTakeFirst())?.id
        : kind === 'wish'
          ? await byId('wishes')
          : kind === 'event'
            ? await byId('events')
            : // The last kind a target can be (fundOut checked the kind, and 'other' names none).
              await byId('care_visits');
  if (found === undefined) throw new NotFoundError({ key: 'fund.for_not_found', params: { kind, ref: text }, terms: { kind: 'fund_target' } });
  return found;
}

type EntryValues = Omit<Insertable<FundEntriesTable>, 'operator' | 'created_at'>;

async function insertEntry(trx: Tx, ctx: Ctx, values: EntryValues): Promise<number> {
  const row = await trx
    .insertInto('fund_entries')
    .values({ ...values, operator: ctx.actor.operator, created_at: ctx.clock.now().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function fundIn(ctx: Ctx, input: FundIn): Promise<FundEntry> {
  const action = parseAction(input.action);
  const amount = amountOf(input.amount);
  const date = happenedDate(input.date, 'date', ctx.clock.today());
  const id = await inTransaction(ctx, async (trx) => {
    const unit = await findUnit(trx, input.from);
    const community = optionalText(input.community) ? (await resolveCommunity(trx, ctx, input.community!)).id : null;
    const id = await insertEntry(trx, ctx, {
      kind: 'in',
      action,
      amount_fen: amount,
      unit_id: unit.id,
      purpose: null,
      for_kind: null,
      for_id: null,
      community_id: community,
      business_date: date,
      reverses_id: null,
      note: textOf(input.note, 'note'),
    });
    await recordAudit(trx, ctx, { action: 'in', entity: 'fund', entityKey: id, detail: { action, yuan: (amount / 100).toFixed(2), from: unit.name } });
    return id;
  });
  return getEntry(ctx.db, id);
}

export async function fundOut(ctx: Ctx, input: FundOut): Promise<FundEntry> {
  const action = parseAction(input.action);
  const amount = amountOf(input.amount);
  const purpose = textOf(input.purpose, 'purpose');
  if (!purpose) throw new ValidationError({ key: 'invalid.required', params: { field: 'purpose' } });
  const forKind = input.for === undefined ? null : targetKindOf(input.for);
  const date = happenedDate(input.date, 'date', ctx.clock.today());
  const id = await inTransaction(ctx, async (trx) => {
    await refuseShort(trx, action, -amount, date);
    if (forKind && forKind !== 'other' && !optionalText(input.forRef))
      throw new ValidationError({ key: 'fund.for_which', params: { kind: forKind }, terms: { kind: 'fund_target' } });
    const forId = forKind && forKind !== 'other' ? await targetOf(trx, forKind, input.forRef!) : null;
    const community = optionalText(input.community) ? (await resolveCommunity(trx, ctx, input.community!)).id : null;
    const id = await insertEntry(trx, ctx, {
      kind: 'out',
      action,
      amount_fen: -amount,
      unit_id: null,
      purpose,
      for_kind: forKind ?? null,
      for_id: forId,
      community_id: community,
      business_date: date,
      reverses_id: null,
      note: textOf(input.note, 'note'),
    });
    await recordAudit(trx, ctx, { action: 'out', entity: 'fund', entityKey: id, detail: { action, yuan: (-amount / 100).toFixed(2), purpose } });
    return id;
  });
  return getEntry(ctx.db, id);
}

/** A reversal negates one entry, once, dated today; refused if it would leave its action short. */
export async function reverseFund(ctx: Ctx, id: number, reason: string): Promise<FundEntry> {
  const why = textOf(reason, 'reason');
  if (!why) throw new ValidationError({ key: 'invalid.required', params: { field: 'reason' } });
  const newId = await inTransaction(ctx, async (trx) => {
    const original = await getEntry(trx, id);
    if (original.kind === 'reverse') throw new ConflictError({ key: 'fund.reverse_reversal', params: { id } });
    if (original.reversedBy !== null) throw new ConflictError({ key: 'fund.already_reversed', params: { id, by: original.reversedBy } });
    // Stryker disable next-line ConditionalExpression: equivalent — every entry written by this code has an action (db check names one without)
    if (original.action) await refuseShort(trx, original.action, -original.amountFen, ctx.clock.today());
    const unit = original.unit ? (await findUnit(trx, original.unit)).id : null;
    const reversal = await insertEntry(trx, ctx, {
      kind: 'reverse',
      action: original.action,
      amount_fen: -original.amountFen,
      unit_id: unit,
      purpose: original.purpose,
      for_kind: original.forKind,
      for_id: original.forId,
      community_id: original.community ? (await resolveCommunity(trx, ctx, original.community)).id : null,
      business_date: ctx.clock.today(),
      reverses_id: id,
      note: why,
    });
    await recordAudit(trx, ctx, { action: 'reverse', entity: 'fund', entityKey: reversal, detail: { reverses: id, reason: why } });
    return reversal;
  });
  return getEntry(ctx.db, newId);
}

export type FundFilter = { id?: number; action?: string; from?: string; to?: string; unitId?: number };

export async function listFunds(db: Db, filter: FundFilter = {}): Promise<FundEntry[]> {
  let q = db
    .selectFrom('fund_entries as f')
    .leftJoin('units as u', 'u.id', 'f.unit_id')
    .leftJoin('communities as c', 'c.id', 'f.community_id')
    .select((eb) => [
      'f.id',
      'f.kind',
      'f.action',
      'f.amount_fen as amountFen',
      'u.name as unit',
      'f.purpose',
      'f.for_kind as forKind',
      'f.for_id as forId',
      'c.name as community',
      'f.business_date as date',
      'f.reverses_id as reverses',
      eb.selectFrom('fund_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'f.id').as('reversedBy'),
      'f.note',
      'f.operator',
    ])
    .orderBy('f.business_date')
    .orderBy('f.id');
  if (filter.id !== undefined) q = q.where('f.id', '=', filter.id);
  if (filter.action) q = q.where('f.action', '=', parseAction(filter.action));
  if (filter.from) q = q.where('f.business_date', '>=', filter.from);
  if (filter.to) q = q.where('f.business_date', '<=', filter.to);
  if (filter.unitId !== undefined) q = q.where('f.unit_id', '=', filter.unitId);
  return (await q.execute()).map((r) => ({ ...r, amountFen: Number(r.amountFen), reversedBy: r.reversedBy ?? null }));
}

export async function getEntry(db: Db, id: number): Promise<FundEntry> {
  const [found] = await listFunds(db, { id });
  if (!found) throw new NotFoundError({ key: 'fund.not_found', params: { id }, hintKey: 'fund.not_found.hint' });
  return found;
}

export type FundBalance = { action: string; inFen: number; outFen: number; balanceFen: number };

/** Per action: money in and out (each net of its reversals) and the balance; `to` bounds the dates. */
export async function fundBalances(db: Db, filter: { action?: string; from?: string; to?: string; communityIds?: number[] } = {}): Promise<FundBalance[]> {
  // A reversal counts against the kind of the entry it reverses.
  let q = db
    .selectFrom('fund_entries as f')
    .leftJoin('fund_entries as o', 'o.id', 'f.reverses_id')
    .select([
      'f.action',
      sql<number>`coalesce(sum(case when coalesce(o.kind, f.kind) = 'in' then f.amount_fen else 0 end), 0)`.as('in_fen'),
      sql<number>`coalesce(sum(case when coalesce(o.kind, f.kind) = 'out' then -f.amount_fen else 0 end), 0)`.as('out_fen'),
    ])
    .groupBy('f.action');
  if (filter.action) q = q.where('f.action', '=', parseAction(filter.action));
  if (filter.from) q = q.where('f.business_date', '>=', filter.from);
  if (filter.to) q = q.where('f.business_date', '<=', filter.to);
  // Stryker disable next-line ArrayDeclaration: SQLite takes `in ()` as matching nothing too; PostgreSQL refuses it (its run kills this)
  if (filter.communityIds) q = q.where('f.community_id', 'in', filter.communityIds.length ? filter.communityIds : [-1]);
  const rows = await q.execute();
  // Stryker disable next-line all: equivalent — every entry written by this code has an action (db check names one without)
  const withAction = rows.filter((r) => r.action !== null);
  return withAction.map((r) => ({ action: r.action!, inFen: Number(r.in_fen), outFen: Number(r.out_fen), balanceFen: Number(r.in_fen) - Number(r.out_fen) }));
}

export type FundMovement = { openingFen: number; inFen: number; outFen: number; reversedFen: number; closingFen: number };

/**
 * A period's money per action, as a year-end report states it: the balance carried in, money in and
 * out (gross, positive), reversals made in the period (signed: a reversed receipt is negative), and the
 * balance carried out. Opening + in − out + reversed = closing, and neither balance is ever negative.
 */
export async function fundMovements(db: Db, filter: { from: string; to: string; communityIds?: number[] }): Promise<Map<string, FundMovement>> {
  let q = db
    .selectFrom('fund_entries')
    .select([
      'action',
      sql<number>`coalesce(sum(case when business_date < ${filter.from} then amount_fen else 0 end), 0)`.as('opening'),
      sql<number>`coalesce(sum(case when business_date between ${filter.from} and ${filter.to} and kind = 'in' then amount_fen else 0 end), 0)`.as('in_fen'),
      sql<number>`coalesce(sum(case when business_date between ${filter.from} and ${filter.to} and kind = 'out' then -amount_fen else 0 end), 0)`.as('out_fen'),
      sql<number>`coalesce(sum(case when business_date between ${filter.from} and ${filter.to} and kind = 'reverse' then amount_fen else 0 end), 0)`.as('reversed'),
    ])
    .where('business_date', '<=', filter.to)
    .groupBy('action');
  // Stryker disable next-line ArrayDeclaration: SQLite takes `in ()` as matching nothing too; PostgreSQL refuses it (its run kills this)
  if (filter.communityIds) q = q.where('community_id', 'in', filter.communityIds.length ? filter.communityIds : [-1]);
  const out = new Map<string, FundMovement>();
  for (const r of await q.execute()) {
    // Stryker disable next-line ConditionalExpression: equivalent — every entry written by this code has an action
    if (r.action === null) continue;
    const [openingFen, inFen, outFen, reversedFen] = [Number(r.opening), Number(r.in_fen), Number(r.out_fen), Number(r.reversed)];
    out.set(r.action, { openingFen, inFen, outFen, reversedFen, closingFen: openingFen + inFen - outFen + reversedFen });
  }
  return out;
}
