import { dropRunDatabases, makePgTemplate } from './global-setup.js';

/**
 * Mutation runs on both engines (vitest.mutation.config.ts, for the areas scripts/mutation.mjs names):
 * the PostgreSQL template, made by the bundle already built (a build here would bundle StrykerJS's
 * instrumented sources), and dropped afterwards.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const run = `m${process.pid}`;
  process.env.NUANXIN_TEST_RUN = run;
  await makePgTemplate(run);
  return () => dropRunDatabases(run);
}
