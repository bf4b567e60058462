import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { balanceOf, type Balance } from '../points/ledger.js';
import { ledger, type LedgerRow } from '../points/queries.js';
import { strandRecords, type StrandRecords } from '../strands/index.js';
import { findWorker, workerHistory, type HistoryEntry, type Worker } from '../workers/read.js';

/** A worker's whole relationship with the programme, one document: the core areas, then each strand's part. */
export type WorkerRecord = {
  worker: Worker;
  history: HistoryEntry[];
  points: Balance & { recent: LedgerRow[] };
  wishes: { id: number; title: string; category: string; status: string; sponsor: string | null }[];
} & StrandRecords;

export async function workerRecord(db: Kysely<DB>, key: string, today: string): Promise<WorkerRecord> {
  const worker = await findWorker(db, key);
  const id = worker.id;
  const entries = await ledger(db, { worker: `#${id}` });
  const wishes = await db
    .selectFrom('wishes as w')
    .leftJoin('units as s', 's.id', 'w.sponsor_id')
    .select(['w.id', 'w.title', 'w.category', 'w.status', 's.name as sponsor'])
    .where('w.worker_id', '=', id)
    .orderBy('w.id')
    .execute();
  return {
    worker,
    history: await workerHistory(db, id),
    points: { ...(await balanceOf(db, id)), recent: entries.slice(-10).reverse() },
    wishes,
    ...(await strandRecords(db, id, today)),
  };
}
