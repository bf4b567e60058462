import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rawSession } from '../helpers/raw.js';
import { freshCli } from '../helpers/cli.js';

async function district(today = '2026-11-29') {
  const fresh = await freshCli({ NUANXIN_TODAY: today });
  const { cli } = fresh;
  await cli(['community', 'add', '夹马营社区', '--subdistrict', '西关街道']);
  await cli(['worker', 'add', '--name', '张三', '--phone', '13800138000', '--occupation', 'courier', '--community', '夹马营社区']);
  await cli(['sponsor', 'add', '区总工会', '--type', 'union', '--contact', '王主席', '--phone', '13700137000']);
  await cli(['sponsor', 'add', '瀍河区妇联', '--type', 'organisation']);
  const { json } = fresh;
  return { ...fresh, json };
}

describe('the wish lifecycle', () => {
  it('the published list shows each wish with the number a sponsor claims it by', async () => {
    const { cli, json } = await district();
    await json(['wish', 'add', '--title', '电饭煲', '--category', '家用电器', '--site', '夹马营路营业部']);
    await json(['wish', 'add', '--title', '儿童书包', '--category', 'learning', '--site', '夹马营路营业部']);
    // In Chinese too (the column was once chosen by its English header).
    const table = (await cli(['wish', 'list-publish'], { env: { LANG: 'zh_CN.UTF-8' } })).stdout.split('\n');
    expect(table[0]).toMatch(/^编号\t/);
    expect(table.slice(1, 3).map((line) => line.split('\t')[0])).toEqual(['1', '2']);
  });

  it('collects, publishes, claims, fulfils and follows up, with a full timeline', async () => {
    const { json } = await district();
    const wish = await json(['wish', 'add', '--title', '电饭煲', '--category', '家用电器', '--site', '顺丰速运瀍河回族区夹马营路营业部', '--estimate', '299', '--source', 'visit']);
    expect(wish).toMatchObject({ id: 1, status: 'collected', category: 'appliance', estimate: '299.00', for: '顺丰速运瀍河回族区夹马营路营业部' });
    const published = await json(['wish', 'list-publish', '--category', 'appliance']);
    expect(published.map((w: { id: number; status: string }) => [w.id, w.status])).toEqual([[1, 'listed']]);
    expect(await json(['wish', 'claim', '1', '--sponsor', '区总工会', '--pledge', '300'])).toMatchObject({
      status: 'claimed',
      sponsor: '区总工会',
      pledge: '300.00',
      dueOn: '2026-12-29',
    });
    expect(await json(['wish', 'fulfil', '1', '--cost', '289.9', '--evidence', 'photos/1.jpg', '--note', '已送达'])).toMatchObject({
      status: 'fulfilled',
      cost: '289.90',
      evidence: 'photos/1.jpg',
    });
    expect(await json(['wish', 'follow-up', '1', '--note', '已回访'])).toMatchObject({ status: 'followed_up' });
    const shown = await json(['wish', 'show', '1']);
    expect(
      shown.timeline.map((e: { from: string | null; to: string; sponsor: string | null; amount: string | null; note: string | null }) => [
        e.from,
        e.to,
        e.sponsor,
        e.amount,
        e.note,
      ]),
    ).toEqual([
      [null, 'collected', null, null, null],
      ['collected', 'listed', null, null, null],
      ['listed', 'claimed', '区总工会', '300.00', null],
      ['claimed', 'fulfilled', '区总工会', '289.90', '已送达'],
      ['fulfilled', 'followed_up', null, null, '已回访'],
    ]);
  });

  it('masks the worker a wish is for', async () => {
    const { json } = await district();
    const wish = await json(['wish', 'add', '--title', '书包', '--category', 'child', '--worker', '13800138000']);
    expect(wish).toMatchObject({ for: '张三 138****8000', community: '夹马营社区', workerPhone: '138****8000' });
    expect(JSON.stringify(await json(['wish', 'show', '1']))).not.toContain('13800138000');
  });

  it.each([
    [
      'fulfil before claim',
      [['wish', 'list-publish']],
      ['wish', 'fulfil', '1'],
      'error: wish #1 is listed: `wish fulfil` does not apply; allowed next: claimed, cancelled (wish claim, wish cancel)\n',
    ],
    [
      'claim twice',
      [
        ['wish', 'list-publish'],
        ['wish', 'claim', '1', '--sponsor', '区总工会'],
      ],
      ['wish', 'claim', '1', '--sponsor', '瀍河区妇联'],
      'error: wish #1 is claimed: `wish claim` does not apply; allowed next: fulfilled, listed, cancelled (wish fulfil, wish release, wish cancel)\n',
    ],
    [
      'cancel after fulfilment',
      [
        ['wish', 'list-publish'],
        ['wish', 'claim', '1', '--sponsor', '区总工会'],
        ['wish', 'fulfil', '1'],
      ],
      ['wish', 'cancel', '1', '--reason', 'x'],
      'error: wish #1 is fulfilled: `wish cancel` does not apply; allowed next: followed up (wish follow-up)\n',
    ],
    [
      'follow-up before fulfilment',
      [
        ['wish', 'list-publish'],
        ['wish', 'claim', '1', '--sponsor', '区总工会'],
      ],
      ['wish', 'follow-up', '1', '--note', 'x'],
      'error: wish #1 is claimed: `wish follow-up` does not apply; allowed next: fulfilled, listed, cancelled (wish fulfil, wish release, wish cancel)\n',
    ],
    [
      'release before claim',
      [],
      ['wish', 'release', '1', '--reason', 'x'],
      'error: wish #1 is collected: `wish release` does not apply; allowed next: listed, cancelled (wish list-publish, wish cancel)\n',
    ],
  ])('refuses %s (exit 4) and changes nothing', async (_name, setup, move, stderr) => {
    const { cli, json } = await district();
    await json(['wish', 'add', '--title', '电饭煲', '--category', 'appliance', '--site', '营业部']);
    for (const argv of setup) await json(argv as string[]);
    const before = await json(['wish', 'show', '1']);
    expect(await cli(move as string[])).toEqual({ code: 4, stdout: '', stderr });
    expect(await json(['wish', 'show', '1'])).toEqual(before);
  });

  it('releases a claim back to the list and cancels before fulfilment', async () => {
    const { json } = await district();
    await json(['wish', 'add', '--title', 'A', '--category', 'daily', '--site', 'S']);
    await json(['wish', 'add', '--title', 'B', '--category', 'daily', '--site', 'S']);
    await json(['wish', 'list-publish']);
    await json(['wish', 'claim', '1', '--sponsor', '区总工会', '--pledge', '50']);
    expect(await json(['wish', 'release', '1', '--reason', '无法落实'])).toMatchObject({ status: 'listed', sponsor: null, pledge: null, dueOn: null });
    expect(await json(['wish', 'cancel', '2', '--reason', '已自行解决'])).toMatchObject({ status: 'cancelled' });
  });

  it('refuses bad input with clear messages', async () => {
    const { cli } = await district();
    expect((await cli(['wish', 'add', '--title', 'x', '--category', 'toys', '--site', 'S'])).code).toBe(5);
    expect((await cli(['wish', 'add', '--title', 'x', '--category', 'daily'])).code).toBe(2);
    expect((await cli(['wish', 'add', '--title', 'x', '--category', 'daily', '--site', 'S', '--worker', '13800138000'])).code).toBe(2);
    expect((await cli(['wish', 'add', '--title', 'x', '--category', 'daily', '--site', 'S', '--estimate', '12.345'])).code).toBe(5);
    expect((await cli(['wish', 'claim', '9', '--sponsor', '区总工会'])).code).toBe(3);
    expect((await cli(['sponsor', 'add', 'X', '--type', 'club'])).code).toBe(2);
  });
});

describe('deadlines and sponsor totals', () => {
  it('detects overdue claims and stale listings against a fixed today', async () => {
    const early = await district('2026-09-01');
    const { json, env } = early;
    await json(['wish', 'add', '--title', 'A', '--category', 'daily', '--site', 'S']);
    await json(['wish', 'add', '--title', 'B', '--category', 'daily', '--site', 'S']);
    await json(['wish', 'add', '--title', 'C', '--category', 'daily', '--site', 'S']);
    await json(['wish', 'list-publish']);
    await json(['wish', 'claim', '1', '--sponsor', '区总工会']);
    await json(['wish', 'claim', '2', '--sponsor', '瀍河区妇联', '--due', '2026-12-31', '--pledge', '80']);
    const later = { ...env, NUANXIN_TODAY: '2026-11-29' };
    const overdue = await json(['wish', 'list', '--overdue'], later);
    expect(overdue.map((w: { id: number; dueOn: string }) => [w.id, w.dueOn])).toEqual([[1, '2026-10-01']]);
    expect((await json(['wish', 'list', '--stale'], later)).map((w: { id: number }) => w.id)).toEqual([3]);
    expect((await json(['wish', 'list', '--overdue'], { NUANXIN_TODAY: '2026-10-01' })).length).toBe(0);
    await json(['wish', 'fulfil', '2', '--cost', '75.5'], later);
    const sponsors = await json(['sponsor', 'list'], later);
    expect(sponsors).toEqual([
      expect.objectContaining({ name: '区总工会', claimed: 1, fulfilled: 0, open: 1, overdue: 1, pledged: '0.00', spent: '0.00', contactPhone: '137****7000' }),
      expect.objectContaining({ name: '瀍河区妇联', claimed: 1, fulfilled: 1, open: 0, overdue: 0, pledged: '80.00', spent: '75.50' }),
    ]);
    const shown = await json(['sponsor', 'show', '区总工会'], later);
    expect(shown.wishes.map((w: { id: number; overdue: boolean }) => [w.id, w.overdue])).toEqual([[1, true]]);
  });

  it('uses the configured claim period', async () => {
    const { cli, json } = await district();
    expect(await cli(['config', 'set', 'wishes.claim_days', '45'])).toMatchObject({ code: 0, stdout: 'wishes.claim_days = 45\n' });
    expect((await cli(['config', 'set', 'wishes.claim_days', 'soon'])).code).toBe(5);
    expect((await cli(['config', 'get', 'nope'])).code).toBe(3);
    await json(['wish', 'add', '--title', 'A', '--category', 'daily', '--site', 'S']);
    await json(['wish', 'list-publish']);
    expect((await json(['wish', 'claim', '1', '--sponsor', '区总工会'])).dueOn).toBe('2027-01-13');
  });
});

describe('wish import and db check', () => {
  it('imports with Excel row numbers; a re-run (or re-saved file) adds nothing', async () => {
    const { cli, dir, json } = await district();
    const file = join(dir, 'wishes.csv');
    const body =
      '心愿,类别,手机号码,集体,预估金额,收集日期\r\n电饭煲,家用电器,,顺丰营业部,299,2026-11-20\r\n书包,子女关爱,13800138000,,80,2026/11/21\r\n玩具,玩具,,S,,\r\n台灯,书籍学习,13900000000,,,\r\n';
    writeFileSync(file, `\uFEFF${body}`);
    const first = JSON.parse((await cli(['wish', 'import', file, '--json'])).stdout);
    expect(first).toMatchObject({ inserted: 2, rejected: 2 });
    expect(first.rejects.map((r: { row: number }) => r.row)).toEqual([4, 5]);
    expect(first.rejects[1].reason).toBe('no worker with phone or id 139****0000');
    expect(JSON.parse((await cli(['wish', 'import', file, '--json'])).stdout)).toMatchObject({ inserted: 0, already_imported: { id: 1 } });
    writeFileSync(file, body.replace(/\r\n/g, '\n'));
    expect(JSON.parse((await cli(['wish', 'import', file, '--json'])).stdout)).toMatchObject({ inserted: 0, unchanged: 0, already_imported: { id: 1 } });
    expect((await json(['wish', 'list'])).length).toBe(2);
  });

  it("db check verifies each wish's state against its timeline", async () => {
    const { cli, json, db } = await district();
    await json(['wish', 'add', '--title', 'A', '--category', 'daily', '--site', 'S']);
    expect((await cli(['db', 'check'])).code).toBe(0);
    const raw = await rawSession(db);
    await raw.run("update wishes set status = 'listed'");
    await expect(raw.run('delete from wish_events')).rejects.toThrow(/append-only/);
    await raw.close();
    const result = await cli(['db', 'check']);
    expect(result.code).toBe(4);
    expect(result.stdout).toContain('wish #1: listed, timeline says collected');
  });
});
