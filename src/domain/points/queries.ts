import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ValidationError } from '../../errors.js';
import { addDays } from '../clock.js';
import { findWorker } from '../workers/read.js';
import { balanceOf, type Balance, type Entry } from './ledger.js';

/** A ledger entry as listed: the rule and gift by code, the worker by name. */
export type LedgerRow = Omit<Entry, 'ruleId' | 'giftId'> & { worker: string; phone: string | null; rule: string | null; gift: string | null };

export type LedgerFilter = { worker?: string; rule?: string; from?: string; to?: string; before?: string };

function ledgerQuery(db: Kysely<DB>) {
  return db
    .selectFrom('point_entries as e')
    .innerJoin('workers as w', 'w.id', 'e.worker_id')
    .leftJoin('point_rules as r', 'r.id', 'e.rule_id')
    .leftJoin('gifts as g', 'g.id', 'e.gift_id')
    .select([
      'e.id',
      'e.business_date as businessDate',
      'e.worker_id as workerId',
      'w.name as worker',
      'w.phone',
      'e.kind',
      'e.points',
      'r.code as rule',
      'g.code as gift',
      'e.qty',
      'e.note',
      'e.reason',
      'e.ref',
      'e.reverses_id as reversesId',
      'e.operator',
      'e.created_at as createdAt',
    ]);
}

export async function ledger(db: Kysely<DB>, filter: LedgerFilter): Promise<LedgerRow[]> {
  let query = ledgerQuery(db).orderBy('e.business_date').orderBy('e.id');
  if (filter.worker) query = query.where('e.worker_id', '=', (await findWorker(db, filter.worker)).id);
  if (filter.rule) query = query.where('r.code', '=', filter.rule);
  if (filter.from) query = query.where('e.business_date', '>=', filter.from);
  if (filter.to) query = query.where('e.business_date', '<=', filter.to);
  return (await query.execute()) as LedgerRow[];
}

export async function workerBalance(db: Kysely<DB>, key: string): Promise<{ worker: { id: number; name: string; phone: string | null }; balance: Balance }> {
  const worker = await findWorker(db, key);
  return { worker: { id: worker.id, name: worker.name, phone: worker.phone }, balance: await balanceOf(db, worker.id) };
}

export type Statement = {
  worker: { id: number; name: string; phone: string | null };
  month: string;
  from: string;
  to: string;
  opening: number;
  entries: LedgerRow[];
  closing: number;
};

/** A monthly statement: opening balance, the month's entries by business date, closing balance. */
export async function statement(db: Kysely<DB>, key: string, month: string): Promise<Statement> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new ValidationError({ key: 'invalid.month', params: { value: month } });
  const worker = await findWorker(db, key);
  const from = `${month}-01`;
  const next = addDays(`${month}-28`, 4).slice(0, 7);
  const to = addDays(`${next}-01`, -1);
  const before = await db
    .selectFrom('point_entries')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), sql<number>`0`).as('total'))
    .where('worker_id', '=', worker.id)
    .where('business_date', '<', from)
    .executeTakeFirstOrThrow();
  const opening = Number(before.total);
  const entries = (await ledgerQuery(db)
    .where('e.worker_id', '=', worker.id)
    .where('e.business_date', '>=', from)
    .where('e.business_date', '<=', to)
    .orderBy('e.business_date')
    .orderBy('e.id')
    .execute()) as LedgerRow[];
  const closing = opening + entries.reduce((sum, e) => sum + e.points, 0);
  return { worker: { id: worker.id, name: worker.name, phone: worker.phone }, month, from, to, opening, entries, closing };
}

export type TopRow = { rank: number; workerId: number; name: string; phone: string | null; community: string | null; points: number; awards: number };

/**
 * The leaderboard: points earned by service (awards, net of their reversals)
 * with business dates in the period.
 */
export async function top(db: Kysely<DB>, filter: { community?: string; communityIds?: number[]; from?: string; to?: string; limit?: number }): Promise<TopRow[]> {
  // Rank from the ledger alone (a covering index), then look up only the few workers shown.
  let ranked = db
    .selectFrom('point_entries as e')
    .select((eb) => [
      // `+e.worker_id`: keeps the planner on the date-range index (see reports/figures.ts).
      sql<number>`+e.worker_id`.as('workerId'),
      eb.fn.sum<number>('e.points').as('points'),
      eb.fn.sum<number>(sql`case when e.kind = 'award' then 1 when e.kind = 'reverse' then -1 else 0 end`).as('awards'),
    ])
    .where('e.rule_id', 'is not', null)
    .groupBy(sql`+e.worker_id`)
    .having((eb) => eb.fn.sum('e.points'), '>', 0)
    .orderBy('points', 'desc')
    .orderBy('workerId')
    .limit(filter.limit ?? 10);
  if (filter.community) {
    const community = await db.selectFrom('communities').select('id').where('name', '=', filter.community).executeTakeFirst();
    ranked = ranked.where('e.community_id', '=', community?.id ?? -1);
  }
  if (filter.communityIds) ranked = ranked.where('e.community_id', 'in', filter.communityIds.length ? filter.communityIds : [-1]);
  if (filter.from) ranked = ranked.where('e.business_date', '>=', filter.from);
  if (filter.to) ranked = ranked.where('e.business_date', '<=', filter.to);
  const rows = await ranked.execute();
  const out: TopRow[] = [];
  for (const [i, r] of rows.entries()) {
    const w = await db
      .selectFrom('workers as w')
      .leftJoin('communities as c', 'c.id', 'w.community_id')
      .select(['w.name', 'w.phone', 'c.name as community'])
      .where('w.id', '=', r.workerId)
      .executeTakeFirstOrThrow();
    out.push({ rank: i + 1, workerId: r.workerId, name: w.name, phone: w.phone, community: w.community, points: Number(r.points), awards: Number(r.awards) });
  }
  return out;
}
