// Actions 4 (health) and 9 (skills) are events; action 3 counts legal events too.
import { sql } from 'kysely';
import { careStrand } from './care.js';
import { HEALTH_TYPES, reachFigures } from './reach.js';
import { count, pick, strand, type Db } from './strand.js';
import type { Period } from '../reports/period.js';
import { scopeIds, type Scope } from '../reports/figures.js';

// Action 4 as the seed lists it: lectures, first aid, check-ups, counselling, disaster prevention, traffic-safety law.
const HEALTH = [...HEALTH_TYPES];

export type EventFigures = {
  held: number;
  attendance: number;
  headcount: number;
  reached: number;
  health_held: number;
  health_attendance: number;
  health_reached: number;
  skills_held: number;
  skills_attendance: number;
  skills_reached: number;
  legal_held: number;
  safety_held: number;
};

/** Events held in the period (by type) and their attendance. */
export async function eventFigures(db: Db, p: Period, scope: Scope): Promise<EventFigures> {
  let q = db
    .selectFrom('events as e')
    .select([
      'e.type',
      sql<number>`count(*)`.as('held'),
      sql<number>`sum((select count(*) from event_attendance a where a.event_id = e.id and a.status = 'attended'))`.as('attended'),
      sql<number>`sum(coalesce(e.headcount, 0))`.as('headcount'),
    ])
    .where('e.event_date', '>=', p.from)
    .where('e.event_date', '<=', p.to)
    .groupBy('e.type');
  if (scope.communityIds) q = q.where('e.community_id', 'in', scopeIds(scope));
  const rows = await q.execute();
  const sum = (types: string[] | null, key: 'held' | 'attended' | 'headcount') => rows.filter((r) => !types || types.includes(r.type)).reduce((a, r) => a + count(r[key]), 0);
  // Reached: the named attendance and the headcount of people not named.
  const reached = (types: string[] | null) => sum(types, 'attended') + sum(types, 'headcount');
  return {
    held: sum(null, 'held'),
    attendance: sum(null, 'attended'),
    headcount: sum(null, 'headcount'),
    reached: reached(null),
    health_held: sum(HEALTH, 'held'),
    health_attendance: sum(HEALTH, 'attended'),
    health_reached: reached(HEALTH),
    skills_held: sum(['skills'], 'held'),
    skills_attendance: sum(['skills'], 'attended'),
    skills_reached: reached(['skills']),
    legal_held: sum(['legal'], 'held'),
    safety_held: sum(['safety'], 'held'),
  };
}

export type AttendedEvent = { id: number; date: string; type: string; title: string; status: string };

export const eventsStrand = strand({
  area: 'events',
  figures: eventFigures,
  weekly: true,
  actions: [
    {
      no: 4,
      key: 'health',
      figures: async (load) => ({
        ...(await pick(eventFigures, [
          ['events', 'health_held'],
          ['attendance', 'health_attendance'],
          ['reached', 'health_reached'],
        ])(load)),
        ...(await pick(reachFigures, [['workers_reached', 'health']])(load)),
        ...(await pick(careStrand.figures, [['care_visits', 'visits']])(load)),
      }),
    },
    {
      no: 9,
      key: 'skills',
      figures: async (load) => ({
        ...(await pick(eventFigures, [
          ['events', 'skills_held'],
          ['attendance', 'skills_attendance'],
          ['reached', 'skills_reached'],
        ])(load)),
        ...(await pick(reachFigures, [['workers_reached', 'skills']])(load)),
      }),
    },
  ],
  record: {
    key: 'events',
    title: 'worker.section.events',
    load: (db, workerId): Promise<AttendedEvent[]> =>
      db
        .selectFrom('event_attendance as a')
        .innerJoin('events as e', 'e.id', 'a.event_id')
        .select(['e.id', 'e.event_date as date', 'e.type', 'e.title', 'a.status'])
        .where('a.worker_id', '=', workerId)
        .orderBy('e.event_date')
        .execute(),
    columns: [
      { label: 'id', value: (e) => e.id },
      { label: 'date', value: (e) => e.date },
      { label: 'type', value: (e) => e.type, term: 'event_type' },
      { label: 'name', value: (e) => e.title },
      { label: 'status', value: (e) => e.status, term: 'attendance_status' },
    ],
  },
});
