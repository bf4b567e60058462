import { sql } from 'kysely';
import { COUNT_LIMIT, wholeNumber } from '../text/numbers.js';
import type { Selectable } from 'kysely';
import type { GiftsTable, PointRulesTable } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { normalizeText, optionalText } from '../text/normalize.js';

export type Rule = { id: number; code: string; name: string; points: number; dailyCap: number | null; description: string | null; retired: boolean };
export type Gift = { id: number; code: string; name: string; cost: number; stock: number; donor: string | null; retired: boolean };

function positive(value: number | undefined, field: string, allowZero = false): number | undefined {
  if (value === undefined) return undefined;
  wholeNumber(value, field, allowZero ? 0 : 1);
  return value;
}

function code(value: string): string {
  const text = normalizeText(value);
  if (!text) throw new ValidationError({ key: 'invalid.required', params: { field: 'code' } });
  return text;
}

// ---- rules

type RuleRow = Selectable<PointRulesTable>;
const toRule = (r: RuleRow): Rule => ({
  id: r.id,
  code: r.code,
  name: r.name,
  points: r.points,
  dailyCap: r.daily_cap,
  description: r.description,
  retired: r.retired_at !== null,
});

/** A rule by its code, or by its name as registered (爱心跑腿) when exactly one rule has that name. */
export async function findRule(db: Db, ruleCode: string): Promise<Rule> {
  const key = normalizeText(ruleCode);
  const r =
    (await db.selectFrom('point_rules').selectAll().where('code', '=', key).executeTakeFirst()) ??
    only(await db.selectFrom('point_rules').selectAll().where('name', '=', key).limit(2).execute());
  if (!r) throw new NotFoundError({ key: 'points.rule_not_found', params: { code: ruleCode }, hintKey: 'points.rule_not_found.hint' });
  return toRule(r);
}

/** The one row, or nothing when there are none or several (a name two entries share names neither). */
function only<T>(rows: T[]): T | undefined {
  return rows.length === 1 ? rows[0] : undefined;
}

export async function listRules(db: Db): Promise<Rule[]> {
  return (await db.selectFrom('point_rules').selectAll().orderBy('code').execute()).map(toRule);
}

export async function addRule(ctx: Ctx, input: { code: string; name: string; points: number; dailyCap?: number; description?: string }): Promise<Rule> {
  const ruleCode = code(input.code);
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  positive(input.points, 'points');
  positive(input.dailyCap, 'daily-cap');
  await inTransaction(ctx, async (trx) => {
    const clash = await trx.selectFrom('point_rules').select('id').where('code', '=', ruleCode).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'points.rule_exists', params: { code: ruleCode } });
    const now = ctx.clock.now().toISOString();
    await trx
      .insertInto('point_rules')
      .values({
        code: ruleCode,
        name,
        points: input.points,
        daily_cap: input.dailyCap ?? null,
        description: optionalText(input.description) ?? null,
        retired_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'create', entity: 'rule', entityKey: ruleCode, detail: { name, points: input.points, dailyCap: input.dailyCap ?? null } });
  });
  return findRule(ctx.db, ruleCode);
}

export async function updateRule(ctx: Ctx, ruleCode: string, input: { name?: string; points?: number; dailyCap?: number; description?: string }): Promise<Rule> {
  positive(input.points, 'points');
  positive(input.dailyCap, 'daily-cap', true);
  await inTransaction(ctx, async (trx) => {
    const rule = await findRule(trx, ruleCode);
    const set = {
      ...(input.name !== undefined ? { name: normalizeText(input.name) } : {}),
      // Stryker disable next-line ConditionalExpression: equivalent, as below — kysely's set() and the audit's JSON both leave out an undefined value
      ...(input.points !== undefined ? { points: input.points } : {}),
      // --daily-cap 0 removes the cap.
      // Stryker disable next-line ConditionalExpression: equivalent — kysely's set() and the audit's JSON both leave out an undefined value
      ...(input.dailyCap !== undefined ? { daily_cap: input.dailyCap === 0 ? null : input.dailyCap } : {}),
      ...(input.description !== undefined ? { description: optionalText(input.description) ?? null } : {}),
    };
    await trx
      .updateTable('point_rules')
      .set({ ...set, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', rule.id)
      .execute();
    await recordAudit(trx, ctx, { action: 'update', entity: 'rule', entityKey: rule.code, detail: set });
  });
  return findRule(ctx.db, ruleCode);
}

export async function retireRule(ctx: Ctx, ruleCode: string): Promise<Rule> {
  await inTransaction(ctx, async (trx) => {
    const rule = await findRule(trx, ruleCode);
    if (rule.retired) throw new ConflictError({ key: 'points.rule_retired', params: { code: rule.code } });
    await trx.updateTable('point_rules').set({ retired_at: ctx.clock.now().toISOString() }).where('id', '=', rule.id).execute();
    await recordAudit(trx, ctx, { action: 'retire', entity: 'rule', entityKey: rule.code });
  });
  return findRule(ctx.db, ruleCode);
}

/** The rules every district starts with (the demo and `points rule seed`). */
export const STANDARD_RULES = [
  { code: 'errand', name: '爱心跑腿', points: 10, dailyCap: 3, description: 'errands for elderly residents' },
  { code: 'patrol', name: '安全巡查', points: 5, dailyCap: 2, description: 'safety patrol' },
  { code: 'hazard', name: '隐患报送', points: 8, dailyCap: 5, description: 'hazard report' },
  { code: 'publicity', name: '安全宣传', points: 5, dailyCap: 2, description: 'safety publicity volunteering' },
  { code: 'event', name: '参加活动', points: 3, dailyCap: undefined, description: 'attending a programme event' },
];

// ---- gifts

const toGift = (g: Selectable<GiftsTable>): Gift => ({ id: g.id, code: g.code, name: g.name, cost: g.cost, stock: g.stock, donor: g.donor, retired: g.retired_at !== null });

/** A gift by its code, or by its name as registered (骑手雨衣) when exactly one gift has that name. */
export async function findGift(db: Db, giftCode: string): Promise<Gift> {
  const key = normalizeText(giftCode);
  const g =
    (await db.selectFrom('gifts').selectAll().where('code', '=', key).executeTakeFirst()) ??
    only(await db.selectFrom('gifts').selectAll().where('name', '=', key).limit(2).execute());
  if (!g) throw new NotFoundError({ key: 'points.gift_not_found', params: { code: giftCode }, hintKey: 'points.gift_not_found.hint' });
  return toGift(g);
}

export async function listGifts(db: Db): Promise<Gift[]> {
  return (await db.selectFrom('gifts').selectAll().orderBy('code').execute()).map(toGift);
}

/** Moves a gift's stock and records the movement (append-only), in the caller's transaction. */
export async function moveStock(
  trx: Tx,
  ctx: Ctx,
  gift: Gift,
  delta: number,
  reason: 'initial' | 'restock' | 'redeem' | 'reverse',
  extra: { pointEntryId?: number; note?: string } = {},
): Promise<void> {
  if (gift.stock + delta < 0) throw new ConflictError({ key: 'points.out_of_stock', params: { code: gift.code, stock: gift.stock, qty: -delta } });
  if (gift.stock + delta > COUNT_LIMIT) throw new ValidationError({ key: 'invalid.positive', params: { field: 'stock', value: gift.stock + delta, max: COUNT_LIMIT } });
  // Relative, and refused in the same statement if the stock would go below zero: a stock read
  // earlier is never written back, so a movement made meanwhile is never lost.
  const moved = await trx
    .updateTable('gifts')
    .set({ stock: sql`stock + ${delta}` })
    .where('id', '=', gift.id)
    .where(sql<boolean>`stock + ${delta} >= 0`)
    .returning('stock')
    .executeTakeFirst();
  if (!moved) {
    const now = await trx.selectFrom('gifts').select('stock').where('id', '=', gift.id).executeTakeFirstOrThrow();
    throw new ConflictError({ key: 'points.out_of_stock', params: { code: gift.code, stock: now.stock, qty: -delta } });
  }
  await trx
    .insertInto('gift_stock_entries')
    .values({
      gift_id: gift.id,
      delta,
      reason,
      point_entry_id: extra.pointEntryId ?? null,
      note: extra.note ?? null,
      operator: ctx.actor.operator,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

export async function addGift(ctx: Ctx, input: { code: string; name: string; cost: number; stock: number; donor?: string }): Promise<Gift> {
  const giftCode = code(input.code);
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  positive(input.cost, 'cost');
  positive(input.stock, 'stock', true);
  await inTransaction(ctx, async (trx) => {
    const clash = await trx.selectFrom('gifts').select('id').where('code', '=', giftCode).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'points.gift_exists', params: { code: giftCode } });
    await trx
      .insertInto('gifts')
      .values({ code: giftCode, name, cost: input.cost, stock: 0, donor: optionalText(input.donor) ?? null, retired_at: null, created_at: ctx.clock.now().toISOString() })
      .execute();
    const gift = await findGift(trx, giftCode);
    if (input.stock > 0) await moveStock(trx, ctx, gift, input.stock, 'initial');
    await recordAudit(trx, ctx, { action: 'create', entity: 'gift', entityKey: giftCode, detail: { name, cost: input.cost, stock: input.stock } });
  });
  return findGift(ctx.db, giftCode);
}

export async function restockGift(ctx: Ctx, giftCode: string, qty: number, note?: string): Promise<Gift> {
  positive(qty, 'qty');
  await inTransaction(ctx, async (trx) => {
    const gift = await findGift(trx, giftCode);
    if (gift.retired) throw new ConflictError({ key: 'points.gift_retired', params: { code: gift.code } });
    await moveStock(trx, ctx, gift, qty, 'restock', { note: optionalText(note) });
    await recordAudit(trx, ctx, { action: 'restock', entity: 'gift', entityKey: gift.code, detail: { qty, note: optionalText(note) ?? null } });
  });
  return findGift(ctx.db, giftCode);
}

export async function retireGift(ctx: Ctx, giftCode: string): Promise<Gift> {
  await inTransaction(ctx, async (trx) => {
    const gift = await findGift(trx, giftCode);
    if (gift.retired) throw new ConflictError({ key: 'points.gift_retired', params: { code: gift.code } });
    await trx.updateTable('gifts').set({ retired_at: ctx.clock.now().toISOString() }).where('id', '=', gift.id).execute();
    await recordAudit(trx, ctx, { action: 'retire', entity: 'gift', entityKey: gift.code });
  });
  return findGift(ctx.db, giftCode);
}
