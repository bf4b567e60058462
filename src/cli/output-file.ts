import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Writes to `path` atomically: into a temp file beside it, renamed into place
 * only when everything was written, so a cron job never picks up half a file.
 * Mode 0600: exports and reports may hold personal data.
 */
export async function writeAtomically(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const temp = `${path}.partial-${process.pid}`;
  const out = createWriteStream(temp, { mode: 0o600 });
  try {
    await write(out);
    out.end();
    await once(out, 'finish');
    renameSync(temp, path);
  } catch (error) {
    out.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full. */
export async function put(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
