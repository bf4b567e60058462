import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawSession } from '../helpers/raw.js';
import { freshCli } from '../helpers/cli.js';

const P1 = '13800138000';
const P2 = '13900139000';

async function programme() {
  const fresh = await freshCli({ NUANXIN_TODAY: '2026-11-29' });
  const { cli } = fresh;
  await cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await cli(['worker', 'add', '--name', '张三', '--phone', P1, '--occupation', 'rider', '--community', '夹马营社区']);
  await cli(['worker', 'add', '--name', '李四', '--phone', P2, '--occupation', 'courier']);
  await cli(['points', 'rule', 'add', 'errand', '--name', '爱心跑腿', '--points', '10', '--daily-cap', '2']);
  await cli(['points', 'rule', 'add', 'hazard', '--name', '隐患报送', '--points', '8']);
  await cli(['gift', 'add', 'raincoat', '--name', '骑手雨衣', '--cost', '20', '--stock', '2']);
  const { json } = fresh;
  const balance = async (phone = P1) => json(['points', 'balance', phone]);
  const stock = async () => (await json(['gift', 'list']))[0].stock;
  return { ...fresh, json, balance, stock };
}

describe('awards', () => {
  it('prints the entry with its id and moves the balance', async () => {
    const { json, balance } = await programme();
    const entry = await json(['points', 'award', P1, '--rule', 'errand', '--note', '代购']);
    expect(entry).toMatchObject({ id: 1, kind: 'award', points: 10, businessDate: '2026-11-29', note: '代购', balance: 10 });
    expect(await balance()).toEqual({ worker: { id: 1, name: '张三', phone: '138****8000' }, balance: 10, earned: 10, redeemed: 0, reversed: 0, expired: 0 });
  });

  it.each([
    [['points', 'award', P1, '--rule', 'errand', '--date', '2026-11-30'], 5, 'error: date 2026-11-30 is in the future\n'],
    [['points', 'award', P1, '--rule', 'nope'], 3, 'error: no points rule with code nope\nhint: see the rules with `nuanxin points rule list`\n'],
    [['points', 'award', '13700137000', '--rule', 'errand'], 3, 'error: no worker with phone or id 137****7000\n'],
    [['points', 'award', P1, '--rule', 'errand', '--points', '50'], 2, 'error: --points needs --reason\n'],
    [['points', 'award', P1], 2, "error: required option '--rule <code>' not specified\n(--help for usage)\n"],
  ])('%j → exit %i', async (argv, code, stderr) => {
    const { cli, balance } = await programme();
    expect(await cli(argv as string[])).toEqual({ code, stdout: '', stderr });
    expect((await balance()).balance).toBe(0);
  });

  it('overrides points only with a reason, enforces the daily cap per business date, and refuses inactive workers', async () => {
    const { cli, json, balance } = await programme();
    expect((await json(['points', 'award', P1, '--rule', 'errand', '--points', '25', '--reason', '台风天加倍'])).points).toBe(25);
    await json(['points', 'award', P1, '--rule', 'errand']);
    expect(await cli(['points', 'award', P1, '--rule', 'errand'])).toMatchObject({
      code: 4,
      stderr: 'error: daily cap reached: rule errand allows 2 award(s) per worker per day (2026-11-29)\n',
    });
    expect((await json(['points', 'award', P1, '--rule', 'errand', '--date', '2026-11-28'])).points).toBe(10);
    expect((await balance()).balance).toBe(45);
    await cli(['worker', 'deactivate', P2, '--reason', '离职']);
    expect((await cli(['points', 'award', P2, '--rule', 'hazard'])).code).toBe(4);
  });

  it('refuses the same ref twice', async () => {
    const { cli, json } = await programme();
    await json(['points', 'award', P1, '--rule', 'hazard', '--ref', 'HZ-1']);
    expect(await cli(['points', 'award', P1, '--rule', 'hazard', '--ref', 'HZ-1'])).toMatchObject({ code: 4, stderr: 'error: an award with ref HZ-1 already exists (entry #1)\n' });
  });
});

describe('redemptions and reversals', () => {
  it('redeems to exactly zero, then refuses an overdraft and an out-of-stock redemption without changing anything', async () => {
    const { cli, json, balance, stock } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand']);
    await json(['points', 'award', P1, '--rule', 'errand']);
    expect(await json(['points', 'redeem', P1, '--gift', 'raincoat'])).toMatchObject({ kind: 'redeem', points: -20, qty: 1, balance: 0 });
    expect(await cli(['points', 'redeem', P1, '--gift', 'raincoat'])).toEqual({
      code: 4,
      stdout: '',
      stderr: 'error: balance 0 is short of 20 points (needs 20 more); nothing changed\n',
    });
    expect([(await balance()).balance, await stock()]).toEqual([0, 1]);
    for (const d of ['2026-11-27', '2026-11-26', '2026-11-25']) await json(['points', 'award', P2, '--rule', 'errand', '--date', d]);
    await json(['points', 'award', P2, '--rule', 'errand', '--date', '2026-11-24']);
    expect(await json(['points', 'redeem', P2, '--gift', 'raincoat'])).toMatchObject({ balance: 20 });
    expect(await cli(['points', 'redeem', P2, '--gift', 'raincoat'])).toEqual({
      code: 4,
      stdout: '',
      stderr: 'error: gift raincoat has 0 in stock, 1 asked; nothing changed\n',
    });
    expect([(await balance(P2)).balance, await stock()]).toEqual([20, 0]);
  });

  it('says both what the balance and what the stock lack when both are short, in Chinese and in English', async () => {
    const { cli, json, balance, stock } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand']);
    const ask = ['points', 'redeem', P1, '--gift', 'raincoat', '--qty', '3'];
    expect(await cli(ask)).toEqual({
      code: 4,
      stdout: '',
      stderr: 'error: balance 10 is short of 60 points (needs 50 more) and gift raincoat has 2 in stock, 3 asked; nothing changed\n',
    });
    expect(await cli(ask, { env: { LANG: 'zh_CN.UTF-8' } })).toEqual({
      code: 4,
      stdout: '',
      stderr: '错误: 积分余额 10 不足 60（还差 50），且礼品 raincoat 库存 2，需要 3；未做任何更改\n',
    });
    expect([(await balance()).balance, await stock()]).toEqual([10, 2]);
  });

  it('reverses once, returns stock for a reversed redemption, and refuses a reversal that would go negative', async () => {
    const { cli, json, balance, stock } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand']);
    await json(['points', 'award', P1, '--rule', 'errand']);
    const redemption = await json(['points', 'redeem', P1, '--gift', 'raincoat']);
    expect(await cli(['points', 'reverse', '1', '--reason', '录错了'])).toMatchObject({ code: 4, stderr: 'error: refused: the balance 0 would go below zero (-10)\n' });
    expect(await json(['points', 'reverse', String(redemption.id), '--reason', '雨衣退回'])).toMatchObject({ kind: 'reverse', points: 20, reversesId: 3, balance: 20 });
    expect(await stock()).toBe(2);
    expect(await cli(['points', 'reverse', '3', '--reason', 'again'])).toMatchObject({ code: 4, stderr: 'error: entry #3 was already reversed (by entry #4)\n' });
    expect(await cli(['points', 'reverse', '4', '--reason', 'x'])).toMatchObject({ code: 4 });
    expect(await cli(['points', 'reverse', '99', '--reason', 'x'])).toMatchObject({ code: 3 });
    expect(await json(['points', 'reverse', '1', '--reason', '录错了'])).toMatchObject({ points: -10, balance: 10 });
    expect(await balance()).toMatchObject({ balance: 10, earned: 20, redeemed: 20, reversed: 10 });
    expect((await cli(['db', 'check'])).code).toBe(0);
  });

  it('the ledger is append-only in the database itself', async () => {
    const { json, db } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand']);
    const raw = await rawSession(db);
    await expect(raw.run('update point_entries set points = 1000')).rejects.toThrow(/append-only/);
    await expect(raw.run('delete from point_entries')).rejects.toThrow(/append-only/);
    await expect(raw.run('delete from gift_stock_entries')).rejects.toThrow(/append-only/);
    await raw.close();
  });

  it('db check fails loudly when a cached balance disagrees with the entries', async () => {
    const { cli, json, db } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand']);
    const raw = await rawSession(db);
    await raw.run('update point_balances set balance = 999');
    await raw.close();
    const result = await cli(['db', 'check']);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('FAIL  point balances equal the sum of their entries, never negative');
    expect(result.stdout).toContain('worker #1: cached 999, entries 10');
  });
});

describe('statements, ledger, leaderboard, teams', () => {
  it('prints a monthly statement with opening and closing balances', async () => {
    const { json } = await programme();
    await json(['points', 'award', P1, '--rule', 'hazard', '--date', '2026-10-31']);
    await json(['points', 'award', P1, '--rule', 'errand', '--date', '2026-11-01']);
    await json(['points', 'award', P1, '--rule', 'errand', '--date', '2026-11-29']);
    const s = await json(['points', 'statement', P1, '--month', '2026-11']);
    expect(s).toMatchObject({ month: '2026-11', from: '2026-11-01', to: '2026-11-30', opening: 8, closing: 28 });
    expect(s.entries.map((e: { id: number }) => e.id)).toEqual([2, 3]);
  });

  it('filters the ledger, exports CSV, and ranks the volunteers', async () => {
    const { cli, json } = await programme();
    await json(['points', 'award', P1, '--rule', 'errand']);
    await json(['points', 'award', P2, '--rule', 'hazard']);
    await json(['points', 'award', P2, '--rule', 'hazard', '--date', '2026-11-20']);
    expect((await json(['points', 'ledger', '--rule', 'hazard'])).map((e: { id: number }) => e.id)).toEqual([3, 2]);
    expect((await cli(['points', 'ledger', '--format', 'csv'])).stdout.startsWith('\uFEFFid,date,worker,phone,kind,points')).toBe(true);
    const top = await json(['points', 'top']);
    expect(top.map((r: { name: string; points: number }) => [r.name, r.points])).toEqual([
      ['李四', 16],
      ['张三', 10],
    ]);
    expect((await json(['points', 'top', '--community', '夹马营社区'])).map((r: { name: string }) => r.name)).toEqual(['张三']);
  });

  it('keeps teams with their members and points', async () => {
    const { cli, json } = await programme();
    await json(['team', 'add', '安全宣传队', '--community', '夹马营社区', '--focus', 'safety']);
    expect((await json(['team', 'join', '安全宣传队', P1, P2])).members).toBe(2);
    expect((await cli(['team', 'join', '安全宣传队', P1])).code).toBe(4);
    await json(['points', 'award', P1, '--rule', 'errand']);
    const team = await json(['team', 'show', '安全宣传队']);
    expect(team).toMatchObject({ name: '安全宣传队', community: '夹马营社区', members: 2, points: 10 });
    expect((await json(['team', 'leave', '安全宣传队', P2])).members).toBe(1);
  });
});

describe('points import', () => {
  it('imports awards with Excel row numbers, and a re-run adds nothing', async () => {
    const { cli, dir, balance } = await programme();
    const file = join(dir, 'awards.csv');
    writeFileSync(
      file,
      `手机号码,积分规则,日期,备注,编号\n${P1},errand,2026-11-20,代购,A1\n${P1},hazard,2026/11/21,,A2\n${P1},nope,2026-11-21,,A3\n${P2},hazard,2026-12-01,,A4\n${P2},hazard,2026-11-21,,A1\n`,
    );
    const result = await cli(['points', 'import', file, '--json']);
    expect(JSON.parse(result.stdout)).toMatchObject({
      inserted: 2,
      rejected: 3,
      rejects: [
        { row: 4, reason: 'no points rule with code nope' },
        { row: 5, reason: 'date 2026-12-01 is in the future' },
        { row: 6, reason: 'reference duplicates row 2' },
      ],
    });
    expect((await balance()).balance).toBe(18);
    expect(JSON.parse((await cli(['points', 'import', file, '--json'])).stdout)).toMatchObject({ inserted: 0, already_imported: { id: 1 } });
    writeFileSync(file, `phone,rule,date,ref\n${P1},errand,2026-11-20,A1\n`);
    expect(JSON.parse((await cli(['points', 'import', file, '--json'])).stdout)).toMatchObject({
      inserted: 0,
      rejects: [{ row: 2, reason: 'an award with ref A1 already exists (entry #1)' }],
    });
    expect((await balance()).balance).toBe(18);
  });
});

describe('points expiry', () => {
  it('is off unless configured, then expires what is left of old points, oldest first, once', async () => {
    const { cli, json, env } = await programme();
    await json(['points', 'award', P1, '--rule', 'hazard', '--date', '2024-03-01']);
    await json(['points', 'award', P1, '--rule', 'hazard', '--date', '2024-06-01']);
    await json(['points', 'award', P1, '--rule', 'errand', '--date', '2025-02-01']);
    await json(['points', 'redeem', P1, '--gift', 'raincoat']);
    expect(await cli(['points', 'expire', '--as-of', '2026-01-01'])).toMatchObject({
      code: 4,
      stderr: 'error: points expiry is off\nhint: turn it on with `nuanxin config set points.expiry end_of_following_year`\n',
    });
    await cli(['config', 'set', 'points.expiry', 'end_of_following_year']);
    // 2024: 16 earned, 20 spent oldest-first → nothing left of 2024; 2025: 10 earned, 4 spent → 6 left.
    const dry = await json(['points', 'expire', '--as-of', '2026-01-01', '--dry-run']);
    expect(dry).toMatchObject({ dry_run: true, entries: [], points: 0 });
    const later = { env: { ...env, NUANXIN_TODAY: '2027-01-05' } };
    const run = JSON.parse((await cli(['points', 'expire', '--as-of', '2027-01-01', '--json'], later)).stdout);
    expect(run.entries).toEqual([{ workerId: 1, year: 2025, points: 6, entryId: 5 }]);
    expect(JSON.parse((await cli(['points', 'balance', P1, '--json'], later)).stdout)).toMatchObject({ balance: 0, expired: 6 });
    expect(JSON.parse((await cli(['points', 'expire', '--as-of', '2027-01-01', '--json'], later)).stdout).entries).toEqual([]);
    expect((await cli(['db', 'check'], later)).code).toBe(0);
  });
});
