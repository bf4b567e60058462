import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { madeDirs } from './cli.js';
import { dropPgDatabases, onPostgres } from './pg.js';

// Runs after the file's own afterAll hooks (they unmount what they mounted first).
afterAll(async () => {
  if (onPostgres) await dropPgDatabases();
  for (const dir of madeDirs.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Still mounted or busy: the file's own hooks said why.
    }
  }
});
