import type Database from 'better-sqlite3';
import { INSERT_COLUMNS, ROW_COLUMNS, type WorkerColumns, type WorkerRow, type WorkerStore } from '../worker-store.js';

/** WorkerStore on prepared better-sqlite3 statements (the caller holds the transaction). */
export function sqliteWorkerStore(sqlite: Database.Database): WorkerStore {
  const byPhone = sqlite.prepare<[string], WorkerRow>(`select ${ROW_COLUMNS} from workers where phone = ?`);
  const idOwner = sqlite.prepare<[string], { id: number; phone: string | null }>('select id, phone from workers where id_number = ?');
  const insertColumns = INSERT_COLUMNS;
  const placeholders = insertColumns.map(() => '?').join(', ');
  // New phones (nearly every row of a first import) take one statement instead of a lookup and an insert.
  const insertIfNew = sqlite.prepare(`insert into workers (${insertColumns.join(', ')}) values (${placeholders}) on conflict (phone) do nothing`);
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
    prefetch: async () => {},
    flush: async () => {},
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
      return result.changes === 1;
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
