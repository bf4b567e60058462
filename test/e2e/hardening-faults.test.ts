// Issue #10, failures from outside: a damaged database, a full disk, a read-only one, three clerks at once.
import { execFileSync } from 'node:child_process';
import { copyFileSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { newDatabase, onPostgres } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';

const P1 = '13800138000';

/** A district's database: the SQLite file in `dir` (a small disk, a read-only mount), or in the PostgreSQL run a server database. */
async function district(dir = tempDir(), file = false) {
  const env = { NUANXIN_DB: file ? join(dir, 'live.db') : await newDatabase(dir, 'live.db'), NUANXIN_TODAY: '2026-11-29' };
  const run = (argv: string[], extra: Record<string, string> = {}) => spawnCli(argv, { ...env, ...extra });
  for (const argv of [
    ['init'],
    ['community', 'add', '夹马营社区', '--subdistrict', '西关街道'],
    ['worker', 'add', '--name', '张三', '--phone', P1, '--occupation', 'rider', '--community', '夹马营社区'],
    ['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10'],
  ]) {
    const r = await run(argv);
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  }
  return { dir, db: env.NUANXIN_DB, env, run };
}

function roster(path: string, rows: number): string {
  const lines = ['姓名,手机号码,从业类型,备注'];
  for (let i = 0; i < rows; i++) lines.push(`骑手${i},1${String(3_000_000_000 + i * 7919).padStart(10, '0')},rider,${'夜班'.repeat(40)}`);
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return path;
}

const mounts: string[] = [];
function smallDisk(bytes: number): string | undefined {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}`, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return dir;
  } catch {
    return undefined;
  }
}
afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync('umount', [dir], { stdio: 'ignore' });
    } catch {
      // Already gone.
    }
  }
});

const canMount = smallDisk(65_536) !== undefined;
if (!canMount) console.warn('hardening-faults: no tmpfs mount here (needs root); the full-disk and read-only tests are skipped');

describe('a damaged database', () => {
  it.skipIf(onPostgres)('[SQLite] is exit 6 with what to do for commands, and exit 4 with what integrity_check said for db check', async () => {
    const { db, run } = await district(tempDir(), true);
    for (let i = 0; i < 30; i++) await run(['points', 'award', P1, '--rule', 'errand', '--date', `2026-11-${String((i % 28) + 1).padStart(2, '0')}`, '--note', `第${i}次`]);
    const raw = new Database(db);
    const { rootpage } = raw.prepare("select rootpage from sqlite_master where name = 'point_entries'").get() as { rootpage: number };
    const pageSize = raw.pragma('page_size', { simple: true }) as number;
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
    closeSync(fd);
    const award = await run(['points', 'award', P1, '--rule', 'errand']);
    expect(award.code).toBe(6);
    expect(award.stderr).toMatch(/^error: the database .* is damaged: /);
    expect(award.stderr).toContain('hint: run `nuanxin db check` to see what is wrong, or restore a backup');
    expect((await run(['points', 'ledger'])).code).toBe(6);
    const check = await run(['db', 'check']);
    expect(check.code).toBe(4);
    expect(check.stdout).toMatch(/FAIL\s+integrity_check/);
  });
});

describe.skipIf(!canMount)('a full disk', () => {
  it.skipIf(onPostgres)('[SQLite] stops an import with exit 6 "disk full, nothing was written", leaving the database as it was', async () => {
    const disk = smallDisk(2 * 1024 * 1024)!;
    const { run, db } = await district(disk, true);
    const file = roster(join(tempDir(), 'big.csv'), 20_000);
    const r = await run(['worker', 'import', file]);
    expect(r.code).toBe(6);
    expect(r.stderr).toContain('the disk is full; nothing was written');
    rmSync(`${db}-wal`, { force: true }); // what SQLite would roll back on the next open anyway
    const check = await run(['db', 'check']);
    expect(check.code).toBe(0);
    expect(JSON.parse((await run(['worker', 'list', '--json'])).stdout)).toHaveLength(1);
    expect(readdirSync(disk).filter((f) => f.includes('.tmp') || f.includes('partial'))).toEqual([]);
  });

  it.skipIf(onPostgres)('[SQLite] refuses an award with exit 6 when not one more page fits', async () => {
    const disk = smallDisk(1024 * 1024)!;
    const { run } = await district(disk, true);
    const filler = join(disk, 'filler');
    try {
      writeFileSync(filler, Buffer.alloc(4 * 1024 * 1024));
    } catch {
      // The disk is now full: that is the point.
    }
    const r = await run(['points', 'award', P1, '--rule', 'errand']);
    expect(r.code).toBe(6);
    expect(r.stderr).not.toContain('internal');
    rmSync(filler);
    expect(JSON.parse((await run(['points', 'balance', P1, '--json'])).stdout).balance).toBe(0);
  });

  it.skipIf(onPostgres)('[SQLite] refuses writes to a read-only database with exit 6, and writes nothing', async () => {
    const disk = smallDisk(4 * 1024 * 1024)!;
    const { run } = await district(disk, true);
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const r = await run(['points', 'award', P1, '--rule', 'errand']);
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/^error: /);
    expect(r.stderr).not.toContain('internal');
    // A report from a healthy database onto the read-only mount: exit 5, with the path.
    const elsewhere = await district();
    const report = await elsewhere.run(['report', 'weekly', '--out', join(disk, 'w.md'), '--format', 'md']);
    expect(report.code).toBe(5);
    expect(report.stderr).toContain(join(disk, 'w.md'));
  });
});

describe('an immutable database file', () => {
  it.skipIf(onPostgres)('[SQLite] refuses writes with exit 6', async () => {
    const { db, run } = await district(tempDir(), true);
    try {
      execFileSync('chattr', ['+i', db], { stdio: 'ignore' });
    } catch {
      console.warn('hardening-faults: chattr +i is not supported here; the immutable-file test checks nothing');
      return;
    }
    try {
      const r = await run(['points', 'award', P1, '--rule', 'errand']);
      expect(r.code).toBe(6);
      expect(r.stderr).not.toContain('internal');
    } finally {
      execFileSync('chattr', ['-i', db]);
    }
  });
});

describe('three clerks importing the same file at once', () => {
  it('imports it once; the others report "already imported"', async () => {
    const { dir, run } = await district();
    const lines = ['手机号码,积分规则,日期,备注'];
    for (let i = 0; i < 200; i++) lines.push(`${P1},errand,2026-11-${String((i % 28) + 1).padStart(2, '0')},第${i}次`);
    const file = join(dir, 'awards.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const copy = join(dir, 'awards-copy.csv');
    copyFileSync(file, copy);
    const results = await Promise.all([run(['points', 'import', file, '--json']), run(['points', 'import', copy, '--json']), run(['points', 'import', file, '--json'])]);
    expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
    const reports = results.map((r) => JSON.parse(r.stdout));
    expect(reports.filter((r) => r.inserted === 200)).toHaveLength(1);
    expect(reports.filter((r) => r.already_imported !== null)).toHaveLength(2);
    expect(JSON.parse((await run(['points', 'balance', P1, '--json'])).stdout).balance).toBe(2000);
    expect((await run(['db', 'check'])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(copy, 'utf8'));
  });
});

/** Runs the built CLI with its stdout opened on `path` (a file, or a device such as /dev/full). */
async function runWithStdout(path: string, argv: string[], env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const { spawnSync } = await import('node:child_process');
  const { BIN } = await import('../helpers/spawn.js');
  const out = openSync(path, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...argv], {
      env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', NUANXIN_LANG: '', ...env },
      stdio: ['ignore', out, 'pipe'],
    });
    return { status: r.status, stderr: r.stderr.toString() };
  } finally {
    closeSync(out);
  }
}

describe.skipIf(!canMount)('standard output redirected to a file on a full disk', () => {
  it('exits 6 instead of leaving a file cut short', async () => {
    const { env, run } = await district();
    for (let i = 0; i < 40; i++) await run(['worker', 'add', '--name', `骑手${i}`, '--phone', `1370000${String(1000 + i)}`, '--occupation', 'rider', '--note', '夜班'.repeat(50)]);
    const disk = smallDisk(8 * 1024)!;
    const r = await runWithStdout(join(disk, 'list.txt'), ['worker', 'export', '--format', 'csv'], env);
    expect(r.status).toBe(6);
    expect(r.stderr).toContain('cannot write to standard output (ENOSPC); the output is incomplete');
  });
});

describe('standard output that cannot be written', () => {
  it('exits 6 when stdout is a full device, saying so on stderr', async () => {
    const { env } = await district();
    const r = await runWithStdout('/dev/full', ['report', 'weekly', '--format', 'md'], env);
    expect(r.status).toBe(6);
    expect(r.stderr).toContain('cannot write to standard output (ENOSPC)');
  });
});
