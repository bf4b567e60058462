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
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/helpers/cleanup.ts'],
  },
});
