import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { careFigures, childcareFigures, disputeFigures, eventFigures, friendlyFigures, housingFigures } from '../programme/figures.js';
import { pointFigures, stationFigures, wishFigures, workerFigures, type Scope } from './figures.js';
import { previousPeriod, type Period } from './period.js';

export type ActionFigures = Record<string, number>;

/** One strand of the Ten Ones (十个一) and how its key figures are read for a period. */
export type ProgrammeAction = { no: number; key: string; figures(db: Kysely<DB>, p: Period, scope: Scope): Promise<ActionFigures> };

async function teamMembers(db: Kysely<DB>, p: Period, scope: Scope, focus?: string): Promise<number> {
  let q = db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(sql<number>`count(distinct m.worker_id)`.as('n'))
    .where('m.joined_on', '<=', p.to)
    .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', p.to)]));
  if (focus) q = q.where('t.focus', '=', focus);
  if (scope.communityId !== undefined) q = q.where('t.community_id', '=', scope.communityId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * The ten actions, in the order of the district's plan. Strands the tool
 * does not track yet report no figures (an empty object), never zeros.
 */
export const ACTIONS: ProgrammeAction[] = [
  {
    no: 1,
    key: 'stations',
    async figures(db, p, scope) {
      const s = await stationFigures(db, p, scope);
      return { open: s.open, fully_equipped: s.fully_equipped, medicine_expired: s.medicine_expired };
    },
  },
  {
    no: 2,
    key: 'housing',
    async figures(db, p, scope) {
      const h = await housingFigures(db, p, scope);
      return { applied: h.applied!, allocated: h.allocated!, open: h.open! };
    },
  },
  {
    no: 3,
    key: 'disputes',
    async figures(db, p, scope) {
      const d = await disputeFigures(db, p, scope);
      const e = await eventFigures(db, p, scope);
      return { opened: d.opened!, resolved: d.resolved!, recovered_yuan: d.recovered_yuan!, legal_events: e.legal_held! };
    },
  },
  {
    no: 4,
    key: 'health',
    async figures(db, p, scope) {
      const e = await eventFigures(db, p, scope);
      const c = await careFigures(db, p, scope);
      return { events: e.health_held!, attendance: e.health_attendance!, care_visits: c.visits! };
    },
  },
  {
    no: 5,
    key: 'childcare',
    async figures(db, p, scope) {
      const c = await childcareFigures(db, p, scope);
      return { enrolled: c.enrolled!, waitlisted: c.waitlisted!, volunteers: c.volunteers! };
    },
  },
  {
    no: 6,
    key: 'safety_team',
    figures: async (db, p, scope) => ({ members: await teamMembers(db, p, scope, 'safety'), all_team_members: await teamMembers(db, p, scope) }),
  },
  {
    no: 7,
    key: 'points',
    async figures(db, p, scope) {
      const f = await pointFigures(db, p, scope);
      return { awarded: f.awarded, redeemed: f.redeemed, earners: f.earners };
    },
  },
  {
    no: 8,
    key: 'friendly',
    async figures(db, p, scope) {
      const f = await friendlyFigures(db, p, scope);
      return { rider_friendly_communities: f.rider_friendly_communities!, merchants: f.merchants! };
    },
  },
  {
    no: 9,
    key: 'skills',
    async figures(db, p, scope) {
      const e = await eventFigures(db, p, scope);
      return { events: e.skills_held!, attendance: e.skills_attendance! };
    },
  },
  {
    no: 10,
    key: 'wishes',
    async figures(db, p, scope) {
      const w = await wishFigures(db, p, scope);
      return { collected: w.collected, claimed: w.claimed, fulfilled: w.fulfilled, overdue: w.overdue };
    },
  },
];

export type ProgrammeReport = {
  period: Period;
  previous_period: Period;
  community: string | null;
  workers: { active: number; new: number };
  actions: { no: number; key: string; tracked: boolean; figures: { key: string; current: number; previous: number; change: number }[] }[];
};

export async function programmeReport(db: Kysely<DB>, period: Period, scope: Scope, actions: ProgrammeAction[] = ACTIONS): Promise<ProgrammeReport> {
  const prev = previousPeriod(period);
  const workers = await workerFigures(db, period, scope);
  const rows = [];
  for (const a of actions) {
    const [now, before] = [await a.figures(db, period, scope), await a.figures(db, prev, scope)];
    const figures = Object.keys(now).map((key) => ({ key, current: now[key]!, previous: before[key] ?? 0, change: now[key]! - (before[key] ?? 0) }));
    rows.push({ no: a.no, key: a.key, tracked: figures.length > 0, figures });
  }
  return { period, previous_period: prev, community: scope.community ?? null, workers: { active: workers.active, new: workers.new }, actions: rows };
}
