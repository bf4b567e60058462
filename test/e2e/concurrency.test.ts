import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/cli.js';
import { holdWrites } from '../helpers/hold.js';
import { newDatabase } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';

const PHONE = '13800138000';

async function setup() {
  const dir = tempDir();
  const env = { NUANXIN_DB: await newDatabase(dir), NUANXIN_TODAY: '2026-11-29' };
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
      const hold = await holdWrites(env.NUANXIN_DB, ['point_entries', 'gift_stock_entries']);
      const racers = [PHONE, '13900139000'].map((phone) => spawnCli(['points', 'redeem', phone, '--gift', 'raincoat'], { ...env, NUANXIN_BUSY_TIMEOUT_MS: '30000' }));
      await hold.waitFor(2);
      await hold.release();
      const results = await Promise.all(racers);
      expect(results.map((r) => r.code).sort()).toEqual([0, 4]);
      expect(results.find((r) => r.code === 4)!.stderr).toBe('error: gift raincoat has 0 in stock, 1 asked; nothing changed\n');
      const gifts = JSON.parse((await spawnCli(['gift', 'list', '--json'], env)).stdout);
      expect(gifts[0].stock).toBe(0);
      expect((await spawnCli(['db', 'check'], env)).code).toBe(0);
    }
  }, 90_000);

  it('a lock not had within the timeout exits 6 with "try again", not a raw driver error', async () => {
    const { env } = await setup();
    const hold = await holdWrites(env.NUANXIN_DB, ['point_entries']);
    const result = await spawnCli(['points', 'award', PHONE, '--rule', 'patrol'], { ...env, NUANXIN_BUSY_TIMEOUT_MS: '300' });
    await hold.release();
    expect(result).toMatchObject({ code: 6, stdout: '', stderr: 'error: the database is busy: another command holds the write lock\nhint: try again in a moment\n' });
    expect(await balance(env)).toBe(0);
  }, 30_000);
});
