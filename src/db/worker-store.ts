import type { Selectable } from 'kysely';
import type { WorkersTable } from './schema.js';
import type Database from 'better-sqlite3';

/** Columns of `workers` a change may set; absent keys are left as they are. */
export type WorkerColumns = {
  name?: string;
  id_number?: string | null;
  gender?: string | null;
  occupation?: string;
  platform?: string | null;
  site?: string | null;
  community_id?: number | null;
  subdistrict?: string | null;
  joined_on?: string | null;
  note?: string | null;
};

export const WORKER_COLUMNS = ['name', 'id_number', 'gender', 'occupation', 'platform', 'site', 'community_id', 'subdistrict', 'joined_on', 'note'] as const;

export type WorkerRow = Pick<
  Selectable<WorkersTable>,
  'id' | 'phone' | 'name' | 'id_number' | 'gender' | 'occupation' | 'platform' | 'site' | 'community_id' | 'subdistrict' | 'joined_on' | 'note' | 'active'
>;

export type NewWorker = WorkerColumns & {
  phone: string;
  name: string;
  occupation: string;
  registered_on: string;
  import_id: number | null;
  created_at: string;
  updated_at: string;
};

/**
 * The row-at-a-time writes of a bulk roster import. Synchronous on purpose:
 * on SQLite it is a handful of prepared statements inside the import's
 * transaction, many times faster than a query-builder round trip per row.
 * (On PostgreSQL the same interface would be backed by batched statements.)
 */
export interface WorkerStore {
  /** Inserts a worker whose phone is not yet known; returns undefined (and writes nothing) if it is. */
  insertIfNew(phone: string, columns: WorkerColumns, meta: { registered_on: string; import_id: number | null; at: string }): number | undefined;
  byPhone(phone: string): WorkerRow | undefined;
  idOwner(idNumber: string): { id: number; phone: string | null } | undefined;
  insert(worker: NewWorker): number;
  update(id: number, columns: WorkerColumns, updatedAt: string): void;
  addHistory(entry: { workerId: number; at: string; operator: string; action: string; importId: number | null; changes: string | null }): void;
}

const ROW_COLUMNS = 'id, phone, name, id_number, gender, occupation, platform, site, community_id, subdistrict, joined_on, note, active';

/** WorkerStore on prepared better-sqlite3 statements (the caller holds the transaction). */
export function sqliteWorkerStore(sqlite: Database.Database): WorkerStore {
  const byPhone = sqlite.prepare<[string], WorkerRow>(`select ${ROW_COLUMNS} from workers where phone = ?`);
  const idOwner = sqlite.prepare<[string], { id: number; phone: string | null }>('select id, phone from workers where id_number = ?');
  const insertColumns = ['phone', 'registered_on', 'import_id', 'created_at', 'updated_at', ...WORKER_COLUMNS];
  const placeholders = insertColumns.map(() => '?').join(', ');
  const insert = sqlite.prepare(`insert into workers (${insertColumns.join(', ')}) values (${placeholders})`);
  // New phones (nearly every row of a first import) take one statement instead of a lookup and an insert.
  const insertIfNew = sqlite.prepare(`insert into workers (${insertColumns.join(', ')}) values (${placeholders}) on conflict (phone) do nothing`);
  const valuesOf = (worker: NewWorker) => insertColumns.map((c) => (worker as Record<string, unknown>)[c] ?? null);
  const history = sqlite.prepare('insert into worker_history (worker_id, at, operator, action, import_id, changes) values (?, ?, ?, ?, ?, ?)');
  // One statement per distinct set of changed columns, prepared once.
  const updates = new Map<string, Database.Statement>();
  const updateFor = (keys: string[]) => {
    const signature = keys.join(',');
    let statement = updates.get(signature);
    if (!statement) {
      statement = sqlite.prepare(`update workers set ${keys.map((k) => `${k} = @${k}`).join(', ')}, updated_at = @updated_at where id = @id`);
      updates.set(signature, statement);
    }
    return statement;
  };
  return {
    byPhone: (phone) => byPhone.get(phone),
    idOwner: (idNumber) => idOwner.get(idNumber),
    insertIfNew(phone, c, meta) {
      // Positional values in insertColumns order, built directly: this runs once per roster row.
      const result = insertIfNew.run(
        phone,
        meta.registered_on,
        meta.import_id,
        meta.at,
        meta.at,
        c.name ?? null,
        c.id_number ?? null,
        c.gender ?? null,
        c.occupation ?? null,
        c.platform ?? null,
        c.site ?? null,
        c.community_id ?? null,
        c.subdistrict ?? null,
        c.joined_on ?? null,
        c.note ?? null,
      );
      return result.changes === 1 ? Number(result.lastInsertRowid) : undefined;
    },
    insert(worker: NewWorker) {
      return Number(insert.run(valuesOf(worker)).lastInsertRowid);
    },
    update(id: number, columns: WorkerColumns, updatedAt: string) {
      const keys = Object.keys(columns).sort();
      updateFor(keys).run({ ...columns, updated_at: updatedAt, id });
    },
    addHistory(entry) {
      history.run(entry.workerId, entry.at, entry.operator, entry.action, entry.importId, entry.changes);
    },
  };
}
