import { execFileSync } from 'node:child_process';

/** End-to-end tests spawn bin/nuanxin.js, which runs the bundle: build it once. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
