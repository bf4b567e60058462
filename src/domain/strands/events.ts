// Actions 4 (health) and 9 (skills) are events; action 3 counts legal events too.
import { sql } from 'kysely';
import { careStrand } from './care.js';
import { count, pick, strand, type Db } from './strand.js';
import type { Period } from '../reports/period.js';
import { scopeIds, type Scope } from '../reports/figures.js';

// Action 4 as the seed lists it: lectures, first aid, check-ups, counselling, disaster prevention, traffic-safety law.
const HEALTH = ['health_lecture', 'first_aid', 'checkup', 'counselling', 'disaster_prevention', 'traffic_safety_law'];

export type EventFigures = {
  held: number;
  attendance: number;
  health_held: number;
  health_attendance: number;
  skills_held: number;
  skills_attendance: number;
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
    ])
    .where('e.event_date', '>=', p.from)
    .where('e.event_date', '<=', p.to)
    .groupBy('e.type');
  if (scope.communityIds) q = q.where('e.community_id', 'in', scopeIds(scope));
  const rows = await q.execute();
  const sum = (types: string[] | null, key: 'held' | 'attended') => rows.filter((r) => !types || types.includes(r.type)).reduce((a, r) => a + count(r[key]), 0);
  return {
    held: sum(null, 'held'),
    attendance: sum(null, 'attended'),
    health_held: sum(HEALTH, 'held'),
    health_attendance: sum(HEALTH, 'attended'),
    skills_held: sum(['skills'], 'held'),
    skills_attendance: sum(['skills'], 'attended'),
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
        ])(load)),
        ...(await pick(careStrand.figures, [['care_visits', 'visits']])(load)),
      }),
    },
    {
      no: 9,
      key: 'skills',
      figures: pick(eventFigures, [
        ['events', 'skills_held'],
        ['attendance', 'skills_attendance'],
      ]),
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
