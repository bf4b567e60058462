import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { ACTIONS } from '../strands/index.js';
import type { AreaFigures, FigureLoader, Load, ProgrammeAction } from '../strands/strand.js';
import { workerFigures, type Scope } from './figures.js';
import { previousPeriod, type Period } from './period.js';

export type { ProgrammeAction } from '../strands/strand.js';
export { ACTIONS };

/** The figure loaders of one period and scope, each run once however many actions read it. */
function loaderFor(db: Kysely<DB>, p: Period, scope: Scope): Load {
  const memo = new Map<FigureLoader, Promise<AreaFigures>>();
  return <F extends AreaFigures>(loader: FigureLoader<F>) => {
    // Stryker disable next-line ConditionalExpression: loading again gives the same figures, only slower
    if (!memo.has(loader)) memo.set(loader, loader(db, p, scope));
    return memo.get(loader)! as Promise<F>;
  };
}

export type ProgrammeReport = {
  period: Period;
  previous_period: Period;
  community: string | null;
  subdistrict: string | null;
  workers: { active: number; new: number };
  actions: { no: number; key: string; tracked: boolean; figures: { key: string; current: number; previous: number; change: number }[] }[];
};

/** Each action's figures for one period and scope, by action key (what targets, the all-communities table and the annual report read). */
export async function actionFigures(db: Kysely<DB>, period: Period, scope: Scope, actions: ProgrammeAction[] = ACTIONS): Promise<Map<string, AreaFigures>> {
  const load = loaderFor(db, period, scope);
  const out = new Map<string, AreaFigures>();
  for (const a of actions) out.set(a.key, await a.figures(load));
  return out;
}

export async function programmeReport(db: Kysely<DB>, period: Period, scope: Scope, actions: ProgrammeAction[] = ACTIONS): Promise<ProgrammeReport> {
  const prev = previousPeriod(period);
  const workers = await workerFigures(db, period, scope);
  const [current, previous] = [await actionFigures(db, period, scope, actions), await actionFigures(db, prev, scope, actions)];
  const rows = actions.map((a) => {
    const [now, before] = [current.get(a.key)!, previous.get(a.key)!];
    const figures = Object.keys(now).map((key) => ({ key, current: now[key]!, previous: before[key] ?? 0, change: now[key]! - (before[key] ?? 0) }));
    return { no: a.no, key: a.key, tracked: figures.length > 0, figures };
  });
  return {
    period,
    previous_period: prev,
    community: scope.community ?? null,
    subdistrict: scope.subdistrict ?? null,
    workers: { active: workers.active, new: workers.new },
    actions: rows,
  };
}
