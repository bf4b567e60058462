import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.js';

/**
 * Every row of each table, in insertion order: what a scenario leaves behind, to compare whole. A
 * wrong column, a lost audit detail or an extra row then fails the test, not only a wrong total.
 */
export async function dumpTables(db: Kysely<DB>, tables: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const { rows } = await sql`select * from ${sql.table(table)} order by rowid`.execute(db);
    out[table] = rows.map((row) => parseJsonColumns(row as Record<string, unknown>));
  }
  return out;
}

// Audit details and history changes are JSON text: compared as values, so a snapshot reads plainly.
function parseJsonColumns(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] = typeof value === 'string' && /^[[{]/.test(value) ? tryParse(value) : value;
  }
  return out;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
