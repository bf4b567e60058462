import type { OpenDb } from './open.js';
import { guardProblems } from './guards.js';

/** The engine's own handle, as the domain may name it without importing the driver. */
export type EngineHandle = OpenDb['sqlite'];

/** Checks only the engine can run (SQLite's pragmas, its triggers): each a name and a function listing problems. */
/** What an engine check found: a message key and its values (the words are the messages module's). */
export type EngineFinding = { key: string; params: Record<string, string | number> };

export function engineChecks(sqlite: EngineHandle): { name: string; run: () => EngineFinding[] }[] {
  return [
    {
      name: 'integrity_check',
      run: () =>
        (sqlite.pragma('integrity_check') as { integrity_check: string }[])
          .filter((r) => r.integrity_check !== 'ok')
          .map((r) => ({ key: 'dbcheck.detail.raw', params: { text: r.integrity_check } })),
    },
    {
      name: 'foreign_key_check',
      run: () =>
        (sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => ({
          key: 'dbcheck.detail.foreign_key',
          params: { table: r.table, row: r.rowid, parent: r.parent },
        })),
    },
    {
      name: 'append-only and whole-number guards are in place',
      run: () => guardProblems(sqlite).map((g) => ({ key: `dbcheck.detail.guard_${g.problem}`, params: { table: g.table, name: g.name } })),
    },
  ];
}
