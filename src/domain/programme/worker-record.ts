import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { balanceOf, type Balance } from '../points/ledger.js';
import { ledger, type LedgerRow } from '../points/queries.js';
import { findWorker, workerHistory, type HistoryEntry, type Worker } from '../workers/read.js';
import { listVisits, type CareVisit } from './care.js';
import { listDisputes, listHousing, type DisputeCase, type HousingCase } from './cases.js';
import { listEnrolments, type Enrolment } from './childcare.js';

/** A worker's whole relationship with the programme, one document. */
export type WorkerRecord = {
  worker: Worker;
  history: HistoryEntry[];
  points: Balance & { recent: LedgerRow[] };
  wishes: { id: number; title: string; category: string; status: string; sponsor: string | null }[];
  events: { id: number; date: string; type: string; title: string; status: string }[];
  childcare: Enrolment[];
  housing: HousingCase[];
  disputes: DisputeCase[];
  careVisits: CareVisit[];
  teams: { name: string; community: string; joinedOn: string }[];
};

export async function workerRecord(db: Kysely<DB>, key: string, today: string): Promise<WorkerRecord> {
  const worker = await findWorker(db, key);
  const id = worker.id;
  const entries = await ledger(db, { worker: `#${id}` });
  const wishes = await db
    .selectFrom('wishes as w')
    .leftJoin('sponsors as s', 's.id', 'w.sponsor_id')
    .select(['w.id', 'w.title', 'w.category', 'w.status', 's.name as sponsor'])
    .where('w.worker_id', '=', id)
    .orderBy('w.id')
    .execute();
  const events = await db
    .selectFrom('event_attendance as a')
    .innerJoin('events as e', 'e.id', 'a.event_id')
    .select(['e.id', 'e.event_date as date', 'e.type', 'e.title', 'a.status'])
    .where('a.worker_id', '=', id)
    .orderBy('e.event_date')
    .execute();
  const teams = await db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .innerJoin('communities as c', 'c.id', 't.community_id')
    .select(['t.name', 'c.name as community', 'm.joined_on as joinedOn'])
    .where('m.worker_id', '=', id)
    .where('m.left_on', 'is', null)
    .execute();
  return {
    worker,
    history: await workerHistory(db, id),
    points: { ...(await balanceOf(db, id)), recent: entries.slice(-10).reverse() },
    wishes,
    events,
    childcare: await listEnrolments(db, { workerId: id }),
    housing: await listHousing(db, { workerId: id }),
    disputes: await listDisputes(db, { workerId: id }, today),
    careVisits: await listVisits(db, { workerId: id }),
    teams,
  };
}
