// Distinct workers on the roster reached by an action over a period: a worker is counted once per
// action however often they came (two health lectures and a care visit are one worker reached).
import { sql } from 'kysely';
import { inScope, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { count, type Db } from './strand.js';

// Action 4 as the seed lists it: lectures, first aid, check-ups, counselling, disaster prevention, traffic-safety law.
export const HEALTH_TYPES = ['health_lecture', 'first_aid', 'checkup', 'counselling', 'disaster_prevention', 'traffic_safety_law'] as const;

export type ReachFigures = { health: number; skills: number; housing: number; childcare: number; wishes: number };

export async function reachFigures(db: Db, p: Period, scope: Scope): Promise<ReachFigures> {
  const attended = (types: readonly string[]) => sql`
    select a.worker_id from event_attendance a join events e on e.id = a.event_id
    where a.status = 'attended' and e.event_date between ${p.from} and ${p.to}
      and e.type in (${sql.join([...types])}) ${inScope(scope, 'e.community_id')}`;
  const r = await sql<Record<keyof ReachFigures, number>>`
    select
      (select count(*) from (${attended(HEALTH_TYPES)}
        union select c.worker_id from care_visits c join workers w on w.id = c.worker_id
          where c.visit_date between ${p.from} and ${p.to} ${inScope(scope, 'w.community_id')}) h) as health,
      (select count(distinct x.worker_id) from (${attended(['skills'])}) x) as skills,
      (select count(distinct h.worker_id) from housing_applications h join workers w on w.id = h.worker_id
        where h.applied_on between ${p.from} and ${p.to} ${inScope(scope, 'w.community_id')}) as housing,
      (select count(distinct e.worker_id) from childcare_enrolments e join childcare_sites s on s.id = e.site_id
        where e.enrolled_on between ${p.from} and ${p.to} ${inScope(scope, 's.community_id')}) as childcare,
      (select count(distinct w.worker_id) from wishes w
        where w.worker_id is not null and w.fulfilled_on between ${p.from} and ${p.to} ${inScope(scope, 'w.community_id')}) as wishes`.execute(db);
  const row = r.rows[0]!;
  return { health: count(row.health), skills: count(row.skills), housing: count(row.housing), childcare: count(row.childcare), wishes: count(row.wishes) };
}
