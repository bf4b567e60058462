import type { OpenDb } from './open.js';
import { guardProblems } from './guards.js';

/** The engine's own handle, as the domain may name it without importing the driver. */
export type EngineHandle = OpenDb['sqlite'];

/** Checks only the engine can run (SQLite's pragmas, its triggers): each a name and a function listing problems. */
export function engineChecks(sqlite: EngineHandle): { name: string; run: () => string[] }[] {
  return [
    {
      name: 'integrity_check',
      run: () => (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok'),
    },
    {
      name: 'foreign_key_check',
      run: () => (sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => `${r.table} row ${r.rowid} → missing ${r.parent}`),
    },
    { name: 'append-only and whole-number guards are in place', run: () => guardProblems(sqlite).map((g) => `${g.table}: ${g.name} ${g.problem}`) },
  ];
}
