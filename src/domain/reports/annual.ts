// The annual report (年度总结): what the district office hands in at year end. For each of the ten
// actions: its lead and responsible units, its targets against results, its figures for the year,
// the visits, publicity and money that went to it; then outreach and opinions, publicity, money
// (the fund ledger beside wish pledges and care support) and a row per 街道 with the district total.
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { fundMovements, type FundMovement } from '../funds/ledger.js';
import { listActionOwners } from '../plan/actions.js';
import { targetsOfPlace, type TargetProgress } from '../plan/targets.js';
import { careFigures } from '../strands/care.js';
import { opinionFigures, type OpinionFigures } from '../strands/opinions.js';
import { outreachFigures, publicityFigures } from '../strands/outreach.js';
import { communitiesReport, type CommunityRow } from './communities.js';
import { scopeIds, wishFigures, workerFigures, type Scope } from './figures.js';
import { type Period, yearPeriod } from './period.js';
import { ACTIONS, actionFigures } from './programme.js';

export type AnnualAction = {
  no: number;
  key: string;
  lead: string | null;
  responsible: string[];
  figures: { key: string; value: number }[];
  targets: TargetProgress[];
  visits: { visits: number; workers_met: number };
  publicity: { items: number; reach: number };
  funds: MoneyMovement;
};

export type AnnualReport = {
  year: number;
  community: string | null;
  subdistrict: string | null;
  period: Period;
  /** The share of the year the report covers (100 for a past year). */
  elapsed_percent: number;
  workers: { active: number; new: number };
  actions: AnnualAction[];
  outreach: { visits: number; workers_met: number; opinions: OpinionFigures };
  publicity: { items: number; reach: number; by_channel: Record<string, number> };
  money: { funds: MoneyMovement; wish_pledged_yuan: number; wish_spent_yuan: number; care_support_yuan: number };
  subdistricts: CommunityRow[];
};

const yuan = (fen: number) => Math.round(fen) / 100;

/** Money over the year in yuan: carried in, in and out (gross), reversals made in the year (signed), carried out. */
export type MoneyMovement = { opening_yuan: number; in_yuan: number; out_yuan: number; reversed_yuan: number; closing_yuan: number };

function moneyOf(m: FundMovement | undefined): MoneyMovement {
  return {
    opening_yuan: yuan(m?.openingFen ?? 0),
    in_yuan: yuan(m?.inFen ?? 0),
    out_yuan: yuan(m?.outFen ?? 0),
    reversed_yuan: yuan(m?.reversedFen ?? 0),
    closing_yuan: yuan(m?.closingFen ?? 0),
  };
}

/** Counts grouped by action over the period, from a table with an `action` and a date column. */
async function byAction(db: Kysely<DB>, table: 'visits' | 'publicity', period: Period, scope: Scope) {
  const date = table === 'visits' ? 'visit_date' : 'published_on';
  const measure = table === 'visits' ? 'workers_met' : 'reach';
  let q = db
    .selectFrom(table)
    .select((eb) => ['action', eb.fn.countAll<number>().as('n'), eb.fn.sum<number>(measure).as('m')])
    .where(date, '>=', period.from)
    .where(date, '<=', period.to)
    .groupBy('action');
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.action as string | null, { n: Number(r.n), m: Number(r.m ?? 0) }]));
}

/** `scope`: the district, one 街道 or one community (resolveScope); its targets are the ones set for that very place. */
export async function annualReport(db: Kysely<DB>, input: { year: string; today: string; scope: Scope }): Promise<AnnualReport> {
  const period = yearPeriod(input.year, input.today);
  const year = Number(input.year);
  const scope = input.scope;
  const [figures, owners, targets] = await Promise.all([
    actionFigures(db, period, scope),
    listActionOwners(db, year),
    targetsOfPlace(db, { year, today: period.to, timeZone: scope.timeZone, community: scope.community, subdistrict: scope.subdistrict }),
  ]);
  const [visits, publicity, balances] = [
    await byAction(db, 'visits', period, scope),
    await byAction(db, 'publicity', period, scope),
    await fundMovements(db, { ...period, communityIds: scope.communityIds }),
  ];
  const actions: AnnualAction[] = ACTIONS.map((a) => {
    const owner = owners.find((o) => o.action === a.key)!;
    return {
      no: a.no,
      key: a.key,
      lead: owner.lead,
      responsible: owner.responsible,
      figures: Object.entries(figures.get(a.key)!).map(([key, value]) => ({ key, value })),
      targets: targets.filter((t) => t.action === a.key),
      visits: { visits: visits.get(a.key)?.n ?? 0, workers_met: visits.get(a.key)?.m ?? 0 },
      publicity: { items: publicity.get(a.key)?.n ?? 0, reach: publicity.get(a.key)?.m ?? 0 },
      funds: moneyOf(balances.get(a.key)),
    };
  });
  let byChannel = db
    .selectFrom('publicity')
    .select((eb) => ['channel', eb.fn.countAll<number>().as('n')])
    .where('published_on', '>=', period.from)
    .where('published_on', '<=', period.to)
    .groupBy('channel');
  if (scope.communityIds) byChannel = byChannel.where('community_id', 'in', scopeIds(scope));
  const channels = await byChannel.execute();
  const total = [...balances.values()].reduce<FundMovement>(
    (sum, m) => ({
      openingFen: sum.openingFen + m.openingFen,
      inFen: sum.inFen + m.inFen,
      outFen: sum.outFen + m.outFen,
      reversedFen: sum.reversedFen + m.reversedFen,
      closingFen: sum.closingFen + m.closingFen,
    }),
    { openingFen: 0, inFen: 0, outFen: 0, reversedFen: 0, closingFen: 0 },
  );
  const [workers, outreach, opinions, published, wishes, care] = [
    await workerFigures(db, period, scope),
    await outreachFigures(db, period, scope),
    await opinionFigures(db, period, scope),
    await publicityFigures(db, period, scope),
    await wishFigures(db, period, scope),
    await careFigures(db, period, scope),
  ];
  const table = await communitiesReport(db, period, scope);
  const end = `${year}-12-31`;
  const days = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  return {
    year,
    period,
    elapsed_percent: Math.floor((days(period.from, period.to) / days(period.from, end)) * 100),
    workers: { active: workers.active, new: workers.new },
    actions,
    outreach: { ...outreach, opinions },
    publicity: { ...published, by_channel: Object.fromEntries(channels.map((c) => [c.channel, Number(c.n)])) },
    money: {
      funds: moneyOf(total),
      wish_pledged_yuan: wishes.pledged_yuan,
      wish_spent_yuan: wishes.spent_yuan,
      care_support_yuan: care.support_yuan,
    },
    // The district: a row per 街道 and the total; a 街道: its communities and its subtotal; a community: its row.
    subdistricts: scope.communityIds ? table.rows : table.rows.filter((r) => r.level !== 'community'),
    community: scope.community ?? null,
    subdistrict: scope.subdistrict ?? null,
  };
}
