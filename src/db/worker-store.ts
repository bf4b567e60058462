import type { Selectable } from 'kysely';
import type { WorkersTable } from './schema.js';

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

/**
 * The row-at-a-time writes of a bulk roster import, inside the import's
 * transaction. The per-row calls are synchronous on purpose: on SQLite they
 * are prepared statements, many times faster than a query-builder round trip
 * per row; on PostgreSQL they are answered from what `prefetch` read for the
 * batch and buffered until `flush`, so a batch costs a few round trips.
 */
export interface WorkerStore {
  /** Reads what the batch's rows will ask about (their phones and ID numbers); a no-op on SQLite. */
  prefetch(keys: { phone: string; idNumber: string | null }[]): Promise<void>;
  /** Writes what the batch left buffered; a no-op on SQLite. */
  flush(): Promise<void>;
  /** Inserts a worker whose phone is not yet known; false (and nothing written) if it is. */
  insertIfNew(phone: string, columns: WorkerColumns, meta: { registered_on: string; import_id: number | null; at: string }): boolean;
  byPhone(phone: string): WorkerRow | undefined;
  idOwner(idNumber: string): { id: number; phone: string | null } | undefined;
  update(id: number, columns: WorkerColumns, updatedAt: string): void;
  addHistory(entry: { workerId: number; at: string; operator: string; action: string; importId: number | null; changes: string | null }): void;
}

/** The columns of a new worker row, in the order both stores write them. */
export const INSERT_COLUMNS = ['phone', 'registered_on', 'import_id', 'created_at', 'updated_at', ...WORKER_COLUMNS] as const;

export const ROW_COLUMNS = 'id, phone, name, id_number, gender, occupation, platform, site, community_id, subdistrict, joined_on, note, active';
