import type { Kysely } from 'kysely';
import { engineChecks, type EngineHandle } from '../../db/maintenance.js';
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
export async function checkDatabase(sqlite: EngineHandle, db: Kysely<DB>): Promise<CheckReport> {
  const steps: { name: string; run: () => Promise<string[]> | string[] }[] = [
    ...engineChecks(sqlite),
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
