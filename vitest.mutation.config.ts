import { defineConfig } from 'vitest/config';
import { FastFirstSequencer } from './test/helpers/fast-first-sequencer.js';

/**
 * The suite StrykerJS runs against each mutant (`npm run mutation`): the tests
 * that exercise src/ in this process. Spawned end-to-end runs execute the
 * built bundle, which a mutant of src/ never reaches, and the fuzz test is
 * bounded by time, not by cases; both stay in `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/domain/**/*.test.ts', 'test/commands/**/*.test.ts'],
    exclude: ['test/commands/import-fuzz.test.ts', 'test/commands/help.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    sequence: { sequencer: FastFirstSequencer },
    // One module graph per run, not per file: a mutant's run imports the CLI once instead of once for
    // each of the dozen files that cover it (each run still starts a new worker). preload-domain.ts
    // imports every mutated module first, so top-level code is static, not charged to a test.
    isolate: false,
    setupFiles: ['test/helpers/cleanup.ts', 'test/helpers/preload-domain.ts'],
    // The points model's hand-made edges always run; ten random runs beside them, not sixty: the
    // property test covers every points mutant, and a surviving mutant runs every test that covers it.
    env: { NUANXIN_PROPERTY_RUNS: '10' },
  },
});
