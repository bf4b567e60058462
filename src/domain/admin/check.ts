import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { guardProblems } from '../../db/guards.js';
import type { DB } from '../../db/schema.js';
import { POINTS_INVARIANTS } from '../points/invariants.js';
import { WISH_INVARIANTS } from '../wishes/invariants.js';
import { INVARIANTS, type Problem } from './invariants.js';

export type CheckReport = { ok: boolean; checks: { name: string; ok: boolean; problems: string[] }[] };

/** A check that throws (a damaged page, a missing table) fails with what the engine said; the others still run. */
async function attempt(run: () => Promise<string[]> | string[]): Promise<string[]> {
  try {
    return await run();
  } catch (error) {
    return [`could not run: ${error instanceof Error ? error.message : String(error)}`];
  }
}

/**
 * integrity_check, foreign_key_check, the schema's guards (append-only and
 * whole-number triggers), then every domain invariant. The pragmas and the
 * guards are SQLite's; the invariants are portable queries.
 */
export async function checkDatabase(sqlite: Database.Database, db: Kysely<DB>): Promise<CheckReport> {
  const steps: { name: string; run: () => Promise<string[]> | string[] }[] = [
    {
      name: 'integrity_check',
      run: () => (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((m) => m !== 'ok'),
    },
    {
      name: 'foreign_key_check',
      run: () => (sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map((r) => `${r.table} row ${r.rowid} → missing ${r.parent}`),
    },
    { name: 'append-only and whole-number guards are in place', run: () => guardProblems(sqlite).map((g) => `${g.table}: ${g.name} ${g.problem}`) },
    ...[...INVARIANTS, ...POINTS_INVARIANTS, ...WISH_INVARIANTS].map((invariant) => ({
      name: invariant.name,
      run: async () => (await invariant.run(db)).map((p: Problem) => p.detail),
    })),
  ];
  const checks = [];
  for (const step of steps) {
    const problems = await attempt(step.run);
    checks.push({ name: step.name, ok: problems.length === 0, problems });
  }
  return { ok: checks.every((c) => c.ok), checks };
}
