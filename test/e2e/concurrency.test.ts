import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { spawnCli } from '../helpers/spawn.js';

const PHONE = '13800138000';

async function setup() {
  const dir = tempDir();
  const env = { NUANXIN_DB: join(dir, 'n.db'), NUANXIN_TODAY: '2026-11-29' };
  for (const argv of [
    ['init'],
    ['worker', 'add', '--name', '张三', '--phone', PHONE, '--occupation', 'rider'],
    ['worker', 'add', '--name', '李四', '--phone', '13900139000', '--occupation', 'rider'],
    ['points', 'rule', 'add', 'patrol', '--name', '安全巡查', '--points', '5'],
  ]) {
    const r = await spawnCli(argv, env);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  return { dir, env };
}

/** Waits until `count` other processes have the database file open (seen in /proc): they are at the lock. */
async function waitUntilOpen(db: string, count: number): Promise<void> {
  const { readdirSync, readlinkSync } = await import('node:fs');
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    let open = 0;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid)) {
      try {
        if (readdirSync(`/proc/${pid}/fd`).some((fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === db)) open += 1;
      } catch {
        // Gone, or not ours to look at.
      }
    }
    if (open >= count + 1) return; // the racers and the holder
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the racing processes never opened the database');
}

async function balance(env: Record<string, string>, phone = PHONE): Promise<number> {
  return JSON.parse((await spawnCli(['points', 'balance', phone, '--json'], env)).stdout).balance;
}

describe('two writers at once', () => {
  it('two processes each importing 100 awards to one worker: both succeed, none lost', async () => {
    const { dir, env } = await setup();
    const files = ['a', 'b'].map((tag) => {
      const path = join(dir, `${tag}.csv`);
      const rows = Array.from({ length: 100 }, (_, i) => `${PHONE},patrol,2026-11-29,${tag}-${i}`);
      writeFileSync(path, `phone,rule,date,ref\n${rows.join('\n')}\n`);
      return path;
    });
    const results = await Promise.all(files.map((file) => spawnCli(['points', 'import', file, '--json'], env)));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 100, rejected: 0 });
    }
    expect(await balance(env)).toBe(200 * 5);
  }, 60_000);

  it('two shells awarding one at a time, interleaved: every award lands, no raw SQLITE_BUSY', async () => {
    const { env } = await setup();
    const loop = async () => {
      const codes: number[] = [];
      for (let i = 0; i < 20; i++) {
        const r = await spawnCli(['points', 'award', PHONE, '--rule', 'patrol'], env);
        expect(r.stderr).not.toMatch(/SQLITE_BUSY|database is locked/);
        codes.push(r.code ?? -1);
      }
      return codes;
    };
    const [a, b] = await Promise.all([loop(), loop()]);
    expect([...a, ...b].every((c) => c === 0)).toBe(true);
    expect(await balance(env)).toBe(40 * 5);
  }, 120_000);

  it('two processes racing to redeem the last gift, forced to queue behind a held lock: exactly one succeeds, every run', async () => {
    for (let round = 0; round < 2; round++) {
      const { env } = await setup();
      await spawnCli(['gift', 'add', 'raincoat', '--name', '雨衣', '--cost', '5', '--stock', '1'], env);
      for (const phone of [PHONE, '13900139000']) await spawnCli(['points', 'award', phone, '--rule', 'patrol'], env);
      // A third connection holds the write lock until both redemptions are waiting on it: neither can
      // finish before the other has started, so a read taken outside the lock would be caught every time.
      const holder = spawn(
        process.execPath,
        [
          '-e',
          `
        const D = require('better-sqlite3'); const db = new D(${JSON.stringify(env.NUANXIN_DB)});
        db.exec('begin immediate'); process.stdout.write('held\\n');
        process.stdin.once('data', () => { db.exec('rollback'); db.close(); process.exit(0); });`,
        ],
        { stdio: ['pipe', 'pipe', 'inherit'] },
      );
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const racers = [PHONE, '13900139000'].map((phone) => spawnCli(['points', 'redeem', phone, '--gift', 'raincoat'], { ...env, NUANXIN_BUSY_TIMEOUT_MS: '30000' }));
      await waitUntilOpen(env.NUANXIN_DB, 2);
      await new Promise((r) => setTimeout(r, 300));
      holder.stdin.write('go\n');
      const results = await Promise.all(racers);
      expect(results.map((r) => r.code).sort()).toEqual([0, 4]);
      expect(results.find((r) => r.code === 4)!.stderr).toBe('error: gift raincoat has 0 in stock, 1 asked; nothing changed\n');
      const gifts = JSON.parse((await spawnCli(['gift', 'list', '--json'], env)).stdout);
      expect(gifts[0].stock).toBe(0);
      expect((await spawnCli(['db', 'check'], env)).code).toBe(0);
    }
  }, 90_000);

  it('a lock not had within the timeout exits 6 with "try again", not a raw SQLITE_BUSY', async () => {
    const { env } = await setup();
    const holder = spawn(process.execPath, [
      '-e',
      `
      const D = require('better-sqlite3'); const db = new D(${JSON.stringify(env.NUANXIN_DB)});
      db.exec('begin immediate'); process.stdout.write('ready\\n'); setTimeout(() => { db.exec('rollback'); db.close(); }, 3000);`,
    ]);
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const result = await spawnCli(['points', 'award', PHONE, '--rule', 'patrol'], { ...env, NUANXIN_BUSY_TIMEOUT_MS: '300' });
    holder.kill();
    expect(result).toMatchObject({ code: 6, stdout: '', stderr: 'error: the database is busy: another command holds the write lock\nhint: try again in a moment\n' });
    expect(await balance(env)).toBe(0);
  }, 30_000);
});
