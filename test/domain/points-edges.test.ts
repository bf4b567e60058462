// The points area at its edges: the catalogue's refusals and limits, stock moved by someone else
// meanwhile, the standard rules, the award file's headers and rows, and db check finding each kind of
// damage to the ledger's cached figures.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/domain/context.js';
import { addGift, addRule, findGift, findRule, moveStock, restockGift, retireGift, STANDARD_RULES, updateRule } from '../../src/domain/points/catalogue.js';
import { AWARD_HEADERS, awardImportPlan, awardRowParser } from '../../src/domain/points/import.js';
import { POINTS_INVARIANTS } from '../../src/domain/points/invariants.js';
import { award, redeem } from '../../src/domain/points/operations.js';
import { COUNT_LIMIT } from '../../src/domain/text/numbers.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { NuanxinError } from '../../src/errors.js';
import { mapHeaders } from '../../src/import/headers.js';
import { RowRejection } from '../../src/import/parse-records.js';
import { freshCtx } from '../helpers/db.js';
import { onPostgres } from '../helpers/pg.js';

async function refusal(run: () => Promise<unknown> | unknown): Promise<{ key: string; params: unknown; hint?: string } | 'accepted'> {
  try {
    await run();
    return 'accepted';
  } catch (error) {
    if (error instanceof NuanxinError) return { key: error.key, params: error.params, ...(error.hintKey ? { hint: error.hintKey } : {}) };
    if (error instanceof RowRejection) return { key: error.reason.key, params: error.reason.params };
    throw error;
  }
}

describe('the catalogue at its edges', () => {
  it('refuses blank codes and names, non-positive figures (naming the field), unknown and ambiguous names', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      expect(await refusal(() => addRule(ctx, { code: ' ', name: 'x', points: 1 }))).toEqual({ key: 'invalid.required', params: { field: 'code' } });
      expect(await refusal(() => addRule(ctx, { code: 'x', name: 'x', points: 1, dailyCap: 0 }))).toMatchObject({ key: 'invalid.positive', params: { field: 'daily-cap' } });
      await addRule(ctx, { code: 'a', name: '同名', points: 1 });
      await addRule(ctx, { code: 'b', name: '同名', points: 2 });
      expect(await refusal(() => findRule(ctx.db, '同名'))).toEqual({ key: 'points.rule_not_found', params: { code: '同名' }, hint: 'points.rule_not_found.hint' });
      expect((await findRule(ctx.db, ' a ')).points).toBe(1);
      expect(await refusal(() => updateRule(ctx, 'a', { points: 0 }))).toMatchObject({ key: 'invalid.positive', params: { field: 'points' } });
      expect(await refusal(() => updateRule(ctx, 'a', { dailyCap: -1 }))).toMatchObject({ key: 'invalid.whole_number', params: { field: 'daily-cap' } });
      expect(await updateRule(ctx, 'a', { name: '改名' })).toMatchObject({ name: '改名', points: 1, dailyCap: null });
      expect(await updateRule(ctx, 'b', { dailyCap: 3 })).toMatchObject({ points: 2, dailyCap: 3 });
      expect(await refusal(() => addGift(ctx, { code: ' ', name: 'x', cost: 1, stock: 0 }))).toEqual({ key: 'invalid.required', params: { field: 'code' } });
      expect(await refusal(() => addGift(ctx, { code: 'g', name: ' ', cost: 1, stock: 0 }))).toEqual({ key: 'invalid.required', params: { field: 'name' } });
      expect(await refusal(() => addGift(ctx, { code: 'g', name: 'x', cost: 0, stock: 0 }))).toMatchObject({ key: 'invalid.positive', params: { field: 'cost' } });
      expect(await refusal(() => addGift(ctx, { code: 'g', name: 'x', cost: 1, stock: -1 }))).toMatchObject({ key: 'invalid.whole_number', params: { field: 'stock' } });
      expect(await refusal(() => findGift(ctx.db, '雨衣'))).toEqual({ key: 'points.gift_not_found', params: { code: '雨衣' }, hint: 'points.gift_not_found.hint' });
      await addGift(ctx, { code: 'g1', name: '雨衣', cost: 10, stock: 0 });
      await addGift(ctx, { code: 'g2', name: '雨衣', cost: 12, stock: 0 });
      expect(await refusal(() => findGift(ctx.db, '雨衣'))).toMatchObject({ key: 'points.gift_not_found' });
      await retireGift(ctx, 'g1');
      expect(await refusal(() => retireGift(ctx, 'g1'))).toEqual({ key: 'points.gift_retired', params: { code: 'g1' } });
    } finally {
      await close();
    }
  });

  it('keeps stock within the count limit, and never writes back a stock someone else changed meanwhile', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addGift(ctx, { code: 'g', name: '雨衣', cost: 10, stock: COUNT_LIMIT - 2 });
      expect((await restockGift(ctx, 'g', 2)).stock).toBe(COUNT_LIMIT);
      expect(await refusal(() => restockGift(ctx, 'g', 1))).toEqual({
        key: 'invalid.positive',
        params: { field: 'stock', value: COUNT_LIMIT + 1, max: COUNT_LIMIT },
      });
      await addGift(ctx, { code: 'h', name: '水杯', cost: 10, stock: 1 });
      const seen = await findGift(ctx.db, 'h');
      // What this clerk saw says 0: nothing to take.
      expect(await refusal(() => inTransaction(ctx, (trx) => moveStock(trx, ctx, { ...seen, stock: 0 }, -1, 'redeem')))).toEqual({
        key: 'points.out_of_stock',
        params: { code: 'h', stock: 0, qty: 1 },
      });
      // What this clerk saw says 5, the table says 1: the write refuses and says what is there now.
      expect(await refusal(() => inTransaction(ctx, (trx) => moveStock(trx, ctx, { ...seen, stock: 5 }, -3, 'redeem')))).toEqual({
        key: 'points.out_of_stock',
        params: { code: 'h', stock: 1, qty: 3 },
      });
      expect((await findGift(ctx.db, 'h')).stock).toBe(1);
      const moves = await ctx.db
        .selectFrom('gift_stock_entries as s')
        .innerJoin('gifts as g', 'g.id', 's.gift_id')
        .select(['g.code', 's.delta', 's.reason'])
        .orderBy('s.id')
        .execute();
      expect(moves).toEqual([
        { code: 'g', delta: COUNT_LIMIT - 2, reason: 'initial' },
        { code: 'g', delta: 2, reason: 'restock' },
        { code: 'h', delta: 1, reason: 'initial' },
      ]);
    } finally {
      await close();
    }
  });

  it('the standard rules every district starts with', () => {
    expect(STANDARD_RULES).toEqual([
      { code: 'errand', name: '爱心跑腿', points: 10, dailyCap: 3, description: 'errands for elderly residents' },
      { code: 'patrol', name: '安全巡查', points: 5, dailyCap: 2, description: 'safety patrol' },
      { code: 'hazard', name: '隐患报送', points: 8, dailyCap: 5, description: 'hazard report' },
      { code: 'publicity', name: '安全宣传', points: 5, dailyCap: 2, description: 'safety publicity volunteering' },
      { code: 'event', name: '参加活动', points: 3, dailyCap: undefined, description: 'attending a programme event' },
    ]);
  });
});

describe('the award file', () => {
  it.each([
    ['手机号码', 'phone'],
    ['手机号', 'phone'],
    ['联系电话', 'phone'],
    ['电话', 'phone'],
    ['积分规则', 'rule'],
    ['规则', 'rule'],
    ['服务项目', 'rule'],
    ['项目', 'rule'],
    ['rule_code', 'rule'],
    ['日期', 'date'],
    ['服务日期', 'date'],
    ['业务日期', 'date'],
    ['business_date', 'date'],
    ['备注', 'note'],
    ['说明', 'note'],
    ['编号', 'ref'],
    ['外部编号', 'ref'],
    ['单号', 'ref'],
    ['参考号', 'ref'],
    ['流水号', 'ref'],
    ['reference', 'ref'],
    ['姓名', 'name'],
  ])('header %s is the %s column', (label, field) => {
    const headers = field === 'phone' ? [label, '积分规则'] : field === 'rule' ? ['手机号码', label] : ['手机号码', '积分规则', label];
    const map = mapHeaders(headers, AWARD_HEADERS, ['phone', 'rule']);
    expect(map.index[field as keyof typeof map.index]).toBe(headers.indexOf(label));
    expect(map.unknown).toEqual([]);
  });

  it('reads a row as an award, and rejects a row without a rule, with a bad, future or too early date', async () => {
    const parser = awardRowParser('2026-11-29');
    const headers = ['手机号码', '积分规则', '日期', '备注', '编号'];
    const map = mapHeaders(headers, AWARD_HEADERS, ['phone', 'rule']);
    const row = (cells: string[]) => refusal(() => parser.parse(map, cells, 2)).then((r) => (r === 'accepted' ? parser.parse(map, cells, 2) : r));
    expect(await row(['138 0013 8000', ' errand ', '2026/11/28', ' 代购 ', 'R-1'])).toEqual({
      phone: '13800138000',
      rule: 'errand',
      date: '2026-11-28',
      note: '代购',
      ref: 'R-1',
    });
    expect(await row(['13800138000', 'errand', '', '', ''])).toEqual({ phone: '13800138000', rule: 'errand', date: undefined, note: undefined, ref: undefined });
    expect(await row(['13800138000', 'errand', '2026-11-29', '', ''])).toMatchObject({ date: '2026-11-29' });
    expect(await row(['13800138000', 'errand', '2020-01-01', '', ''])).toMatchObject({ date: '2020-01-01' });
    expect(await row(['1380013800', 'errand', '', '', ''])).toMatchObject({ key: 'reject.phone' });
    expect(await row(['13800138000', ' ', '', '', ''])).toEqual({ key: 'reject.required', params: { field: 'rule' } });
    expect(await row(['13800138000', 'errand', '昨天', '', ''])).toEqual({ key: 'reject.date', params: { field: 'date', value: '昨天' } });
    expect(await row(['13800138000', 'errand', '2026-11-30', '', ''])).toEqual({ key: 'invalid.future_date', params: { field: 'date', value: '2026-11-30' } });
    expect(await row(['13800138000', 'errand', '2019-12-31', '', ''])).toEqual({
      key: 'invalid.date_early',
      params: { field: 'date', value: '2019-12-31', min: '2020-01-01' },
    });
    expect(parser.keyOf?.({ phone: '1', rule: 'r', ref: 'R-9' })).toBe('R-9');
    expect(parser.keyField?.({ phone: '1', rule: 'r' })).toBe('ref');
  });

  it('applies a row with every rule of points award, refusing as a row rejection', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider' });
      await addRule(ctx, { code: 'errand', name: '爱心跑腿', points: 10, dailyCap: 1 });
      const plan = awardImportPlan(ctx);
      expect(plan.kind).toBe('points');
      expect(plan.tables).toEqual(['point_entries', 'point_balances', 'point_daily']);
      const imports = await ctx.db
        .insertInto('imports')
        .values({ kind: 'points', file_name: 'a.csv', sha256: 'x', size: 1, at: 'x', operator: 'tester', source: null, encoding: 'utf-8', content_sha256: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const apply = (row: { phone: string; rule: string; date?: string; note?: string }) => refusal(() => inTransaction(ctx, async (trx) => plan.apply(trx, row, imports.id, 2)));
      expect(await apply({ phone: '13800138000', rule: 'errand' })).toBe('accepted');
      expect(await apply({ phone: '13800138000', rule: 'errand' })).toMatchObject({ key: 'points.duplicate_row' });
      expect(await apply({ phone: '13800138000', rule: 'errand', note: '第二次' })).toMatchObject({ key: 'points.daily_cap' });
      expect(await apply({ phone: '13800138000', rule: 'nope' })).toMatchObject({ key: 'points.rule_not_found' });
      const entries = await ctx.db.selectFrom('point_entries').select(['import_id', 'points']).execute();
      expect(entries).toEqual([{ import_id: imports.id, points: 10 }]);
    } finally {
      await close();
    }
  });
});

describe.skipIf(onPostgres)('[SQLite] db check finds each kind of damage to the points figures', () => {
  it('a balance, a total, a stock, a roll-up or a reversal that does not add up is named', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    const run = async () => {
      const found: unknown[] = [];
      for (const invariant of POINTS_INVARIANTS) for (const problem of await invariant.run(ctx.db)) found.push(problem);
      return found;
    };
    try {
      expect(POINTS_INVARIANTS.map((i) => i.name)).toEqual([
        'point balances equal the sum of their entries, never negative',
        'earned, redeemed, reversed and expired totals match the entries',
        'gift stock equals its movements, never negative',
        'daily point roll-ups match the entries',
        'each reversal undoes one entry of the same worker exactly',
      ]);
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider' });
      await addRule(ctx, { code: 'errand', name: '爱心跑腿', points: 10 });
      await addGift(ctx, { code: 'g', name: '雨衣', cost: 10, stock: 3 });
      await award(ctx, { worker: '13800138000', rule: 'errand' });
      await award(ctx, { worker: '13800138000', rule: 'errand' });
      await redeem(ctx, { worker: '13800138000', gift: 'g' });
      expect(await run()).toEqual([]);
      // Damage each cached figure behind the ledger's back (the triggers only guard the entries).
      await sql`update point_balances set balance = balance + 1, earned = earned + 5`.execute(ctx.db);
      await sql`update gifts set stock = stock + 2`.execute(ctx.db);
      await sql`update point_daily set points = points + 1 where kind = 'award'`.execute(ctx.db);
      expect(await run()).toEqual([
        { check: POINTS_INVARIANTS[0]!.name, key: 'dbcheck.detail.balance', params: { worker: 1, cached: 11, actual: 10 } },
        { check: POINTS_INVARIANTS[1]!.name, key: 'dbcheck.detail.worker', params: { id: 1 } },
        { check: POINTS_INVARIANTS[2]!.name, key: 'dbcheck.detail.gift_stock', params: { code: 'g', stock: 4, moved: 2 } },
        { check: POINTS_INVARIANTS[3]!.name, key: 'dbcheck.detail.rollup', params: { date: '2026-11-29', kind: 'award' } },
      ]);
    } finally {
      await close();
    }
  });

  it('a reversal of nothing, of another worker, or of another amount is named', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider' });
      await addWorker(ctx, { name: '李四', phone: '13900139000', occupation: 'rider' });
      await addRule(ctx, { code: 'errand', name: '爱心跑腿', points: 10 });
      await award(ctx, { worker: '13800138000', rule: 'errand' });
      await award(ctx, { worker: '13900139000', rule: 'errand' });
      // Written as a broken import might: reversals that do not mirror what they name.
      await sql`pragma foreign_keys = off`.execute(ctx.db);
      for (const [worker, points, reverses] of [
        [1, -10, 2],
        [1, -7, 1],
        [1, 10, 99],
      ]) {
        await sql`insert into point_entries (worker_id, kind, points, business_date, reverses_id, operator, created_at) values (${worker}, 'reverse', ${points}, '2026-11-29', ${reverses}, 'x', 'x')`.execute(
          ctx.db,
        );
      }
      const problems = await POINTS_INVARIANTS[4]!.run(ctx.db);
      expect(problems).toEqual([3, 4, 5].map((id) => ({ check: POINTS_INVARIANTS[4]!.name, key: 'dbcheck.detail.point_entry', params: { id } })));
    } finally {
      await close();
    }
  });
});
