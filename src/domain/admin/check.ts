import type { Kysely } from 'kysely';
import type { EngineCheck } from '../../db/port.js';
import type { DB } from '../../db/schema.js';
import { POINTS_INVARIANTS } from '../points/invariants.js';
import { FUND_INVARIANTS } from '../funds/invariants.js';
import { WISH_INVARIANTS } from '../wishes/invariants.js';
import { INVARIANTS, type Problem } from './invariants.js';

/** A finding as a message key and values; `dbcheck.detail.raw` carries the engine's own words. */
export type Finding = { key: string; params: Record<string, string | number>; terms?: Record<string, string> };
export type CheckReport = { ok: boolean; checks: { name: string; ok: boolean; problems: Finding[] }[] };

/** A check that throws (a damaged page, a missing table) fails with what the engine said; the others still run. */
async function attempt(run: () => Promise<Finding[]> | Finding[]): Promise<Finding[]> {
  try {
    return await run();
  } catch (error) {
    return [{ key: 'dbcheck.detail.could_not_run', params: { reason: error instanceof Error ? error.message : String(error) } }];
  }
}

/**
 * integrity_check, foreign_key_check, the schema's guards (append-only and
 * whole-number triggers), then every domain invariant. The pragmas and the
 * guards are SQLite's; the invariants are portable queries.
 */
export async function checkDatabase(engineChecks: EngineCheck[], db: Kysely<DB>): Promise<CheckReport> {
  const steps: { name: string; run: () => Promise<Finding[]> | Finding[] }[] = [
    ...engineChecks,
    ...[...INVARIANTS, ...POINTS_INVARIANTS, ...WISH_INVARIANTS, ...FUND_INVARIANTS].map((invariant) => ({
      name: invariant.name,
      run: async () => (await invariant.run(db)).map((p: Problem) => ({ key: p.key, params: p.params, terms: p.terms })),
    })),
  ];
  const checks = [];
  for (const step of steps) {
    const problems = await attempt(step.run);
    checks.push({ name: step.name, ok: problems.length === 0, problems });
  }
  return { ok: checks.every((c) => c.ok), checks };
}
