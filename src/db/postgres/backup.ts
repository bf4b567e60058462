import { spawn } from 'node:child_process';
import { closeSync, existsSync, renameSync, statSync } from 'node:fs';
import { ConflictError, UnavailableError } from '../../errors.js';
import { checkOutputTarget, createTemp, dropTemp, fileError, MODE_PERSONAL, type OutputGuard } from '../../files/output-file.js';
import { displayLocation } from '../location.js';

/**
 * A backup of a PostgreSQL database is the server's own tool's: `pg_dump` in
 * its custom format (restore with `pg_restore`), written into a file of mode
 * 0600 made by us, renamed into place only when pg_dump succeeded. The
 * password reaches pg_dump in its environment, never on its command line.
 * Without pg_dump the backup is refused with the command to run.
 */
export async function backupWithPgDump(url: string, target: string, options: { force?: boolean; guard: OutputGuard }): Promise<{ path: string }> {
  checkOutputTarget(target, options.guard);
  if (existsSync(target) && !options.force) {
    throw new ConflictError({ key: 'db.backup_exists', params: { path: target }, hintKey: 'db.backup_exists.hint' });
  }
  const { connection, password } = splitPassword(url);
  const { temp, fd } = createTemp(target, MODE_PERSONAL);
  closeSync(fd);
  try {
    const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
    // Row-level security is forced on the owner too: pg_dump must read through it (the owner's policies let it
    // read every district) rather than stop at the first table it would filter.
    const result = await run('pg_dump', ['--format=custom', '--enable-row-security', '--no-password', `--file=${temp}`, `--dbname=${connection}`], env);
    if (result === 'missing') {
      throw new ConflictError({ key: 'db.pg_dump_missing', params: { command: pgDumpCommand(url, target) }, hintKey: 'db.pg_dump_missing.hint' });
    }
    if (result.code !== 0 || statSync(temp).size === 0) {
      throw new UnavailableError({ key: 'db.backup_failed', params: { path: target, reason: result.stderr.trim().split('\n')[0] ?? `exit ${result.code}` } });
    }
    renameSync(temp, target);
    return { path: target };
  } catch (error) {
    throw fileError(error, target);
  } finally {
    dropTemp(temp, true);
  }
}

/** The command a clerk runs where pg_dump is installed (the password from ~/.pgpass or PGPASSWORD). */
export function pgDumpCommand(url: string, target: string): string {
  return `pg_dump --format=custom --enable-row-security --file='${target.replace(/'/g, "'\\''")}' '${displayLocation(url).replace(/'/g, "'\\''")}'`;
}

function splitPassword(url: string): { connection: string; password?: string } {
  try {
    const parsed = new URL(url);
    const password = parsed.password ? decodeURIComponent(parsed.password) : (parsed.searchParams.get('password') ?? undefined);
    parsed.password = '';
    parsed.searchParams.delete('password');
    return { connection: parsed.toString(), password };
  } catch {
    return { connection: url };
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<'missing' | { code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? resolve('missing') : reject(error)));
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}
