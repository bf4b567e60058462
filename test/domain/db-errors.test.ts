import { describe, expect, it } from 'vitest';
import { databaseFailure, isRetryableConflict } from '../../src/db/errors.js';
import { displayLocation, isServerUrl } from '../../src/db/location.js';
import { libpqSslModes } from '../../src/db/postgres/url.js';
import { EXIT_FOR_KIND } from '../../src/cli/exit-codes.js';

// The engines' failures as the clerk's errors: one table for both engines (the codes are the engines' own:
// SQLite's extended result codes, PostgreSQL's SQLSTATE on an error with a severity, Node's socket codes).
const pgError = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(`pg says ${code}`), { code, severity: 'ERROR', ...extra });
const sqliteError = (code: string) => Object.assign(new Error(`sqlite says ${code}`), { code });
const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code });

describe('database failures → the clerk’s errors and exit codes', () => {
  it.each([
    [sqliteError('SQLITE_BUSY'), 'db.busy', 6],
    [sqliteError('SQLITE_FULL'), 'disk.full', 6],
    [sqliteError('SQLITE_CORRUPT'), 'db.corrupt', 6],
    [sqliteError('SQLITE_READONLY'), 'db.readonly', 6],
    [sqliteError('SQLITE_CONSTRAINT_CHECK'), 'db.constraint', 4],
    [socketError('ECONNREFUSED'), 'db.server_unreachable', 6],
    [socketError('ENOTFOUND'), 'db.server_unreachable', 6],
    [pgError('28P01'), 'db.login_refused', 6],
    [pgError('28000'), 'db.login_refused', 6],
    [pgError('3D000'), 'db.missing', 6],
    [pgError('40001'), 'db.busy', 6],
    [pgError('40P01'), 'db.busy', 6],
    [pgError('55P03'), 'db.busy', 6],
    [pgError('57P01'), 'db.server_unreachable', 6],
    [pgError('53300'), 'db.server_unreachable', 6],
    [pgError('53100'), 'disk.full', 6],
    [pgError('25006'), 'db.readonly', 6],
    [pgError('42501'), 'db.not_allowed', 4],
    [pgError('23514', { constraint: 'point_balances_balance_check' }), 'points.short_balance_now', 4],
    [pgError('23514', { constraint: 'gifts_stock_bounded' }), 'db.constraint', 4],
    [pgError('23505', { constraint: 'stations_code_key' }), 'db.constraint', 4],
    [pgError('P0001'), 'db.constraint', 4],
  ])('%s → %s (exit %i)', (error, key, exit) => {
    const failure = databaseFailure(error, 'postgres://clerk@db/district');
    expect(failure?.key).toBe(key);
    expect(EXIT_FOR_KIND[failure!.kind]).toBe(exit);
  });

  it('leaves what is not the engine’s alone (a bug stays a bug: exit 1)', () => {
    expect(databaseFailure(new TypeError('x is undefined'))).toBeUndefined();
    expect(databaseFailure(Object.assign(new Error('no severity'), { code: '23505' }))).toBeUndefined();
  });

  it('retries serialization failures and deadlocks only', () => {
    expect([pgError('40001'), pgError('40P01'), pgError('23505'), sqliteError('SQLITE_BUSY')].map(isRetryableConflict)).toEqual([true, true, false, false]);
  });
});

describe('a database location as a person may read it', () => {
  it.each([
    ['postgres://clerk:s3cret@db.example:5433/district', 'postgres://clerk@db.example:5433/district'],
    ['postgresql://clerk:s%40cret@db/district?sslmode=require&password=again', 'postgresql://clerk@db/district?sslmode=require'],
    ['postgres://db/district', 'postgres://db/district'],
    ['/srv/nuanxin/district.db', '/srv/nuanxin/district.db'],
  ])('%s → %s', (location, shown) => {
    expect(displayLocation(location)).toBe(shown);
    expect(displayLocation(location)).not.toMatch(/s3cret|s%40cret|again/);
  });

  it('reads sslmode as libpq does (the driver’s own reading warns on every run)', () => {
    expect(libpqSslModes('postgres://db/district')).toBe('postgres://db/district');
    expect(libpqSslModes('postgres://db/district?sslmode=require')).toBe('postgres://db/district?sslmode=require&uselibpqcompat=true');
    expect(libpqSslModes('postgres://db/district?sslmode=require&uselibpqcompat=false')).toBe('postgres://db/district?sslmode=require&uselibpqcompat=false');
  });

  it('tells a server from a file', () => {
    expect(['postgres://x', 'POSTGRESQL://x', 'postgres.db', './postgres://x'].map(isServerUrl)).toEqual([true, true, false, false]);
  });
});
