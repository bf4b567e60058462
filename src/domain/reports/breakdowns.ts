import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { scopeIds, type Scope } from './figures.js';
import type { Period } from './period.js';

export type Count = { key: string; count: number };

/** Active workers by occupation, platform and community (as of now). */
export async function workerBreakdown(db: Kysely<DB>, scope: Scope): Promise<{ total: number; by_occupation: Count[]; by_platform: Count[]; by_community: Count[] }> {
  const group = async (column: 'occupation' | 'platform' | 'c.name') => {
    let q = db
      .selectFrom('workers as w')
      .leftJoin('communities as c', 'c.id', 'w.community_id')
      .select([sql<string>`coalesce(${sql.ref(column)}, '—')`.as('key'), sql<number>`count(*)`.as('n')])
      .where('w.active', '=', 1)
      .groupBy(sql.ref(column))
      .orderBy('n', 'desc')
      // Ties by name: the same order on both engines (PostgreSQL's grouping does not sort).
      .orderBy('key');
    if (scope.communityIds) q = q.where('w.community_id', 'in', scopeIds(scope));
    return (await q.execute()).map((r) => ({ key: r.key, count: Number(r.n) }));
  };
  const by_occupation = await group('occupation');
  return { total: by_occupation.reduce((a, c) => a + c.count, 0), by_occupation, by_platform: await group('platform'), by_community: await group('c.name') };
}

/** Points awarded per rule in the period. */
export async function pointsByRule(db: Kysely<DB>, p: Period, scope: Scope): Promise<{ rule: string; name: string; awards: number; points: number }[]> {
  let q = db
    .selectFrom('point_entries as e')
    .innerJoin('point_rules as r', 'r.id', 'e.rule_id')
    .select([
      'r.code as rule',
      'r.name',
      sql<number>`sum(case when e.kind = 'award' then 1 when e.kind = 'reverse' then -1 else 0 end)`.as('awards'),
      sql<number>`sum(e.points)`.as('points'),
    ])
    .where('e.business_date', '>=', p.from)
    .where('e.business_date', '<=', p.to)
    .groupBy(['r.code', 'r.name'])
    .orderBy('points', 'desc')
    .orderBy('r.code');
  if (scope.communityIds) q = q.where('e.community_id', 'in', scopeIds(scope));
  return (await q.execute()).map((r) => ({ rule: r.rule, name: r.name, awards: Number(r.awards), points: Number(r.points) }));
}

/** Wishes by category and state (current). */
export async function wishesByCategory(db: Kysely<DB>, scope: Scope): Promise<{ category: string; status: string; count: number }[]> {
  let q = db
    .selectFrom('wishes')
    .select(['category', 'status', sql<number>`count(*)`.as('n')])
    .groupBy(['category', 'status'])
    .orderBy('category')
    .orderBy('status');
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  return (await q.execute()).map((r) => ({ category: r.category, status: r.status, count: Number(r.n) }));
}
