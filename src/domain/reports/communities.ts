// The all-communities table (`report communities`): one row per community with each action's key
// figures, a subtotal per 街道 and the district total — the table clerks built by hand in Excel.
// Every subtotal is computed over its 街道's communities (not summed), so people counted once stay
// counted once; the district total also holds what belongs to no community (district-wide events).
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { scopeIds, workerFigures, type Scope } from './figures.js';
import type { Period } from './period.js';
import { actionFigures } from './programme.js';

/** The columns, `area.figure`: the workers, then the ten actions in plan order. */
export const COMMUNITY_COLUMNS = [
  'workers.active',
  'workers.new',
  'stations.open',
  'stations.fully_equipped',
  'housing.applied',
  'disputes.opened',
  'disputes.resolved',
  'health.events',
  'health.reached',
  'childcare.enrolled',
  'safety_team.members',
  'points.awarded',
  'points.earners',
  'friendly.rider_friendly_communities',
  'friendly.merchants',
  'skills.events',
  'skills.reached',
  'wishes.collected',
  'wishes.fulfilled',
] as const;

export type CommunityRow = { level: 'community' | 'subdistrict' | 'district'; subdistrict: string | null; community: string | null; figures: Record<string, number> };

export type CommunitiesReport = {
  period: Period;
  community: string | null;
  subdistrict: string | null;
  columns: string[];
  rows: CommunityRow[];
};

async function keyFigures(db: Kysely<DB>, period: Period, scope: Scope): Promise<Record<string, number>> {
  const all: Record<string, number> = {};
  const workers = await workerFigures(db, period, scope);
  all['workers.active'] = workers.active;
  all['workers.new'] = workers.new;
  for (const [action, figures] of await actionFigures(db, period, scope)) for (const [key, value] of Object.entries(figures)) all[`${action}.${key}`] = value;
  return Object.fromEntries(COMMUNITY_COLUMNS.map((c) => [c, all[c] ?? 0]));
}

/** `scope`: the whole district, one 街道 (its communities and subtotal) or one community (its row alone). */
export async function communitiesReport(db: Kysely<DB>, period: Period, scope: Scope): Promise<CommunitiesReport> {
  let communities = db.selectFrom('communities as c').leftJoin('subdistricts as s', 's.id', 'c.subdistrict_id').select(['c.id', 'c.name', 's.name as subdistrict']);
  if (scope.communityIds) communities = communities.where('c.id', 'in', scopeIds(scope));
  const list = await communities.execute();
  // No 街道 sorts last; two communities of no 街道 are in the same group, ordered by their names.
  const zh = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.localeCompare(b, 'zh-Hans-CN'));
  const groups = new Map<string | null, typeof list>();
  for (const c of [...list].sort((a, b) => zh(a.subdistrict, b.subdistrict) || a.name.localeCompare(b.name, 'zh-Hans-CN'))) {
    groups.set(c.subdistrict, [...(groups.get(c.subdistrict) ?? []), c]);
  }
  const rows: CommunityRow[] = [];
  for (const [subdistrict, members] of groups) {
    for (const c of members)
      rows.push({ level: 'community', subdistrict, community: c.name, figures: await keyFigures(db, period, { communityIds: [c.id], timeZone: scope.timeZone }) });
    if (!scope.community) {
      rows.push({
        level: 'subdistrict',
        subdistrict,
        community: null,
        figures: await keyFigures(db, period, { communityIds: members.map((c) => c.id), timeZone: scope.timeZone }),
      });
    }
  }
  if (!scope.communityIds) rows.push({ level: 'district', subdistrict: null, community: null, figures: await keyFigures(db, period, scope) });
  return { period, community: scope.community ?? null, subdistrict: scope.subdistrict ?? null, columns: [...COMMUNITY_COLUMNS], rows };
}
