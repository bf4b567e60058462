import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { seesPersonalData } from '../../db/session.js';
import { addDays } from '../clock.js';
import { maskPhone, maskName } from '../privacy.js';
import { OTHER_AREAS, otherActionFigures, type OtherFigures } from '../strands/index.js';
import { top } from '../points/queries.js';
import type { StationAuditRow } from '../stations/audit.js';
import { formatYuan } from '../text/money.js';
import {
  pointFigures,
  scopeIds,
  stationFigures,
  wishFigures,
  workerFigures,
  type PointFigures,
  type Scope,
  type StationFigures,
  type WishFigures,
  type WorkerFigures,
} from './figures.js';
import { isoWeek, mondayOf, previousPeriod, type Period } from './period.js';

export type Figures = { workers: WorkerFigures; stations: StationFigures; points: PointFigures; wishes: WishFigures } & OtherFigures;

// The other strands of the Ten Ones follow the first four in the JSON contract (src/domain/strands/).
export { OTHER_AREAS, type OtherFigures };

/** An area's change from the previous period: its numeric figures (a breakdown such as by_occupation is not differenced). */
export type Change<F> = { [K in keyof F as F[K] extends number ? K : never]: number };
export type WishesByState = { collected: number; listed: number; claimed: number; fulfilled: number; followed_up: number; cancelled: number };

export type WeeklyReport = Figures & {
  period: Period;
  community: string | null;
  subdistrict: string | null;
  previous: Figures & { period: Period };
  change: { [A in keyof Figures]: Change<Figures[A]> };
  details: {
    top_volunteers: { rank: number; name: string | null; phone: string | null; community: string | null; points: number }[];
    low_stock_gifts: { code: string; name: string; stock: number }[];
    wishes_by_sponsor: { sponsor: string; claimed: number; fulfilled: number; pledged_yuan: string | null; spent_yuan: string | null }[];
    station_gaps: { code: string; name: string; community: string; missing: string[]; medicine: string }[];
  };
  charts: {
    points_by_week: { week: string; from: string; awarded: number; redeemed: number }[];
    wishes_by_state: WishesByState;
    compliance_by_community: { community: string; stations: number; fully_equipped: number }[];
  };
};

/** Gifts at or below this stock are reported as low. */
export const LOW_STOCK = 5;

async function figures(db: Kysely<DB>, period: Period, scope: Scope): Promise<Figures & { compliance: Awaited<ReturnType<typeof stationFigures>> }> {
  const [workers, stations, points, wishes] = await Promise.all([
    workerFigures(db, period, scope),
    stationFigures(db, period, scope),
    pointFigures(db, period, scope),
    wishFigures(db, period, scope),
  ]);
  const { byCommunity: _byCommunity, openStations: _openStations, ...stationTotals } = stations;
  return { workers, stations: stationTotals, points, wishes, ...(await otherActionFigures(db, period, scope)), compliance: stations };
}

/** Both periods' figures come from the same loaders: a figure that is a number now was one before. */
function difference(now: object, before: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(now)) {
    if (typeof value === 'number') out[key] = Math.round((value - (before as Record<string, number>)[key]!) * 100) / 100;
  }
  return out;
}

/**
 * The weekly summary: every figure for the period, the period before, the
 * change; details and chart series. Reads aggregates only (roll-ups, indexes).
 */
export async function weeklyReport(db: Kysely<DB>, period: Period, scope: Scope): Promise<WeeklyReport> {
  const prevPeriod = previousPeriod(period);
  const [current, previous] = [await figures(db, period, scope), await figures(db, prevPeriod, scope)];
  const { compliance, ...now } = current;
  const { compliance: _previousCompliance, ...before } = previous;
  return {
    period,
    community: scope.community ?? null,
    subdistrict: scope.subdistrict ?? null,
    ...now,
    previous: { period: prevPeriod, ...before },
    change: Object.fromEntries(
      (['workers', 'stations', 'points', 'wishes', ...OTHER_AREAS] as const).map((area) => [area, difference(now[area], before[area])]),
    ) as WeeklyReport['change'],
    details: await details(db, period, scope, compliance.openStations),
    charts: {
      points_by_week: await pointsByWeek(db, period, scope),
      wishes_by_state: await wishesByState(db, scope),
      compliance_by_community: compliance.byCommunity.map((c) => ({ community: c.community, stations: c.stations, fully_equipped: c.fullyEquipped })),
    },
  };
}

async function details(db: Kysely<DB>, period: Period, scope: Scope, openStations: StationAuditRow[]): Promise<WeeklyReport['details']> {
  const volunteers = (await seesPersonalData(db)) ? await top(db, { communityIds: scope.communityIds, from: period.from, to: period.to, limit: 5 }) : [];
  const gifts = await db
    .selectFrom('gifts')
    .select(['code', 'name', 'stock'])
    .where('retired_at', 'is', null)
    .where('stock', '<=', LOW_STOCK)
    .orderBy('stock')
    .orderBy('code')
    .execute();
  let sponsors = db
    .selectFrom('wish_events as e')
    .innerJoin('wishes as w', 'w.id', 'e.wish_id')
    .innerJoin('units as s', 's.id', 'e.sponsor_id')
    .select([
      's.name as sponsor',
      sql<number>`sum(case when e.to_status = 'claimed' then 1 else 0 end)`.as('claimed'),
      sql<number>`sum(case when e.to_status = 'fulfilled' then 1 else 0 end)`.as('fulfilled'),
      sql<number>`sum(case when e.to_status = 'claimed' then coalesce(e.amount_fen, 0) else 0 end)`.as('pledged'),
      sql<number>`sum(case when e.to_status = 'fulfilled' then coalesce(e.amount_fen, 0) else 0 end)`.as('spent'),
    ])
    .where('e.business_date', '>=', period.from)
    .where('e.business_date', '<=', period.to)
    .groupBy('s.name')
    .orderBy('s.name');
  if (scope.communityIds) sponsors = sponsors.where('w.community_id', 'in', scopeIds(scope));
  return {
    // Names masked like phones: a report is handed on (a file of mode 0644), so it holds no personal data.
    top_volunteers: volunteers.map((v) => ({ rank: v.rank, name: maskName(v.name), phone: maskPhone(v.phone), community: v.community, points: v.points })),
    low_stock_gifts: gifts,
    wishes_by_sponsor: (await sponsors.execute()).map((r) => ({
      sponsor: r.sponsor,
      claimed: Number(r.claimed),
      fulfilled: Number(r.fulfilled),
      pledged_yuan: formatYuan(Number(r.pledged)),
      spent_yuan: formatYuan(Number(r.spent)),
    })),
    station_gaps: openStations.filter((s) => !s.compliant).map((s) => ({ code: s.code, name: s.name, community: s.community, missing: s.missing, medicine: s.medicine })),
  };
}

/** Awarded and redeemed points per ISO week, the 12 weeks ending with the period's week. */
async function pointsByWeek(db: Kysely<DB>, period: Period, scope: Scope): Promise<WeeklyReport['charts']['points_by_week']> {
  const lastMonday = mondayOf(period.to);
  const firstMonday = addDays(lastMonday, -77);
  let q = db
    .selectFrom('point_daily')
    .select(['business_date', 'kind', sql<number>`sum(points)`.as('points')])
    .where('business_date', '>=', firstMonday)
    .where('business_date', '<=', addDays(lastMonday, 6))
    .where('kind', 'in', ['award', 'redeem'])
    .groupBy(['business_date', 'kind']);
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const weeks = Array.from({ length: 12 }, (_, i) => {
    const from = addDays(firstMonday, i * 7);
    return { week: isoWeek(from), from, awarded: 0, redeemed: 0 };
  });
  for (const row of await q.execute()) {
    const index = Math.floor((Date.parse(`${row.business_date}T00:00:00Z`) - Date.parse(`${firstMonday}T00:00:00Z`)) / (7 * 86_400_000));
    // The query reads the twelve weeks only: every row falls in one of them.
    const bucket = weeks[index]!;
    if (row.kind === 'award') bucket.awarded += Number(row.points);
    else bucket.redeemed -= Number(row.points);
  }
  return weeks;
}

async function wishesByState(db: Kysely<DB>, scope: Scope): Promise<WishesByState> {
  let q = db
    .selectFrom('wishes')
    .select(['status', sql<number>`count(*)`.as('n')])
    .groupBy('status');
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const counts: WishesByState = { collected: 0, listed: 0, claimed: 0, fulfilled: 0, followed_up: 0, cancelled: 0 };
  for (const r of await q.execute()) counts[r.status] = Number(r.n);
  return counts;
}
