import { randomBytes } from 'node:crypto';
import { closeSync, constants, createWriteStream, fchmodSync, fsyncSync, lstatSync, openSync, readdirSync, realpathSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { UnavailableError, ValidationError } from '../errors.js';

/** A file holding personal data (worker export, rejected rows, backups): the clerk's alone. */
export const MODE_PERSONAL = 0o600;
/** A report: aggregates, phone and ID numbers masked; readable by the office that receives it. */
export const MODE_REPORT = 0o644;

/** Files nuanxin must never overwrite: the live database (and its companions) and the files being read. */
export type OutputGuard = { protect: string[] };

// Ours, in the target's folder: ".<name>.nuanxin-<pid>-<random>.tmp" (and the -wal/-shm a backup's check may leave).
// Nothing else is ever removed: a clerk's own "预算.partial-2025" is not ours to judge.
const TEMP_PATTERN = /^\.(.+)\.nuanxin-(\d+)-[0-9a-f]{16}\.tmp(-wal|-shm)?$/;

/**
 * The database's own files: writing any of them corrupts or replaces it.
 * Named as given and as they really are (a symlinked database keeps its
 * -wal beside the real file, not beside the link).
 */
export function databaseFiles(dbPath: string): string[] {
  const bases = new Set([dbPath, realOrCanonical(dbPath)]);
  return [...bases].flatMap((base) => ['', '-wal', '-shm', '-journal'].map((suffix) => `${base}${suffix}`));
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function canonical(path: string): string {
  const absolute = resolve(path);
  try {
    return join(realpathSync(dirname(absolute)), basename(absolute));
  } catch {
    return absolute;
  }
}

function refuse(key: string, path: string, reason?: string): never {
  throw new ValidationError({ key, params: { path, reason }, hintKey: `${key}.hint` });
}

/**
 * Refuses (exit 5, nothing changed) a target that is a protected file — by
 * name or by inode, so a symlink or hard link to the database is caught too —
 * a directory, or anything that is not a regular file; and a missing folder.
 */
export function checkOutputTarget(path: string, guard: OutputGuard): void {
  const existing = statOrUndefined(path);
  // By name, and through any symlink on the way (a link to the database is the database).
  const names = new Set([canonical(path), realOrCanonical(path)]);
  for (const protectedPath of guard.protect) {
    const protectedStat = statOrUndefined(protectedPath);
    const clash =
      names.has(canonical(protectedPath)) ||
      names.has(realOrCanonical(protectedPath)) ||
      (existing !== undefined && protectedStat !== undefined && sameFile(protectedStat, existing));
    if (clash) refuse('file.protected', path);
  }
  if (existing?.isDirectory()) refuse('file.is_directory', path);
  if (existing && !existing.isFile()) refuse('file.not_regular', path);
  const folder = dirname(resolve(path));
  if (!statOrUndefined(folder)?.isDirectory()) refuse('file.no_folder', folder);
  probeWritable(path);
}

/** stat() that follows links; undefined when nothing is there, a ValidationError for any other failure. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return refuse('file.cannot_write', path, code);
  }
}

function realOrCanonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return canonical(path);
  }
}

/**
 * A temp file made and removed in the target's folder: a read-only mount or a
 * folder without write access is refused now, before anything else is done
 * (an import then never commits rows whose rejects file cannot be written).
 */
function probeWritable(path: string): void {
  const { temp, fd } = createTemp(path, MODE_PERSONAL);
  closeSync(fd);
  dropTemp(temp, true);
}

// Temp files of this process, removed if a signal ends it mid-write.
const liveTemps = new Set<string>();
let signalsHooked = false;

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const temp of liveTemps) rmSync(temp, { force: true });
      // Die by the same signal, so the shell sees what happened.
      process.kill(process.pid, signal);
    });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files in `folder` left by a nuanxin run that was killed (its process is gone). */
export function removeLeftovers(folder: string): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const match = TEMP_PATTERN.exec(name);
    if (!match || processAlive(Number(match[2]))) continue;
    const path = join(folder, name);
    try {
      if (lstatSync(path).isFile()) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}

/** An unpredictable temp path beside `path`, created now with O_EXCL and never through a symlink. */
export function createTemp(path: string, mode: number): { temp: string; fd: number } {
  const folder = dirname(resolve(path));
  removeLeftovers(folder);
  hookSignals();
  const temp = join(folder, `.${basename(path)}.nuanxin-${process.pid}-${randomBytes(8).toString('hex')}.tmp`);
  const flags = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | constants.O_NOFOLLOW;
  try {
    const fd = openSync(temp, flags, mode);
    liveTemps.add(temp);
    // The umask may have narrowed (or a 0644 report widened) what open() gave.
    fchmodSync(fd, mode);
    return { temp, fd };
  } catch (error) {
    throw fileError(error, path);
  }
}

/** Forgets and removes a temp file (after a failure), or just forgets it (after the rename). */
export function dropTemp(temp: string, remove: boolean): void {
  liveTemps.delete(temp);
  if (remove) for (const leftover of [temp, `${temp}-shm`, `${temp}-wal`]) rmSync(leftover, { force: true });
}

/** A file-system error as the clerk's error: disk full is exit 6, anything about the path exit 5. */
export function fileError(error: unknown, path: string): Error {
  const code = (error as { code?: string }).code;
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG') {
    return new UnavailableError({ key: 'disk.full', params: { path }, hintKey: 'disk.full.hint' });
  }
  if (code && /^E[A-Z]+$/.test(code)) return new ValidationError({ key: 'file.cannot_write', params: { path, reason: code } });
  return error as Error;
}

/**
 * Writes to `path` atomically: into an unpredictable temp file beside it
 * (O_EXCL, no symlink followed), fsync'd, then renamed into place — so a cron
 * job never picks up half a file, and a planted link redirects nothing.
 * The target is checked first (see checkOutputTarget).
 */
export async function writeAtomically(path: string, write: (out: Writable) => Promise<void>, props: OutputGuard & { mode?: number }): Promise<void> {
  checkOutputTarget(path, props);
  const mode = props.mode ?? MODE_PERSONAL;
  const { temp, fd } = createTemp(path, mode);
  const out = createWriteStream('', { fd, autoClose: false });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  let open = true;
  const writing = write(out);
  writing.catch(() => undefined);
  try {
    await Promise.race([writing, failed]);
    // A writer that ended the stream itself has finished already: waiting for 'finish' would hang.
    if (!out.writableFinished) {
      out.end();
      await Promise.race([once(out, 'finish'), failed]);
    }
    // On disk before it takes the name: a power cut leaves the old file or the new one, never half.
    fsyncSync(fd);
    closeSync(fd);
    open = false;
    renameSync(temp, path);
    dropTemp(temp, false);
  } catch (error) {
    out.destroy();
    // The writer may still be between two chunks: let it see the failure and stop before the caller goes on.
    await Promise.race([writing.catch(() => undefined), new Promise((r) => setTimeout(r, 1000))]);
    if (open) {
      try {
        closeSync(fd);
      } catch {
        // Already closed by the failed stream: nothing left to close.
      }
    }
    dropTemp(temp, true);
    throw fileError(error, path);
  }
}

/** Writes a chunk, waiting for the stream to drain when its buffer is full. */
export async function put(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
