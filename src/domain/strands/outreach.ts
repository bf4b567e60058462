// The district office's outreach: visits (走访) and the workers met on them, publicity (宣传) and its
// reach, and the money (经费) in and out — each in the period, for a community or 街道 when scoped.
import { sql } from 'kysely';
import { scopeIds, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { count, strand, type Db } from './strand.js';

export type OutreachFigures = { visits: number; workers_met: number };
export type PublicityFigures = { items: number; reach: number };
export type FundFigures = { in_yuan: number; out_yuan: number; reversed_yuan: number };

export async function outreachFigures(db: Db, p: Period, scope: Scope): Promise<OutreachFigures> {
  let q = db
    .selectFrom('visits')
    .select([sql<number>`count(*)`.as('visits'), sql<number>`coalesce(sum(workers_met), 0)`.as('met')])
    .where('visit_date', '>=', p.from)
    .where('visit_date', '<=', p.to);
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const r = await q.executeTakeFirstOrThrow();
  return { visits: count(r.visits), workers_met: count(r.met) };
}

export async function publicityFigures(db: Db, p: Period, scope: Scope): Promise<PublicityFigures> {
  let q = db
    .selectFrom('publicity')
    .select([sql<number>`count(*)`.as('items'), sql<number>`coalesce(sum(reach), 0)`.as('reach')])
    .where('published_on', '>=', p.from)
    .where('published_on', '<=', p.to);
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const r = await q.executeTakeFirstOrThrow();
  return { items: count(r.items), reach: count(r.reach) };
}

/** Money in and out in the period (gross), and the reversals made in it (signed: a reversed receipt is negative). */
export async function fundFigures(db: Db, p: Period, scope: Scope): Promise<FundFigures> {
  let q = db
    .selectFrom('fund_entries')
    .select([
      sql<number>`coalesce(sum(case when kind = 'in' then amount_fen else 0 end), 0)`.as('in_fen'),
      sql<number>`coalesce(sum(case when kind = 'out' then -amount_fen else 0 end), 0)`.as('out_fen'),
      sql<number>`coalesce(sum(case when kind = 'reverse' then amount_fen else 0 end), 0)`.as('reversed'),
    ])
    .where('business_date', '>=', p.from)
    .where('business_date', '<=', p.to);
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const r = await q.executeTakeFirstOrThrow();
  return { in_yuan: count(r.in_fen) / 100, out_yuan: count(r.out_fen) / 100, reversed_yuan: count(r.reversed) / 100 };
}

export const outreachStrand = strand({ area: 'outreach', figures: outreachFigures, weekly: true, actions: [] });
export const publicityStrand = strand({ area: 'publicity', figures: publicityFigures, weekly: true, actions: [] });
export const fundsStrand = strand({ area: 'funds', figures: fundFigures, weekly: true, actions: [] });
