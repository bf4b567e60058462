import type Database from 'better-sqlite3';
import { expectedGuards, normalizedSql } from '../../../migrations/guards.js';

export type GuardProblem = { name: string; table: string; problem: 'missing' | 'altered' | 'unexpected' };

/**
 * Every trigger the schema relies on (append-only ledgers, whole-number
 * columns) is present with its original definition. A dropped or rewritten
 * trigger would silently let the ledger be bent.
 */
export function guardProblems(sqlite: Database.Database): GuardProblem[] {
  const rows = sqlite.prepare("select name, tbl_name, sql from sqlite_master where type = 'trigger'").all() as { name: string; tbl_name: string; sql: string }[];
  const present = new Map(rows.map((r) => [r.name, r]));
  const problems: GuardProblem[] = [];
  for (const guard of expectedGuards()) {
    const found = present.get(guard.name);
    if (!found) problems.push({ name: guard.name, table: guard.table, problem: 'missing' });
    else if (found.tbl_name !== guard.table || normalizedSql(found.sql) !== normalizedSql(guard.sql)) {
      problems.push({ name: guard.name, table: guard.table, problem: 'altered' });
    }
  }
  // A trigger nobody declared can bend writes as well as any missing guard (RAISE(IGNORE) drops ledger rows).
  const expected = new Set(expectedGuards().map((g) => g.name));
  for (const row of rows) if (!expected.has(row.name)) problems.push({ name: row.name, table: row.tbl_name, problem: 'unexpected' });
  return problems;
}
