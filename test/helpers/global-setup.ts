import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import pg from 'pg';
import { admin, dropDatabase, TEST_PG, templateName, urlFor } from './pg.js';

// This run's folders only (another run, say StrykerJS's, may be making its own meanwhile).
const RUN = String(process.pid);
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`nuanxin-test-${RUN}-`));

/**
 * End-to-end tests spawn bin/nuanxin.cjs, which runs the bundle: build it once.
 * Afterwards, fail the run if a test left a temp folder behind (cleanup.ts removes them).
 */
export default async function setup(): Promise<() => Promise<void>> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.env.NUANXIN_TEST_RUN = RUN; // inherited by the test processes, which name their folders with it
  const before = new Set(leftovers());
  if (TEST_PG) await makePgTemplate(RUN);
  return async () => {
    if (TEST_PG) await dropRunDatabases(RUN);
    const left = leftovers().filter((name) => !before.has(name));
    if (left.length > 0) throw new Error(`tests left ${left.length} folder(s) in ${tmpdir()}: ${left.slice(0, 5).join(', ')}`);
  };
}

/** The PostgreSQL run's template: an empty database made by `nuanxin init` itself (the built bundle), cloned for every test. */
export async function makePgTemplate(run: string): Promise<void> {
  await dropRunDatabases(run);
  await admin(`create database ${templateName(run)} template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C'`);
  execFileSync(process.execPath, ['bin/nuanxin.cjs', 'init'], { env: { ...process.env, NUANXIN_DB: urlFor(templateName(run)) }, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** This run's databases on the test server (a test file that crashed leaves its own behind). */
export async function dropRunDatabases(run: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [`nuanxin_test_${run}_`]);
    for (const { datname } of rows) await dropDatabase(datname, (statement) => client.query(statement));
  } finally {
    await client.end();
  }
}
