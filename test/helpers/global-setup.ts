import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('nuanxin-test-'));

/**
 * End-to-end tests spawn bin/nuanxin.js, which runs the bundle: build it once.
 * Afterwards, fail the run if a test left a temp folder behind (cleanup.ts removes them).
 */
export default function setup(): () => void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const before = new Set(leftovers());
  return () => {
    const left = leftovers().filter((name) => !before.has(name));
    if (left.length > 0) throw new Error(`tests left ${left.length} folder(s) in ${tmpdir()}: ${left.slice(0, 5).join(', ')}`);
  };
}
