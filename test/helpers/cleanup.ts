import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { madeDirs } from './cli.js';
import { dropPgDatabases, onPostgres } from './pg.js';

// Runs after the file's own afterAll hooks (they unmount what they mounted first).
afterAll(async () => {
  // The folders go whatever happens to the databases (global-setup.ts drops the run's leftovers).
  const dropped = onPostgres ? dropPgDatabases().catch((error: unknown) => error) : undefined;
  for (const dir of madeDirs.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Still mounted or busy: the file's own hooks said why.
    }
  }
  // A database that could not be dropped fails the file, after its folders are gone.
  const failure = await dropped;
  if (failure) throw failure;
});
