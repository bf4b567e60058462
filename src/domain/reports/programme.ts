import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { careFigures, childcareFigures, disputeFigures, eventFigures, friendlyFigures, housingFigures } from '../programme/figures.js';
import { pointFigures, stationFigures, wishFigures, workerFigures, type Scope } from './figures.js';
import { previousPeriod, type Period } from './period.js';

export type ActionFigures = Record<string, number>;

type Loader = (db: Kysely<DB>, p: Period, scope: Scope) => Promise<Record<string, number>>;
/** Reads an area's figures for the period once, however many actions use them. */
export type Load = (loader: Loader) => Promise<Record<string, number>>;

/** One strand of the Ten Ones (十个一) and how its key figures are picked from the areas' figures. */
export type ProgrammeAction = { no: number; key: string; figures(load: Load): Promise<ActionFigures> };

async function teamMembers(db: Kysely<DB>, p: Period, scope: Scope): Promise<Record<string, number>> {
  const count = async (focus?: string) => {
    let q = db
      .selectFrom('team_members as m')
      .innerJoin('teams as t', 't.id', 'm.team_id')
      .select(sql<number>`count(distinct m.worker_id)`.as('n'))
      .where('m.joined_on', '<=', p.to)
      .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', p.to)]));
    if (focus) q = q.where('t.focus', '=', focus);
    if (scope.communityId !== undefined) q = q.where('t.community_id', '=', scope.communityId);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return { members: await count('safety'), all_team_members: await count() };
}

/** Picks `keys` (renamed where given as [key, from]) from one area's figures. */
function pick(loader: Loader, keys: (string | [string, string])[]) {
  return async (load: Load): Promise<ActionFigures> => {
    const figures = await load(loader);
    return Object.fromEntries(keys.map((k) => (Array.isArray(k) ? [k[0], figures[k[1]] ?? 0] : [k, figures[k] ?? 0])));
  };
}

const stations: Loader = async (db, p, scope) => {
  const { byCommunity: _byCommunity, openStations: _openStations, ...figures } = await stationFigures(db, p, scope);
  return figures;
};

/** The ten actions, in the order of the district's plan. */
export const ACTIONS: ProgrammeAction[] = [
  { no: 1, key: 'stations', figures: pick(stations, ['open', 'fully_equipped', 'medicine_expired']) },
  { no: 2, key: 'housing', figures: pick(housingFigures, ['applied', 'allocated', 'open']) },
  {
    no: 3,
    key: 'disputes',
    figures: async (load) => ({
      ...(await pick(disputeFigures, ['opened', 'resolved', 'recovered_yuan'])(load)),
      ...(await pick(eventFigures, [['legal_events', 'legal_held']])(load)),
    }),
  },
  {
    no: 4,
    key: 'health',
    figures: async (load) => ({
      ...(await pick(eventFigures, [['events', 'health_held'], ['attendance', 'health_attendance']])(load)),
      ...(await pick(careFigures, [['care_visits', 'visits']])(load)),
    }),
  },
  { no: 5, key: 'childcare', figures: pick(childcareFigures, ['enrolled', 'waitlisted', 'volunteers']) },
  { no: 6, key: 'safety_team', figures: pick(teamMembers, ['members', 'all_team_members']) },
  { no: 7, key: 'points', figures: pick(pointFigures as Loader, ['awarded', 'redeemed', 'earners']) },
  { no: 8, key: 'friendly', figures: pick(friendlyFigures, ['rider_friendly_communities', 'merchants']) },
  { no: 9, key: 'skills', figures: pick(eventFigures, [['events', 'skills_held'], ['attendance', 'skills_attendance']]) },
  { no: 10, key: 'wishes', figures: pick(wishFigures as Loader, ['collected', 'claimed', 'fulfilled', 'overdue']) },
];

function loaderFor(db: Kysely<DB>, p: Period, scope: Scope): Load {
  const memo = new Map<Loader, Promise<Record<string, number>>>();
  return (loader) => {
    if (!memo.has(loader)) memo.set(loader, loader(db, p, scope));
    return memo.get(loader)!;
  };
}

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
  const [loadNow, loadBefore] = [loaderFor(db, period, scope), loaderFor(db, prev, scope)];
  for (const a of actions) {
    const [now, before] = [await a.figures(loadNow), await a.figures(loadBefore)];
    const figures = Object.keys(now).map((key) => ({ key, current: now[key]!, previous: before[key] ?? 0, change: now[key]! - (before[key] ?? 0) }));
    rows.push({ no: a.no, key: a.key, tracked: figures.length > 0, figures });
  }
  return { period, previous_period: prev, community: scope.community ?? null, workers: { active: workers.active, new: workers.new }, actions: rows };
}
