import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshCli } from '../helpers/cli.js';
import { writeRoster } from '../../bench/roster.mjs';
import { holdWrites } from '../helpers/hold.js';
import { onPostgres } from '../helpers/pg.js';
import { spawnCli } from '../helpers/spawn.js';

// Clerks at several terminals at once, each a separate process on one database: on SQLite one writer
// at a time, on PostgreSQL SERIALIZABLE transactions retried on conflict. The same tests on both engines.

const PHONES = Array.from({ length: 8 }, (_, i) => `1380013800${i}`);
const TODAY = '2026-11-29';

async function setup() {
  const { env: base, dir } = await freshCli();
  const env = { ...base, NUANXIN_TODAY: TODAY, NUANXIN_BUSY_TIMEOUT_MS: '30000' };
  const run = async (argv: string[]) => {
    const r = await spawnCli(argv, env);
    if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
    return r;
  };
  return { env, dir, run };
}

const json = async (env: Record<string, string>, argv: string[]) => JSON.parse((await spawnCli([...argv, '--json'], env)).stdout);

describe(`clerks at once (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, () => {
  it('8 simultaneous redemptions of a gift with stock 3: exactly 3 succeed, the others exit 4; stock, movements and another gift agree', async () => {
    const { env, run } = await setup();
    await run(['points', 'rule', 'add', 'patrol', '--name', '安全巡查', '--points', '10']);
    await run(['gift', 'add', 'raincoat', '--name', '雨衣', '--cost', '10', '--stock', '3']);
    await run(['gift', 'add', 'umbrella', '--name', '雨伞', '--cost', '5', '--stock', '10']);
    for (const [i, phone] of PHONES.entries()) {
      await run(['worker', 'add', '--name', `骑手${i}`, '--phone', phone, '--occupation', 'rider']);
      await run(['points', 'award', phone, '--rule', 'patrol']);
    }
    // Meanwhile two clerks restock the other gift: neither restock may be lost. All ten wait at a held
    // lock, having read what they decide on, and are let go together.
    const hold = await holdWrites(env.NUANXIN_DB, ['point_entries', 'gift_stock_entries']);
    const racing = Promise.all([
      ...PHONES.map((phone) => spawnCli(['points', 'redeem', phone, '--gift', 'raincoat'], env)),
      spawnCli(['gift', 'restock', 'umbrella', '--qty', '5'], env),
      spawnCli(['gift', 'restock', 'umbrella', '--qty', '7'], env),
    ]);
    await hold.waitFor(10);
    await hold.release();
    const results = await racing;
    const redemptions = results.slice(0, 8);
    expect(redemptions.filter((r) => r.code === 0)).toHaveLength(3);
    for (const refused of redemptions.filter((r) => r.code !== 0)) {
      expect(refused.code, refused.stderr).toBe(4);
      expect(refused.stderr).toMatch(/^error: gift raincoat has 0 in stock, 1 asked; nothing changed\n$/);
    }
    expect(results.slice(8).map((r) => r.code)).toEqual([0, 0]);
    const gifts = await json(env, ['gift', 'list']);
    expect(gifts.map((g: { code: string; stock: number }) => [g.code, g.stock])).toEqual([
      ['raincoat', 0],
      ['umbrella', 22],
    ]);
    const balances = await Promise.all(PHONES.map(async (phone) => (await json(env, ['points', 'balance', phone])).balance));
    expect(balances.sort()).toEqual([0, 0, 0, 10, 10, 10, 10, 10]);
    const check = await spawnCli(['db', 'check'], env);
    expect(check.code, check.stdout).toBe(0);
  }, 120_000);

  it('4 processes each importing 100 awards to one worker: every one lands, the balance is exact', async () => {
    const { env, dir, run } = await setup();
    await run(['points', 'rule', 'add', 'errand', '--name', '为老人跑腿', '--points', '3']);
    await run(['worker', 'add', '--name', '王五', '--phone', PHONES[0]!, '--occupation', 'courier']);
    const files = ['a', 'b', 'c', 'd'].map((tag) => {
      const path = join(dir, `${tag}.csv`);
      const rows = Array.from({ length: 100 }, (_, i) => `${PHONES[0]},errand,${TODAY},${tag}-${i}`);
      writeFileSync(path, `phone,rule,date,ref\r\n${rows.join('\r\n')}\r\n`);
      return path;
    });
    const results = await Promise.all(files.map((file) => spawnCli(['points', 'import', file, '--json'], env)));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ inserted: 100, rejected: 0 });
    }
    expect((await json(env, ['points', 'balance', PHONES[0]!])).balance).toBe(400 * 3);
    expect((await spawnCli(['db', 'check'], env)).code).toBe(0);
  }, 180_000);

  it('2 simultaneous imports of the same roster file: one imports, the other reports "already imported"', async () => {
    const { env, dir } = await setup();
    const path = join(dir, 'roster.csv');
    const rows = Array.from({ length: 300 }, (_, i) => `骑手${i},1${String(3800000000 + i * 7919).padStart(10, '0')},外卖骑手,美团`);
    writeFileSync(path, `姓名,手机号,职业,平台\r\n${rows.join('\r\n')}\r\n`);
    const results = await Promise.all([0, 1].map(() => spawnCli(['worker', 'import', path, '--json'], env)));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const reports = results.map((r) => JSON.parse(r.stdout));
    const imported = reports.filter((r) => r.already_imported === null);
    const refused = reports.filter((r) => r.already_imported !== null);
    expect(imported).toHaveLength(1);
    expect(imported[0]).toMatchObject({ inserted: 300, rejected: 0 });
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ inserted: 0, written: false });
    expect(refused[0].already_imported.id).toBe(imported[0].import_id);
    expect(results.find((r) => JSON.parse(r.stdout).already_imported !== null)!.stderr).toMatch(/already imported/);
    expect((await json(env, ['worker', 'list'])).length).toBe(300);
  }, 120_000);

  it('a roster import finishes while another clerk keeps adding workers; the clerk’s adds wait for it and land', async () => {
    const { env, dir, run } = await setup();
    await run(['community', 'add', '夹马营社区', '--subdistrict', '张掖路街道']);
    const file = join(dir, 'roster.csv');
    await writeRoster(file, 20_000, [{ name: '夹马营社区', subdistrict: '张掖路街道' }]);
    const importing = spawnCli(['worker', 'import', file, '--json'], env);
    const adds = [];
    for (let i = 0; i < 6; i++) {
      adds.push(await spawnCli(['worker', 'add', '--name', `新人${i}`, '--phone', `1341111000${i}`, '--occupation', 'rider', '--community', '夹马营社区'], env));
      await new Promise((r) => setTimeout(r, 150));
    }
    const imported = await importing;
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ written: true, already_imported: null });
    for (const add of adds) expect(add.code, add.stderr).toBe(0);
    expect((await spawnCli(['db', 'check'], env)).code).toBe(0);
  }, 180_000);

  it('a daily cap holds under a race: 6 awards at once under a cap of 2 give exactly 2', async () => {
    const { env, run } = await setup();
    await run(['points', 'rule', 'add', 'hazard', '--name', '隐患上报', '--points', '4', '--daily-cap', '2']);
    await run(['worker', 'add', '--name', '赵六', '--phone', PHONES[1]!, '--occupation', 'rider']);
    const hold = await holdWrites(env.NUANXIN_DB, ['point_entries']);
    const racing = Promise.all(Array.from({ length: 6 }, () => spawnCli(['points', 'award', PHONES[1]!, '--rule', 'hazard'], env)));
    await hold.waitFor(6);
    await hold.release();
    const results = await racing;
    expect(results.filter((r) => r.code === 0)).toHaveLength(2);
    for (const refused of results.filter((r) => r.code !== 0)) {
      expect(refused.code, refused.stderr).toBe(4);
      expect(refused.stderr).toMatch(/^error: daily cap reached: rule hazard allows 2 award\(s\) per worker per day \(2026-11-29\)/);
    }
    expect((await json(env, ['points', 'balance', PHONES[1]!])).balance).toBe(8);
  }, 120_000);

  it('two stations added at once without a code get different codes', async () => {
    const { env, run } = await setup();
    await run(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
    const hold = await holdWrites(env.NUANXIN_DB, ['stations']);
    const racing = Promise.all(['东关驿站', '西关驿站', '南关驿站'].map((name) => spawnCli(['station', 'add', '--name', name, '--community', '夹马营社区', '--json'], env)));
    await hold.waitFor(3);
    await hold.release();
    const results = await racing;
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const codes = results.map((r) => JSON.parse(r.stdout).code).sort();
    expect(codes).toEqual(['ST0001', 'ST0002', 'ST0003']);
  }, 60_000);
});
