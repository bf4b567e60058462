import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ValidationError } from '../errors.js';

/**
 * Writes to `path` atomically: into a temp file beside it, renamed into place
 * only when everything was written, so a cron job never picks up half a file.
 * Mode 0600: exports and reports may hold personal data.
 */
export async function writeAtomically(path: string, write: (out: Writable) => Promise<void>): Promise<void> {
  const temp = `${path}.partial-${process.pid}`;
  const out = createWriteStream(temp, { mode: 0o600 });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  try {
    await Promise.race([write(out), failed]);
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    renameSync(temp, path);
  } catch (error) {
    out.destroy();
    rmSync(temp, { force: true });
    const code = (error as { code?: string }).code;
    if (code && /^E[A-Z]+$/.test(code)) throw new ValidationError({ key: 'file.cannot_write', params: { path, reason: code } });
    throw error;
  }
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full. */
export async function put(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
