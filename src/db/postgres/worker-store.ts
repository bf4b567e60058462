import { sql, type Transaction } from 'kysely';
import type { DB } from '../schema.js';
import { INSERT_COLUMNS, ROW_COLUMNS, WORKER_COLUMNS, type WorkerColumns, type WorkerRow, type WorkerStore } from '../worker-store.js';

// Each column's type for unnest(): the batch travels as one array per column, one statement per batch.
const BIGINT_COLUMNS = new Set(['import_id', 'community_id']);
const arrayType = (column: string) => (BIGINT_COLUMNS.has(column) ? 'bigint[]' : 'text[]');

/**
 * The roster import's writer on PostgreSQL, bound to the import's
 * transaction: a batch's phones and ID numbers are read in two queries
 * (`prefetch`), the rows' questions answered from them, and the new workers
 * and history lines written by one `insert … select from unnest(…)` each
 * (`flush`). Changed workers are updated one statement each.
 */
export function postgresWorkerStore(trx: Transaction<DB>): WorkerStore {
  let asked = new Set<string>();
  let byPhone = new Map<string, WorkerRow>();
  let byIdNumber = new Map<string, { id: number; phone: string | null }>();
  let inserts: Record<string, unknown>[] = [];
  let updates: { id: number; columns: WorkerColumns; updatedAt: string }[] = [];
  let history: { workerId: number; at: string; operator: string; action: string; importId: number | null; changes: string | null }[] = [];
  // Rows buffered but not yet written have no id: a placeholder below zero stands for it until the flush.
  let placeholder = 0;
  let indexesOnly = false;

  const buffer = (row: Record<string, unknown>) => {
    inserts.push(row);
    placeholder -= 1;
    const phone = row.phone as string;
    byPhone.set(phone, { ...(row as unknown as WorkerRow), id: placeholder, active: 1 });
    if (row.id_number) byIdNumber.set(row.id_number as string, { id: placeholder, phone });
  };

  return {
    async prefetch(keys) {
      // The table grows inside this one transaction, and its statistics do not: without this, the planner
      // soon reads the whole table for every batch's lookups instead of probing the unique indexes.
      if (!indexesOnly) {
        await sql`set local enable_seqscan = off`.execute(trx);
        // Which makes every small lookup of a trigger or policy (the salt, the session's account) look
        // costly enough to JIT-compile, once per row: tens of milliseconds a row for nothing.
        await sql`set local jit = off`.execute(trx);
        indexesOnly = true;
      }
      asked = new Set(keys.map((k) => k.phone));
      const phones = [...asked];
      const idNumbers = [...new Set(keys.flatMap((k) => (k.idNumber ? [k.idNumber] : [])))];
      const known = phones.length ? await sql<WorkerRow>`select ${sql.raw(ROW_COLUMNS)} from workers where phone = any(${phones}::text[])`.execute(trx) : { rows: [] };
      byPhone = new Map(known.rows.map((r) => [r.phone!, r]));
      const owners = idNumbers.length
        ? await sql<{ id: number; phone: string | null; id_number: string }>`select id, phone, id_number from workers where id_number = any(${idNumbers}::text[])`.execute(trx)
        : { rows: [] };
      byIdNumber = new Map(owners.rows.map((r) => [r.id_number, { id: r.id, phone: r.phone }]));
    },
    byPhone(phone) {
      if (!asked.has(phone)) throw new Error(`worker store: phone not prefetched`);
      return byPhone.get(phone);
    },
    idOwner: (idNumber) => byIdNumber.get(idNumber),
    insertIfNew(phone, columns, meta) {
      if (!asked.has(phone)) throw new Error(`worker store: phone not prefetched`);
      if (byPhone.has(phone)) return false;
      buffer({ ...columns, phone, registered_on: meta.registered_on, import_id: meta.import_id, created_at: meta.at, updated_at: meta.at });
      return true;
    },
    update(id, columns, updatedAt) {
      if (id < 0) throw new Error('worker store: update of a row not yet written');
      updates.push({ id, columns, updatedAt });
    },
    addHistory(entry) {
      if (entry.workerId < 0) throw new Error('worker store: history of a row not yet written');
      history.push(entry);
    },
    async flush() {
      if (inserts.length > 0) {
        const arrays = INSERT_COLUMNS.map((column) => sql`${inserts.map((row) => row[column] ?? null)}::${sql.raw(arrayType(column))}`);
        await sql`insert into workers (${sql.raw(INSERT_COLUMNS.join(', '))}) select * from unnest(${sql.join(arrays)})`.execute(trx);
      }
      for (const change of updates) {
        await trx
          .updateTable('workers')
          .set({ ...pick(change.columns), updated_at: change.updatedAt })
          .where('id', '=', change.id)
          .execute();
      }
      if (history.length > 0) {
        const h = history;
        await sql`insert into worker_history (worker_id, at, operator, action, import_id, changes)
          select * from unnest(${h.map((e) => e.workerId)}::bigint[], ${h.map((e) => e.at)}::text[], ${h.map((e) => e.operator)}::text[],
                               ${h.map((e) => e.action)}::text[], ${h.map((e) => e.importId)}::bigint[], ${h.map((e) => e.changes)}::text[])`.execute(trx);
      }
      inserts = [];
      updates = [];
      history = [];
      placeholder = 0;
    },
  };
}

/** Only the worker columns a change may set (nothing else reaches the UPDATE). */
function pick(columns: WorkerColumns): WorkerColumns {
  return Object.fromEntries(Object.entries(columns).filter(([key]) => (WORKER_COLUMNS as readonly string[]).includes(key))) as WorkerColumns;
}
