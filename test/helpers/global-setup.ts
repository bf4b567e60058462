import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

// This run's folders only (another run, say StrykerJS's, may be making its own meanwhile).
const RUN = String(process.pid);
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`nuanxin-test-${RUN}-`));

/**
 * End-to-end tests spawn bin/nuanxin.cjs, which runs the bundle: build it once.
 * Afterwards, fail the run if a test left a temp folder behind (cleanup.ts removes them).
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  process.env.NUANXIN_TEST_RUN = RUN; // inherited by the test processes, which name their folders with it
  const before = new Set(leftovers());
  return () => {
    const left = leftovers().filter((name) => !before.has(name));
    if (left.length > 0) throw new Error(`tests left ${left.length} folder(s) in ${tmpdir()}: ${left.slice(0, 5).join(', ')}`);
  };
}
