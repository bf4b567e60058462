import { ConflictError, UnavailableError, type NuanxinError } from '../../errors.js';

/**
 * The engine's failures as the clerk's errors (all exit 6: the database, not
 * the input, is the problem). Undefined when `error` is not the engine's.
 */
export function sqliteFailure(error: unknown, path = ''): NuanxinError | undefined {
  const code = (error as { code?: string } | undefined)?.code ?? '';
  if (!code.startsWith('SQLITE_')) return undefined;
  const params = { path, reason: (error as Error).message };
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new UnavailableError({ key: 'db.busy', params, hintKey: 'db.busy.hint' });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new UnavailableError({ key: 'db.corrupt', params, hintKey: 'db.corrupt.hint' });
  if (code === 'SQLITE_FULL') return new UnavailableError({ key: 'disk.full', params, hintKey: 'disk.full.hint' });
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new UnavailableError({ key: 'db.readonly', params, hintKey: 'db.readonly.hint' });
  }
  // A guard (CHECK, trigger, unique key) refused a write the domain let through: refused, not a crash.
  if (code.startsWith('SQLITE_CONSTRAINT')) return new ConflictError({ key: 'db.constraint', params, hintKey: 'db.constraint.hint' });
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN')) return new UnavailableError({ key: 'db.io', params, hintKey: 'db.io.hint' });
  return undefined;
}
