// The bench's temporary folders: removed when the bench ends, however it ends (an error, Ctrl-C, a kill).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Set();

function removeAll() {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
  made.clear();
}

process.on('exit', removeAll);
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
]) {
  process.on(signal, () => {
    removeAll();
    process.exit(code);
  });
}

/** A new folder in the system's temp folder, named `nuanxin-<name>-…`. */
export function benchDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `nuanxin-${name}-`));
  made.add(dir);
  return dir;
}

/** Removes a folder made by benchDir now (the exit hook would otherwise). */
export function removeBenchDir(dir) {
  rmSync(dir, { recursive: true, force: true });
  made.delete(dir);
}
