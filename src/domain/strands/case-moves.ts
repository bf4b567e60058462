import { sql } from 'kysely';
import { inScope, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { count, type Db } from './strand.js';

/** State changes of housing applications or disputes dated in the period, by the state reached. */
export async function caseMoves(db: Db, type: 'housing' | 'dispute', p: Period, scope: Scope): Promise<Map<string, number>> {
  // A dispute may come from a caller not on the roster: its own community, else its worker's.
  const rows =
    type === 'housing'
      ? await sql<{ to_status: string; n: number }>`
    select e.to_status, count(*) as n from case_events e
    join housing_applications c on c.id = e.case_id join workers w on w.id = c.worker_id
    where e.case_type = 'housing' and e.business_date between ${p.from} and ${p.to} ${inScope(scope, 'w.community_id')}
    group by e.to_status`.execute(db)
      : await sql<{ to_status: string; n: number }>`
    select e.to_status, count(*) as n from case_events e
    join disputes c on c.id = e.case_id left join workers w on w.id = c.worker_id
    where e.case_type = 'dispute' and e.business_date between ${p.from} and ${p.to} ${inScope(scope, sql`coalesce(c.community_id, w.community_id)`)}
    group by e.to_status`.execute(db);
  return new Map(rows.rows.map((r) => [r.to_status, count(r.n)]));
}
