import type Database from 'better-sqlite3';
import type { EngineCheck } from '../port.js';
import { guardProblems } from './guards.js';

/** Checks only SQLite can run: its integrity and foreign-key pragmas, and the schema's triggers. */
export function sqliteChecks(sqlite: Database.Database): EngineCheck[] {
  return [
    {
      name: 'integrity_check',
      run: async () =>
        (sqlite.pragma('integrity_check') as { integrity_check: string }[])
          .filter((r) => r.integrity_check !== 'ok')
          .map((r) => ({ key: 'dbcheck.detail.raw', params: { text: r.integrity_check } })),
    },
    {
      name: 'foreign_key_check',
      run: async () =>
        (sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => ({
          key: 'dbcheck.detail.foreign_key',
          params: { table: r.table, row: r.rowid, parent: r.parent },
        })),
    },
    {
      name: 'append-only and whole-number guards are in place',
      run: async () => guardProblems(sqlite).map((g) => ({ key: `dbcheck.detail.guard_${g.problem}`, params: { table: g.table, name: g.name } })),
    },
  ];
}
