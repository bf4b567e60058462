import { defineConfig } from 'vitest/config';

// Two projects, each with its own closing line: the generated help checks are counted apart from the
// behaviour tests, so a count of tests says how much behaviour is covered.
const HELP = ['test/commands/help.test.ts'];

export default defineConfig({
  test: {
    globalSetup: ['test/helpers/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      { extends: true, test: { name: 'help', include: HELP } },
      { extends: true, test: { name: 'behaviour', include: ['test/**/*.test.ts'], exclude: HELP } },
      // The same behaviour tests again on a PostgreSQL server, when NUANXIN_TEST_PG names one (see test/helpers/pg.ts).
      ...(process.env.NUANXIN_TEST_PG
        ? [{ extends: true as const, test: { name: 'behaviour (postgres)', include: ['test/**/*.test.ts'], exclude: HELP, env: { NUANXIN_TEST_ENGINE: 'postgres' } } }]
        : []),
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/helpers/cleanup.ts'],
  },
});
