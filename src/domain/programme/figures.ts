import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { FRIENDLY_MEASURES, measuresOn } from './care.js';

type Db = Kysely<DB>;
const n = (v: unknown) => Number(v ?? 0);
// Action 4 as the seed lists it: lectures, first aid, check-ups, counselling, disaster prevention, traffic-safety law.
const HEALTH = ['health_lecture', 'first_aid', 'checkup', 'counselling', 'disaster_prevention', 'traffic_safety_law'];

/** Events held in the period (by type) and their attendance. */
export async function eventFigures(db: Db, p: Period, scope: Scope): Promise<Record<string, number>> {
  let q = db
    .selectFrom('events as e')
    .select(['e.type', sql<number>`count(*)`.as('held'), sql<number>`sum((select count(*) from event_attendance a where a.event_id = e.id and a.status = 'attended'))`.as('attended')])
    .where('e.event_date', '>=', p.from)
    .where('e.event_date', '<=', p.to)
    .groupBy('e.type');
  if (scope.communityId !== undefined) q = q.where('e.community_id', '=', scope.communityId);
  const rows = await q.execute();
  const sum = (types: string[] | null, key: 'held' | 'attended') => rows.filter((r) => !types || types.includes(r.type)).reduce((a, r) => a + n(r[key]), 0);
  return {
    held: sum(null, 'held'),
    attendance: sum(null, 'attended'),
    health_held: sum(HEALTH, 'held'),
    health_attendance: sum(HEALTH, 'attended'),
    skills_held: sum(['skills'], 'held'),
    skills_attendance: sum(['skills'], 'attended'),
    legal_held: sum(['legal'], 'held'),
    safety_held: sum(['safety'], 'held'),
  };
}

/** Children enrolled and waiting at the end of the period, sites running in it, volunteers counted. */
export async function childcareFigures(db: Db, p: Period, scope: Scope): Promise<Record<string, number>> {
  const scoped = scope.communityId !== undefined ? sql`and s.community_id = ${scope.communityId}` : sql``;
  const r = await sql<{ sites: number; enrolled: number; waitlisted: number; volunteers: number }>`
    select
      (select count(*) from childcare_sites s where (s.from_on is null or s.from_on <= ${p.to}) and (s.to_on is null or s.to_on >= ${p.from}) ${scoped}) as sites,
      (select count(*) from childcare_enrolments e join childcare_sites s on s.id = e.site_id
        where e.enrolled_on <= ${p.to} and (e.withdrawn_on is null or e.withdrawn_on > ${p.to}) ${scoped}) as enrolled,
      (select count(*) from childcare_enrolments e join childcare_sites s on s.id = e.site_id
        where e.status = 'waitlisted' ${scoped}) as waitlisted,
      (select coalesce(sum(s.volunteers), 0) from childcare_sites s where 1 = 1 ${scoped}) as volunteers`.execute(db);
  const row = r.rows[0]!;
  return { sites: n(row.sites), enrolled: n(row.enrolled), waitlisted: n(row.waitlisted), volunteers: n(row.volunteers) };
}

/** State changes of housing applications and disputes dated in the period. */
async function caseMoves(db: Db, type: 'housing' | 'dispute', p: Period, scope: Scope): Promise<Map<string, number>> {
  const table = type === 'housing' ? 'housing_applications' : 'disputes';
  const scoped = scope.communityId !== undefined ? sql`and w.community_id = ${scope.communityId}` : sql``;
  const rows = await sql<{ to_status: string; n: number }>`
    select e.to_status, count(*) as n from case_events e
    join ${sql.table(table)} c on c.id = e.case_id join workers w on w.id = c.worker_id
    where e.case_type = ${type} and e.business_date between ${p.from} and ${p.to} ${scoped}
    group by e.to_status`.execute(db);
  return new Map(rows.rows.map((r) => [r.to_status, n(r.n)]));
}

export async function housingFigures(db: Db, p: Period, scope: Scope): Promise<Record<string, number>> {
  const moves = await caseMoves(db, 'housing', p, scope);
  const scoped = scope.communityId !== undefined ? sql`and w.community_id = ${scope.communityId}` : sql``;
  const open = await sql<{ n: number }>`
    select count(*) as n from housing_applications h join workers w on w.id = h.worker_id
    where h.applied_on <= ${p.to}
      and coalesce((select e.to_status from case_events e where e.case_type = 'housing' and e.case_id = h.id and e.business_date <= ${p.to} order by e.id desc limit 1), 'applied') in ('applied', 'eligible') ${scoped}`.execute(db);
  return { applied: moves.get('applied') ?? 0, eligible: moves.get('eligible') ?? 0, ineligible: moves.get('ineligible') ?? 0, allocated: moves.get('allocated') ?? 0, open: n(open.rows[0]?.n) };
}

export async function disputeFigures(db: Db, p: Period, scope: Scope): Promise<Record<string, number>> {
  const moves = await caseMoves(db, 'dispute', p, scope);
  const scoped = scope.communityId !== undefined ? sql`and w.community_id = ${scope.communityId}` : sql``;
  const resolved = await sql<{ n: number; recovered: number; days: number | null }>`
    select count(*) as n, coalesce(sum(d.recovered_fen), 0) as recovered, avg(julianday(d.resolved_on) - julianday(d.opened_on)) as days
    from disputes d join workers w on w.id = d.worker_id
    where d.resolved_on between ${p.from} and ${p.to} ${scoped}`.execute(db);
  const open = await sql<{ n: number }>`
    select count(*) as n from disputes d join workers w on w.id = d.worker_id
    where d.opened_on <= ${p.to} and (d.resolved_on is null or d.resolved_on > ${p.to}) ${scoped}`.execute(db);
  const r = resolved.rows[0]!;
  return {
    opened: moves.get('open') ?? 0,
    resolved: n(r.n),
    recovered_yuan: n(r.recovered) / 100,
    average_days_to_resolve: r.days === null ? 0 : Math.round(n(r.days) * 10) / 10,
    open: n(open.rows[0]?.n),
  };
}

export async function careFigures(db: Db, p: Period, scope: Scope): Promise<Record<string, number>> {
  let q = db
    .selectFrom('care_visits as v')
    .innerJoin('workers as w', 'w.id', 'v.worker_id')
    .select([sql<number>`count(*)`.as('visits'), sql<number>`coalesce(sum(v.support_fen), 0)`.as('support')])
    .where('v.visit_date', '>=', p.from)
    .where('v.visit_date', '<=', p.to);
  if (scope.communityId !== undefined) q = q.where('w.community_id', '=', scope.communityId);
  const r = await q.executeTakeFirstOrThrow();
  return { visits: n(r.visits), support_yuan: n(r.support) / 100 };
}

/** Rider-friendly communities (all core measures in place on the period's last day) and merchants. */
export async function friendlyFigures(db: Db, p: Period, scope: Scope): Promise<Record<string, number>> {
  let communities = db.selectFrom('communities').select('id');
  if (scope.communityId !== undefined) communities = communities.where('id', '=', scope.communityId);
  let friendly = 0;
  let withMeasures = 0;
  for (const c of await communities.execute()) {
    const measures = await measuresOn(db, c.id, p.to);
    if (measures.length) withMeasures += 1;
    if (measures.length === FRIENDLY_MEASURES.length) friendly += 1;
  }
  let merchants = db.selectFrom('merchants').select(sql<number>`count(*)`.as('n')).where('added_on', '<=', p.to);
  if (scope.communityId !== undefined) merchants = merchants.where('community_id', '=', scope.communityId);
  return { rider_friendly_communities: friendly, communities_with_measures: withMeasures, merchants: n((await merchants.executeTakeFirstOrThrow()).n) };
}

/** The other actions' figures, keyed as in the weekly JSON contract. */
export async function otherActionFigures(db: Db, p: Period, scope: Scope) {
  return {
    events: await eventFigures(db, p, scope),
    childcare: await childcareFigures(db, p, scope),
    housing: await housingFigures(db, p, scope),
    disputes: await disputeFigures(db, p, scope),
    care_visits: await careFigures(db, p, scope),
    friendly: await friendlyFigures(db, p, scope),
  };
}
