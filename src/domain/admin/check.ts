import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { POINTS_INVARIANTS } from '../points/invariants.js';
import { WISH_INVARIANTS } from '../wishes/invariants.js';
import { INVARIANTS, type Problem } from './invariants.js';

export type CheckReport = { ok: boolean; checks: { name: string; ok: boolean; problems: string[] }[] };

/**
 * integrity_check, foreign_key_check, then every domain invariant.
 * The two pragmas are SQLite's; the invariants are portable queries.
 */
export async function checkDatabase(sqlite: Database.Database, db: Kysely<DB>): Promise<CheckReport> {
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[])
    .map((r) => r.integrity_check)
    .filter((m) => m !== 'ok');
  const foreignKeys = (sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
    (r) => `${r.table} row ${r.rowid} → missing ${r.parent}`,
  );
  const checks = [
    { name: 'integrity_check', ok: integrity.length === 0, problems: integrity },
    { name: 'foreign_key_check', ok: foreignKeys.length === 0, problems: foreignKeys },
  ];
  for (const invariant of [...INVARIANTS, ...POINTS_INVARIANTS, ...WISH_INVARIANTS]) {
    const problems: Problem[] = await invariant.run(db);
    checks.push({ name: invariant.name, ok: problems.length === 0, problems: problems.map((p) => p.detail) });
  }
  return { ok: checks.every((c) => c.ok), checks };
}
