// Action 8: rider-friendly communities and friendly merchants.
import { sql } from 'kysely';
import { FRIENDLY_MEASURES, measuresOn } from '../programme/care.js';
import { scopeIds, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { count, pick, strand, type Db } from './strand.js';

export type FriendlyFigures = { rider_friendly_communities: number; communities_with_measures: number; merchants: number };

/** Rider-friendly communities (all core measures in place on the period's last day) and merchants. */
export async function friendlyFigures(db: Db, p: Period, scope: Scope): Promise<FriendlyFigures> {
  let communities = db.selectFrom('communities').select('id');
  if (scope.communityIds) communities = communities.where('id', 'in', scopeIds(scope));
  let friendly = 0;
  let withMeasures = 0;
  for (const c of await communities.execute()) {
    const measures = await measuresOn(db, c.id, p.to);
    if (measures.length) withMeasures += 1;
    if (measures.length === FRIENDLY_MEASURES.length) friendly += 1;
  }
  let merchants = db.selectFrom('merchants').select(sql<number>`count(*)`.as('n')).where('added_on', '<=', p.to);
  if (scope.communityIds) merchants = merchants.where('community_id', 'in', scopeIds(scope));
  return { rider_friendly_communities: friendly, communities_with_measures: withMeasures, merchants: count((await merchants.executeTakeFirstOrThrow()).n) };
}

export const friendlyStrand = strand({
  area: 'friendly',
  figures: friendlyFigures,
  weekly: true,
  actions: [{ no: 8, key: 'friendly', figures: pick(friendlyFigures, ['rider_friendly_communities', 'merchants']) }],
});
