// Action 5: summer childcare sites for workers' children.
import { sql } from 'kysely';
import { listEnrolments, type Enrolment } from '../programme/childcare.js';
import { inScope, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { reachFigures } from './reach.js';
import { count, pick, strand, type Db } from './strand.js';

export type ChildcareFigures = { sites: number; courses: number; enrolled: number; waitlisted: number; volunteers: number };

/**
 * Sites running in the period, and their children enrolled and waiting at its end and volunteers
 * counted by then: a site of last summer adds nothing to this year's figures.
 */
export async function childcareFigures(db: Db, p: Period, scope: Scope): Promise<ChildcareFigures> {
  const scoped = sql`and (s.from_on is null or s.from_on <= ${p.to}) and (s.to_on is null or s.to_on >= ${p.from}) ${inScope(scope, 's.community_id')}`;
  const r = await sql<ChildcareFigures>`
    select
      (select count(*) from childcare_sites s where 1 = 1 ${scoped}) as sites,
      (select count(*) from childcare_enrolments e join childcare_sites s on s.id = e.site_id
        where e.enrolled_on <= ${p.to} and (e.withdrawn_on is null or e.withdrawn_on > ${p.to}) ${scoped}) as enrolled,
      (select count(*) from childcare_enrolments e join childcare_sites s on s.id = e.site_id
        where e.status = 'waitlisted' ${scoped}) as waitlisted,
      (select coalesce(sum(v.count), 0) from childcare_volunteers v join childcare_sites s on s.id = v.site_id where v.added_on <= ${p.to} ${scoped}) as volunteers`.execute(db);
  const row = r.rows[0]!;
  // Courses offered: each running site's courses (the same course at two sites is offered twice).
  const running = await sql<{ courses: string | null }>`select s.courses from childcare_sites s where 1 = 1 ${scoped}`.execute(db);
  const courses = running.rows.reduce((n, s) => n + (s.courses ? s.courses.split(',').filter(Boolean).length : 0), 0);
  return { sites: count(row.sites), courses, enrolled: count(row.enrolled), waitlisted: count(row.waitlisted), volunteers: count(row.volunteers) };
}

export const childcareStrand = strand({
  area: 'childcare',
  figures: childcareFigures,
  weekly: true,
  actions: [
    {
      no: 5,
      key: 'childcare',
      figures: async (load) => ({
        ...(await pick(childcareFigures, ['sites', 'courses', 'enrolled', 'waitlisted', 'volunteers'])(load)),
        ...(await pick(reachFigures, [['workers_reached', 'childcare']])(load)),
      }),
    },
  ],
  record: {
    key: 'childcare',
    title: 'worker.section.childcare',
    load: (db, workerId): Promise<Enrolment[]> => listEnrolments(db, { workerId }),
    columns: [
      { label: 'id', value: (e) => e.id },
      { label: 'site', value: (e) => e.site },
      { label: 'child', value: (e) => e.child },
      { label: 'age', value: (e) => e.age },
      { label: 'status', value: (e) => e.status, term: 'enrolment_status' },
    ],
  },
});
