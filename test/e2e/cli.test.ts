import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { newDatabase, onPostgres } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';

describe('the built CLI, spawned as cron would', () => {
  it('lists its commands in --help', async () => {
    const result = await spawnCli(['--help']);
    expect(result.code).toBe(0);
    for (const name of ['init', 'db', 'audit', 'community', 'station']) expect(result.stdout).toMatch(new RegExp(`\\n  ${name}\\b`));
  });

  it('exits 2 promptly when a required flag is missing and stdin is not a TTY', async () => {
    const db = await newDatabase(tempDir());
    expect((await spawnCli(['init'], { NUANXIN_DB: db })).code).toBe(0);
    const result = await spawnCli(['station', 'add', '--community', '夹马营社区'], { NUANXIN_DB: db });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('error: missing --name (required when not running interactively)');
    expect(result.ms).toBeLessThan(5000);
  });

  it('prints one parseable JSON document with --json and no colour codes', async () => {
    const db = await newDatabase(tempDir());
    await spawnCli(['init'], { NUANXIN_DB: db });
    await spawnCli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道'], { NUANXIN_DB: db });
    const add = await spawnCli(['station', 'add', '--name', '夹马营路爱心驿站', '--community', '夹马营社区', '--json'], { NUANXIN_DB: db, FORCE_COLOR: '1' });
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ code: 'ST0001', name: '夹马营路爱心驿站' });
    expect(add.stdout).not.toMatch(/\u001b\[/);
    const audit = await spawnCli(['station', 'audit', '--json'], { NUANXIN_DB: db });
    expect(JSON.parse(audit.stdout).totals.stations).toBe(1);
  });

  it.skipIf(onPostgres)('[SQLite] backs up a database another process holds open, passing integrity_check with mode 0600', async () => {
    const dir = tempDir();
    const db = join(dir, 'n.db');
    await spawnCli(['init'], { NUANXIN_DB: db });
    await spawnCli(['community', 'add', '夹马营社区'], { NUANXIN_DB: db });
    // Another process opens the database and keeps a write transaction open.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `
      const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)});
      db.exec("begin immediate; insert into subdistricts (name, created_at) values ('held', 'x')");
      process.stdout.write('ready\\n'); setTimeout(() => { db.exec('rollback'); db.close(); }, 4000);`,
      ],
      { cwd: process.cwd() },
    );
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const target = join(dir, 'copy.db');
    const result = await spawnCli(['db', 'backup', target], { NUANXIN_DB: db });
    holder.kill();
    expect(result.code).toBe(0);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select name from communities').all()).toEqual([{ name: '夹马营社区' }]);
    copy.close();
  });

  it.skipIf(!onPostgres)('[PostgreSQL] db backup runs pg_dump: custom format, mode 0600, restorable, no password on its command line', async () => {
    const dir = tempDir();
    const db = await newDatabase(dir);
    await spawnCli(['init'], { NUANXIN_DB: db });
    await spawnCli(['community', 'add', '夹马营社区'], { NUANXIN_DB: db });
    const target = join(dir, 'copy.dump');
    const result = await spawnCli(['db', 'backup', target, '--json'], { NUANXIN_DB: db });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ path: target, integrity: null, format: 'pg_dump' });
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target).subarray(0, 5).toString()).toBe('PGDMP');
    const listing = execFileSync('pg_restore', ['--list', target], { encoding: 'utf8' });
    expect(listing).toContain('TABLE DATA public communities');
    expect((await spawnCli(['db', 'backup', target], { NUANXIN_DB: db })).code).toBe(4);
    // Where pg_dump is not installed: refused (exit 4) with the command to run, which holds no password.
    const password = new URL(db).password;
    const without = await spawnCli(['db', 'backup', join(dir, 'other.dump')], { NUANXIN_DB: db, PATH: '/nonexistent' });
    expect(without.code).toBe(4);
    expect(without.stderr).toMatch(
      /^error: pg_dump is not installed here, so nuanxin cannot back up this PostgreSQL database; run: pg_dump --format=custom --enable-row-security --file='.*other\.dump' 'postgres:\/\/[^:@]+@/,
    );
    expect(without.stderr).not.toContain(`:${password}@`);
    expect(existsSync(join(dir, 'other.dump'))).toBe(false);
  });
});

describe('a reader that leaves early', () => {
  it('stops quietly when stdout is closed (| head), without a stack trace, exiting non-zero as SIGPIPE would', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('../helpers/spawn.js');
    const child = spawn(process.execPath, [BIN, 'station', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => (stderr += c));
    // The reader is gone before the first byte: every write meets a closed pipe.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).not.toMatch(/EPIPE|at .*\(/);
    // Not everything was delivered: a script must be able to tell (141 is what a shell shows for SIGPIPE).
    expect(code).toBe(141);
  });
});
