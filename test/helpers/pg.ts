import pg from 'pg';

/**
 * The PostgreSQL run of the suite. `NUANXIN_TEST_PG` names a server (a URL whose user may create
 * databases); the "behaviour (postgres)" project sets NUANXIN_TEST_ENGINE=postgres, and then every
 * fresh database a test asks for is a new database on that server, cloned from a template that
 * global-setup.ts made with `nuanxin init`, and dropped when the test file ends.
 */
export const TEST_PG = process.env.NUANXIN_TEST_PG;
export const onPostgres = process.env.NUANXIN_TEST_ENGINE === 'postgres';

/** The name of the run's template database (made once per run by global-setup.ts). */
export function templateName(run: string): string {
  return `nuanxin_test_${run}_template`;
}

/** `NUANXIN_TEST_PG` with another database name. */
export function urlFor(database: string): string {
  const url = new URL(TEST_PG!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance connection. */
export async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

const made: string[] = [];
let counter = 0;

/** A new database, a copy of the run's migrated template: its URL. */
export async function freshPgDatabase(): Promise<string> {
  const run = process.env.NUANXIN_TEST_RUN ?? 'x';
  counter += 1;
  const name = `nuanxin_test_${run}_${process.pid}_${counter}`;
  await admin(`create database ${name} template ${templateName(run)}`);
  made.push(name);
  return urlFor(name);
}

/** An empty database (no schema): for `init` itself. */
export async function emptyPgDatabase(): Promise<string> {
  const run = process.env.NUANXIN_TEST_RUN ?? 'x';
  counter += 1;
  const name = `nuanxin_test_${run}_${process.pid}_${counter}`;
  await admin(`create database ${name} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  made.push(name);
  return urlFor(name);
}

/** Drops the databases this test file made (cleanup.ts calls it after the file). */
export async function dropPgDatabases(): Promise<void> {
  for (const name of made.splice(0)) await dropDatabase(name);
}

/**
 * Drops one database. Plainly first: the server itself stops an autovacuum worker in it, which WITH
 * (FORCE) may not do for a role that is not a superuser (as in CI); FORCE only for a session of our own
 * left open (55006, in use).
 */
export async function dropDatabase(name: string, run: (statement: string) => Promise<unknown> = admin): Promise<void> {
  try {
    await run(`drop database if exists ${name}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '55006') throw error;
    await run(`drop database if exists ${name} with (force)`);
  }
}

/** A database for a test that runs `init` itself: a new file's path in `dir`, or an empty server database. */
export async function newDatabase(dir: string, name = 'n.db'): Promise<string> {
  return onPostgres ? emptyPgDatabase() : `${dir}/${name}`;
}
