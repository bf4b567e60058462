import Database from 'better-sqlite3';
import pg from 'pg';
import { onPostgres } from './pg.js';

// Counts and ids as numbers, as better-sqlite3 gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/**
 * A raw SQL session on a test's database, around nuanxin (as a `sqlite3` or `psql` user would be): to
 * read what was stored, or to try to bend the ledger. SQLite's `?` placeholders are written `$n` for
 * PostgreSQL here, so one statement serves both engines.
 */
export type RawSession = {
  all<T = Record<string, unknown>>(statement: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(statement: string, ...params: unknown[]): Promise<T | undefined>;
  /** Rows changed. */
  run(statement: string, ...params: unknown[]): Promise<number>;
  close(): Promise<void>;
};

export async function rawSession(db: string): Promise<RawSession> {
  if (onPostgres) {
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    const numbered = (statement: string) => {
      let n = 0;
      return statement.replace(/\?/g, () => `$${++n}`);
    };
    const query = (statement: string, params: unknown[]) => client.query(numbered(statement), params);
    return {
      all: async <T>(statement: string, ...params: unknown[]) => (await query(statement, params)).rows as T[],
      get: async <T>(statement: string, ...params: unknown[]) => (await query(statement, params)).rows[0] as T | undefined,
      run: async (statement: string, ...params: unknown[]) => (await query(statement, params)).rowCount ?? 0,
      close: () => client.end(),
    };
  }
  const sqlite = new Database(db);
  return {
    all: async <T>(statement: string, ...params: unknown[]) => sqlite.prepare(statement).all(...params) as T[],
    get: async <T>(statement: string, ...params: unknown[]) => sqlite.prepare(statement).get(...params) as T | undefined,
    run: async (statement: string, ...params: unknown[]) => sqlite.prepare(statement).run(...params).changes,
    close: async () => {
      sqlite.close();
    },
  };
}

/** Reads rows in one short session. */
export async function rawRows<T = Record<string, unknown>>(db: string, statement: string, ...params: unknown[]): Promise<T[]> {
  const raw = await rawSession(db);
  try {
    return await raw.all<T>(statement, ...params);
  } finally {
    await raw.close();
  }
}
