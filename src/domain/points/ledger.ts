import { sql, type Selectable } from 'kysely';
import type { EntryKind, PointEntriesTable } from '../../db/schema.js';
import { ConflictError } from '../../errors.js';
import type { Ctx, Tx } from '../context.js';
import { districtKey } from '../../db/sql.js';

export type Entry = {
  id: number;
  workerId: number;
  kind: EntryKind;
  points: number;
  ruleId: number | null;
  giftId: number | null;
  qty: number | null;
  businessDate: string;
  note: string | null;
  reason: string | null;
  ref: string | null;
  reversesId: number | null;
  operator: string;
  createdAt: string;
};

export type NewEntry = {
  workerId: number;
  kind: EntryKind;
  points: number;
  businessDate: string;
  ruleId?: number | null;
  giftId?: number | null;
  qty?: number | null;
  note?: string | null;
  reason?: string | null;
  ref?: string | null;
  reversesId?: number | null;
  importId?: number | null;
  /** Imported rows without a ref: what makes the row itself unique (see awardIn). */
  dedupeKey?: string | null;
};

export type Balance = { balance: number; earned: number; redeemed: number; reversed: number; expired: number };

const ZERO: Balance = { balance: 0, earned: 0, redeemed: 0, reversed: 0, expired: 0 };

export async function balanceOf(trx: Tx | Ctx['db'], workerId: number): Promise<Balance> {
  const row = await trx.selectFrom('point_balances').selectAll().where('worker_id', '=', workerId).executeTakeFirst();
  return row ? { balance: row.balance, earned: row.earned, redeemed: row.redeemed, reversed: row.reversed, expired: row.expired } : { ...ZERO };
}

/** How an entry moves each balance column (redeemed and expired are shown as positive totals). */
function movement(kind: EntryKind, points: number): Balance {
  return {
    balance: points,
    earned: kind === 'award' ? points : 0,
    redeemed: kind === 'redeem' ? -points : 0,
    reversed: kind === 'reverse' ? points : 0,
    expired: kind === 'expire' ? -points : 0,
  };
}

/**
 * Appends one ledger entry and moves the worker's balance and the day's
 * roll-up in the same transaction. The only writer of point_entries; a
 * balance that would go below zero is refused here (and by a CHECK).
 */
export async function appendEntry(trx: Tx, ctx: Ctx, entry: NewEntry): Promise<Entry> {
  const before = await balanceOf(trx, entry.workerId);
  if (before.balance + entry.points < 0) {
    throw new ConflictError({ key: 'points.would_go_negative', params: { balance: before.balance, points: entry.points } });
  }
  const worker = await trx.selectFrom('workers').select('community_id').where('id', '=', entry.workerId).executeTakeFirstOrThrow();
  const createdAt = ctx.clock.now().toISOString();
  const row = await trx
    .insertInto('point_entries')
    .values({
      worker_id: entry.workerId,
      kind: entry.kind,
      points: entry.points,
      rule_id: entry.ruleId ?? null,
      gift_id: entry.giftId ?? null,
      qty: entry.qty ?? null,
      business_date: entry.businessDate,
      note: entry.note ?? null,
      reason: entry.reason ?? null,
      ref: entry.ref ?? null,
      reverses_id: entry.reversesId ?? null,
      community_id: worker.community_id,
      import_id: entry.importId ?? null,
      dedupe_key: entry.dedupeKey ?? null,
      operator: ctx.actor.operator,
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const m = movement(entry.kind, entry.points);
  // Update, else insert: an upsert would test the CHECK (balance >= 0) on the insert values first.
  const moved = await trx
    .updateTable('point_balances')
    .set({
      balance: sql`balance + ${m.balance}`,
      earned: sql`earned + ${m.earned}`,
      redeemed: sql`redeemed + ${m.redeemed}`,
      reversed: sql`reversed + ${m.reversed}`,
      expired: sql`expired + ${m.expired}`,
    })
    .where('worker_id', '=', entry.workerId)
    .executeTakeFirst();
  if (Number(moved.numUpdatedRows) === 0)
    await trx
      .insertInto('point_balances')
      .values({ worker_id: entry.workerId, ...m })
      .execute();
  await trx
    .insertInto('point_daily')
    .values({ business_date: entry.businessDate, community_id: worker.community_id ?? 0, kind: entry.kind, points: entry.points, entries: 1 })
    .onConflict((oc) =>
      oc.columns(districtKey(trx, ['business_date', 'community_id', 'kind'])).doUpdateSet({
        points: sql`point_daily.points + ${entry.points}`,
        entries: sql`point_daily.entries + 1`,
      }),
    )
    .execute();
  return {
    id: row.id,
    workerId: entry.workerId,
    kind: entry.kind,
    points: entry.points,
    ruleId: entry.ruleId ?? null,
    giftId: entry.giftId ?? null,
    qty: entry.qty ?? null,
    businessDate: entry.businessDate,
    note: entry.note ?? null,
    reason: entry.reason ?? null,
    ref: entry.ref ?? null,
    reversesId: entry.reversesId ?? null,
    operator: ctx.actor.operator,
    createdAt,
  };
}

/** The columns of a stored entry that make an Entry. */
type EntryRow = Pick<
  Selectable<PointEntriesTable>,
  'id' | 'worker_id' | 'kind' | 'points' | 'rule_id' | 'gift_id' | 'qty' | 'business_date' | 'note' | 'reason' | 'ref' | 'reverses_id' | 'operator' | 'created_at'
>;

export function toEntry(r: EntryRow): Entry {
  return {
    id: r.id,
    workerId: r.worker_id,
    kind: r.kind,
    points: r.points,
    ruleId: r.rule_id,
    giftId: r.gift_id,
    qty: r.qty,
    businessDate: r.business_date,
    note: r.note,
    reason: r.reason,
    ref: r.ref,
    reversesId: r.reverses_id,
    operator: r.operator,
    createdAt: r.created_at,
  };
}
