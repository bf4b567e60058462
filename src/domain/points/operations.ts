import { COUNT_LIMIT, wholeNumber } from '../text/numbers.js';
import { ConflictError, NotFoundError, UsageError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Tx } from '../context.js';
import { maskPhone } from '../privacy.js';
import { happenedDate } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { findLivingWorker } from '../workers/read.js';
import { findGift, findRule, moveStock } from './catalogue.js';
import { appendEntry, balanceOf, toEntry, type Entry } from './ledger.js';

export type AwardInput = {
  worker: string;
  rule: string;
  date?: string;
  note?: string;
  ref?: string;
  points?: number;
  reason?: string;
  importId?: number;
  /** A file row without a ref: keyed by worker, rule, date and note, so importing it again adds nothing. */
  dedupe?: boolean;
};

/** A business date as given (YYYY-MM-DD and the usual forms), default today; never in the future. */
export function businessDateOf(ctx: Ctx, input: string | undefined): string {
  return happenedDate(normalizeText(input), 'date', ctx.clock.today());
}

/** One award inside the caller's transaction (shared by `points award`, `points import` and event attendance). */
export async function awardIn(trx: Tx, ctx: Ctx, input: AwardInput): Promise<Entry> {
  // The one place this rule lives: a points figure other than the rule's says why (checked before any lookup).
  if (input.points !== undefined) {
    if (!optionalText(input.reason)) throw new UsageError({ key: 'usage.reason_required', params: { flag: '--points' } });
    wholeNumber(input.points, 'points');
  }
  const worker = await findLivingWorker(trx, input.worker);
  if (!worker.active) throw new ConflictError({ key: 'points.inactive_worker', params: { phone: maskPhone(worker.phone) ?? input.worker } });
  const rule = await findRule(trx, input.rule);
  if (rule.retired) throw new ConflictError({ key: 'points.rule_retired', params: { code: rule.code } });
  const businessDate = businessDateOf(ctx, input.date);
  const ref = optionalText(input.ref);
  // Stryker disable next-line ConditionalExpression: equivalent — without a ref the lookup matches no row (ref = NULL)
  if (ref) {
    const clash = await trx.selectFrom('point_entries').select('id').where('ref', '=', ref).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'points.duplicate_ref', params: { ref, id: clash.id } });
  }
  // The date as written (blank stays blank): the same row imported on another day is still the same row.
  const dedupeKey = input.dedupe && !ref ? [worker.id, rule.id, input.date ? businessDate : '', optionalText(input.note) ?? ''].join('|') : undefined;
  // Stryker disable next-line ConditionalExpression: equivalent — without a key the lookup matches no row
  if (dedupeKey) {
    const clash = await trx.selectFrom('point_entries').select('id').where('dedupe_key', '=', dedupeKey).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'points.duplicate_row', params: { id: clash.id } });
  }
  if (rule.dailyCap !== null) {
    const today = await trx
      .selectFrom('point_entries as e')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('e.worker_id', '=', worker.id)
      .where('e.rule_id', '=', rule.id)
      .where('e.business_date', '=', businessDate)
      .where('e.kind', '=', 'award')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('point_entries as r').select('r.id').whereRef('r.reverses_id', '=', 'e.id'))))
      .executeTakeFirstOrThrow();
    if (Number(today.n) >= rule.dailyCap) {
      throw new ConflictError({ key: 'points.daily_cap', params: { rule: rule.code, cap: rule.dailyCap, date: businessDate } });
    }
  }
  return appendEntry(trx, ctx, {
    workerId: worker.id,
    kind: 'award',
    points: input.points ?? rule.points,
    ruleId: rule.id,
    businessDate,
    note: optionalText(input.note),
    reason: optionalText(input.reason),
    ref,
    importId: input.importId,
    dedupeKey,
  });
}

export async function award(ctx: Ctx, input: AwardInput): Promise<Entry> {
  return inTransaction(ctx, async (trx) => {
    const entry = await awardIn(trx, ctx, input);
    await recordAudit(trx, ctx, {
      action: 'award',
      entity: 'point_entry',
      entityKey: entry.id,
      detail: { worker: entry.workerId, points: entry.points, date: entry.businessDate },
    });
    return entry;
  });
}

/** Balance and stock are checked in the same (immediate) transaction as the write. */
export async function redeem(ctx: Ctx, input: { worker: string; gift: string; qty?: number; date?: string }): Promise<Entry> {
  const qty = input.qty ?? 1;
  wholeNumber(qty, 'qty');
  return inTransaction(ctx, async (trx) => {
    const worker = await findLivingWorker(trx, input.worker);
    const gift = await findGift(trx, input.gift);
    if (gift.retired) throw new ConflictError({ key: 'points.gift_retired', params: { code: gift.code } });
    const cost = gift.cost * qty;
    if (cost > COUNT_LIMIT) throw new ValidationError({ key: 'invalid.points_total', params: { cost, max: COUNT_LIMIT } });
    const { balance } = await balanceOf(trx, worker.id);
    const shortPoints = balance < cost;
    const shortStock = gift.stock < qty;
    if (shortPoints || shortStock) {
      throw new ConflictError({
        key: shortPoints && shortStock ? 'points.short_both' : shortPoints ? 'points.short_balance' : 'points.out_of_stock',
        params: { balance, cost, missing: cost - balance, code: gift.code, stock: gift.stock, qty },
      });
    }
    const entry = await appendEntry(trx, ctx, { workerId: worker.id, kind: 'redeem', points: -cost, giftId: gift.id, qty, businessDate: businessDateOf(ctx, input.date) });
    await moveStock(trx, ctx, gift, -qty, 'redeem', { pointEntryId: entry.id });
    await recordAudit(trx, ctx, { action: 'redeem', entity: 'point_entry', entityKey: entry.id, detail: { worker: worker.id, gift: gift.code, qty, points: entry.points } });
    return entry;
  });
}

/** A compensating entry; an entry is reversed at most once; nothing is updated or deleted. */
export async function reverse(ctx: Ctx, entryId: number, reason: string): Promise<Entry> {
  const why = normalizeText(reason);
  if (!why) throw new ValidationError({ key: 'invalid.required', params: { field: 'reason' } });
  return inTransaction(ctx, async (trx) => {
    const row = await trx.selectFrom('point_entries').selectAll().where('id', '=', entryId).executeTakeFirst();
    if (!row) throw new NotFoundError({ key: 'points.entry_not_found', params: { id: entryId }, hintKey: 'points.entry_not_found.hint' });
    const original = toEntry(row);
    if (original.kind === 'reverse' || original.kind === 'expire') {
      throw new ConflictError({ key: 'points.not_reversible', params: { id: entryId, kind: original.kind } });
    }
    const earlier = await trx.selectFrom('point_entries').select('id').where('reverses_id', '=', entryId).executeTakeFirst();
    if (earlier) throw new ConflictError({ key: 'points.already_reversed', params: { id: entryId, by: earlier.id } });
    const entry = await appendEntry(trx, ctx, {
      workerId: original.workerId,
      kind: 'reverse',
      points: -original.points,
      ruleId: original.ruleId,
      giftId: original.giftId,
      qty: original.qty,
      businessDate: ctx.clock.today(),
      reason: why,
      reversesId: original.id,
    });
    // Of the entries that can be reversed, only a redemption names a gift: it goes back into stock.
    if (original.giftId !== null) {
      const gift = await trx.selectFrom('gifts').select('code').where('id', '=', original.giftId).executeTakeFirstOrThrow();
      await moveStock(trx, ctx, await findGift(trx, gift.code), original.qty ?? 1, 'reverse', { pointEntryId: entry.id });
    }
    await recordAudit(trx, ctx, { action: 'reverse', entity: 'point_entry', entityKey: entry.id, detail: { reverses: original.id, points: entry.points, reason: why } });
    return entry;
  });
}
