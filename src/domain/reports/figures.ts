import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../context.js';
import { businessDate } from '../clock.js';
import { auditStations, type StationAuditRow } from '../stations/audit.js';
import { OCCUPATIONS } from '../workers/fields.js';
import type { Period } from './period.js';

/**
 * Optional scope: one community, or the communities of one 街道 (`communityIds` lists them;
 * absent for the whole district). `community`/`subdistrict` are the names the report shows.
 */
export type Scope = { communityIds?: number[]; community?: string; subdistrict?: string; timeZone: string };

/** `and <column> in (<the scope's communities>)` when the report is for a community or a 街道, else nothing. */
export function inScope(scope: Scope, column: string | RawBuilder<unknown>): RawBuilder<unknown> {
  const target = typeof column === 'string' ? sql.ref(column) : column;
  return scope.communityIds ? sql`and ${target} in (${sql.join(scopeIds(scope))})` : sql``;
}

/** The scope's community ids for `where(column, 'in', …)`: never an empty list (a 街道 without communities matches nothing). */
export function scopeIds(scope: Scope): number[] {
  // Stryker disable next-line OptionalChaining,ArrayDeclaration: every caller asks only when the scope has communityIds; SQLite takes `in ()` as matching nothing too, PostgreSQL refuses it (its run kills this)
  return scope.communityIds?.length ? scope.communityIds : [-1];
}

export type WorkerFigures = { active: number; new: number; deactivated: number; by_occupation: Record<string, number> };
export type StationFigures = { open: number; fully_equipped: number; with_gaps: number; medicine_expired: number; medicine_expiring: number; average_score: number };
export type PointFigures = { awarded: number; redeemed: number; reversed: number; expired: number; net: number; earners: number };
export type WishFigures = {
  collected: number;
  listed: number;
  claimed: number;
  fulfilled: number;
  followed_up: number;
  cancelled: number;
  overdue: number;
  pledged_yuan: number;
  spent_yuan: number;
};

function byOccupation(rows: { occupation: string; n: number | string | bigint }[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(OCCUPATIONS.map((o) => [o, 0]));
  for (const r of rows) out[r.occupation] = Number(r.n);
  return out;
}

export async function workerFigures(db: Db, p: Period, scope: Scope): Promise<WorkerFigures> {
  const base = () => {
    let q = db.selectFrom('workers');
    if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
    return q;
  };
  // One pass over a covering index; by occupation only for the week's newcomers (a small range).
  const active = await base()
    .select(sql<number>`count(*)`.as('n'))
    .where('registered_on', '<=', p.to)
    .where((eb) => eb.or([eb('deactivated_on', 'is', null), eb('deactivated_on', '>', p.to)]))
    .executeTakeFirstOrThrow();
  const newRows = await base()
    .select(['occupation', sql<number>`count(*)`.as('n')])
    .where('registered_on', '>=', p.from)
    .where('registered_on', '<=', p.to)
    .groupBy('occupation')
    .execute();
  const gone = await base().select(sql<number>`count(*)`.as('n')).where('deactivated_on', '>=', p.from).where('deactivated_on', '<=', p.to).executeTakeFirstOrThrow();
  const newBy = byOccupation(newRows);
  return { active: Number(active.n), new: Object.values(newBy).reduce((a, b) => a + b, 0), deactivated: Number(gone.n), by_occupation: newBy };
}

/**
 * Stations open on the period's last day, against the standard as equipped
 * now (amenities are not versioned), medicine judged on that day.
 */
export async function stationFigures(
  db: Db,
  p: Period,
  scope: Scope,
): Promise<StationFigures & { byCommunity: { community: string; stations: number; fullyEquipped: number }[]; openStations: StationAuditRow[] }> {
  const audit = await auditStations(db, { today: p.to, communityIds: scope.communityIds, includeClosedAfter: p.to });
  // Open on the period's last day: opened (or, without a date, registered) by then.
  const open = audit.stations.filter((s) => (s.openedOn ?? businessDate(new Date(s.createdAt), scope.timeZone)) <= p.to);
  const fully = open.filter((s) => s.compliant).length;
  const communities = new Map<string, { community: string; stations: number; fullyEquipped: number }>();
  for (const s of open) {
    const c = communities.get(s.community) ?? { community: s.community, stations: 0, fullyEquipped: 0 };
    c.stations += 1;
    if (s.compliant) c.fullyEquipped += 1;
    communities.set(s.community, c);
  }
  return {
    open: open.length,
    fully_equipped: fully,
    with_gaps: open.length - fully,
    medicine_expired: open.filter((s) => s.medicine === 'expired').length,
    medicine_expiring: open.filter((s) => s.medicine === 'expiring').length,
    average_score: open.length ? Math.round(open.reduce((a, s) => a + s.score, 0) / open.length) : 0,
    byCommunity: [...communities.values()].sort((a, b) => a.community.localeCompare(b.community, 'zh')),
    openStations: open,
  };
}

/** From the daily roll-ups (kept with each entry), so 5,000,000 entries cost nothing here. */
export async function pointFigures(db: Db, p: Period, scope: Scope): Promise<PointFigures> {
  let q = db
    .selectFrom('point_daily')
    .select(['kind', sql<number>`sum(points)`.as('points')])
    .where('business_date', '>=', p.from)
    .where('business_date', '<=', p.to)
    .groupBy('kind');
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const sums = Object.fromEntries((await q.execute()).map((r) => [r.kind, Number(r.points)]));
  // `+worker_id`: keeps the planner on the date-range index (ANALYZE otherwise tempts it to scan the ledger by worker).
  let earners = db
    .selectFrom('point_entries')
    .select(sql<number>`count(distinct +worker_id)`.as('n'))
    .where('business_date', '>=', p.from)
    .where('business_date', '<=', p.to)
    .where('kind', '=', 'award');
  if (scope.communityIds) earners = earners.where('community_id', 'in', scopeIds(scope));
  const awarded = sums.award ?? 0;
  // 0 − x, not −x: no redemptions is 0, not −0.
  const redeemed = 0 - (sums.redeem ?? 0);
  const reversed = sums.reverse ?? 0;
  const expired = 0 - (sums.expire ?? 0);
  return { awarded, redeemed, reversed, expired, net: awarded - redeemed + reversed - expired, earners: Number((await earners.executeTakeFirstOrThrow()).n) };
}

export async function wishFigures(db: Db, p: Period, scope: Scope): Promise<WishFigures> {
  let q = db
    .selectFrom('wish_events as e')
    .innerJoin('wishes as w', 'w.id', 'e.wish_id')
    .select(['e.to_status', sql<number>`count(*)`.as('n'), sql<number>`coalesce(sum(e.amount_fen), 0)`.as('fen')])
    .where('e.business_date', '>=', p.from)
    .where('e.business_date', '<=', p.to)
    .groupBy('e.to_status');
  if (scope.communityIds) q = q.where('w.community_id', 'in', scopeIds(scope));
  const rows = new Map<string, { n: number; fen: number }>((await q.execute()).map((r) => [r.to_status, { n: Number(r.n), fen: Number(r.fen) }]));
  const count = (s: string) => rows.get(s)?.n ?? 0;
  const overdue = await sql<{ n: number }>`
    select count(*) as n from wishes w
    where (select e.to_status from wish_events e where e.wish_id = w.id and e.business_date <= ${p.to} order by e.id desc limit 1) = 'claimed'
      and (select e.due_on from wish_events e where e.wish_id = w.id and e.to_status = 'claimed' and e.business_date <= ${p.to} order by e.id desc limit 1) < ${p.to}
      ${inScope(scope, 'w.community_id')}`.execute(db);
  return {
    collected: count('collected'),
    listed: count('listed'),
    claimed: count('claimed'),
    fulfilled: count('fulfilled'),
    followed_up: count('followed_up'),
    cancelled: count('cancelled'),
    overdue: Number(overdue.rows[0]!.n),
    pledged_yuan: (rows.get('claimed')?.fen ?? 0) / 100,
    spent_yuan: (rows.get('fulfilled')?.fen ?? 0) / 100,
  };
}
