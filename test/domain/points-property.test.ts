// A model-based test of the points ledger: the test keeps its own model of balances, stock, daily-cap
// counts and reversals, and checks every command's outcome — accepted, or refused and why — against it.
// `db check` is a second oracle, not the only one: a bug that refuses everything fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/domain/admin/check.js';
import { addGift, addRule, restockGift } from '../../src/domain/points/catalogue.js';
import { balanceOf } from '../../src/domain/points/ledger.js';
import { award, redeem, reverse } from '../../src/domain/points/operations.js';
import { makeClock } from '../../src/domain/clock.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { NuanxinError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';

const PHONES = ['13800000001', '13800000002', '13800000003'];
const RULES = { small: { points: 7, cap: null }, capped: { points: 15, cap: 2 } } as const;
const GIFT_COST = 10;
const RUNS = Number(process.env.NUANXIN_PROPERTY_RUNS ?? 60);
const FIRST_DAY = Date.UTC(2026, 10, 29);
const dayOf = (n: number) => new Date(FIRST_DAY + n * 86_400_000).toISOString().slice(0, 10);

type Op =
  | { op: 'award'; worker: number; rule: keyof typeof RULES }
  | { op: 'redeem'; worker: number; qty: number }
  | { op: 'reverse'; entry: number }
  | { op: 'restock'; qty: number }
  | { op: 'nextDay' };

// Biased so that balances, stock and the daily cap run out often: most steps are the first worker's,
// redemptions and reversals are nearly as likely as awards, restocks and new days rare, and reversals
// aim at entries that exist.
const workerArb = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 2 }) });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('award' as const), worker: workerArb, rule: fc.constantFrom('small' as const, 'capped' as const) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('redeem' as const), worker: workerArb, qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('reverse' as const), entry: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restock' as const), qty: fc.integer({ min: 1, max: 2 }) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'nextDay' as const }) },
);

const capped = (worker = 0): Op => ({ op: 'award', worker, rule: 'capped' });
const redeemOne = (): Op => ({ op: 'redeem', worker: 0, qty: 1 });
// Edges the random runs reach only now and then, always tried first (still checked against the model).
const EDGES: [Op[]][] = [
  [[capped(), { op: 'redeem', worker: 0, qty: 1 }, { op: 'reverse', entry: 1 }]],
  [[capped(), { op: 'reverse', entry: 1 }, { op: 'reverse', entry: 1 }, { op: 'reverse', entry: 2 }]],
  [[capped(), capped(), capped(), capped(1), { op: 'nextDay' }, capped(), { op: 'reverse', entry: 5 }, capped(), capped(), capped()]],
  [[redeemOne(), capped(), redeemOne(), capped(), redeemOne(), { op: 'redeem', worker: 0, qty: 3 }]],
];

type ModelEntry = {
  worker: number;
  kind: 'award' | 'redeem' | 'reverse';
  points: number;
  day: number;
  rule?: keyof typeof RULES;
  qty?: number;
  reversedBy?: number;
};
type Refusal = { key: string; params: Record<string, unknown> };

/** What the programme's rules say should happen, kept apart from the code under test. */
class Model {
  balances = [0, 0, 0];
  stock = 1;
  day = 0;
  entries: ModelEntry[] = []; // entry id = index + 1
  /** A capped award accepted on a day after one where the same worker had reached the cap. */
  capResets = 0;

  cappedOn(worker: number, day: number): number {
    return this.entries.filter((e) => e.worker === worker && e.kind === 'award' && e.rule === 'capped' && e.day === day && !e.reversedBy).length;
  }

  /** Applies `op`; returns undefined when accepted, or the refusal: its message key and what it says. */
  apply(op: Op): Refusal | undefined {
    if (op.op === 'nextDay') {
      this.day += 1;
      return undefined;
    }
    if (op.op === 'restock') {
      this.stock += op.qty;
      return undefined;
    }
    if (op.op === 'award') return this.award(op.worker, op.rule);
    if (op.op === 'redeem') return this.redeem(op.worker, op.qty);
    return this.reverse(op.entry);
  }

  private award(worker: number, ruleCode: keyof typeof RULES): Refusal | undefined {
    const rule = RULES[ruleCode];
    if (rule.cap !== null && this.cappedOn(worker, this.day) >= rule.cap) {
      return { key: 'points.daily_cap', params: { rule: ruleCode, cap: rule.cap, date: dayOf(this.day) } };
    }
    if (rule.cap !== null && Array.from({ length: this.day }, (_, d) => this.cappedOn(worker, d)).some((n) => n >= rule.cap)) this.capResets += 1;
    this.balances[worker]! += rule.points;
    this.entries.push({ worker, kind: 'award', points: rule.points, rule: ruleCode, day: this.day });
    return undefined;
  }

  private redeem(worker: number, qty: number): Refusal | undefined {
    const cost = GIFT_COST * qty;
    const balance = this.balances[worker]!;
    const shortPoints = balance < cost;
    const shortStock = this.stock < qty;
    const params = { balance, cost, missing: cost - balance, code: 'g', stock: this.stock, qty };
    if (shortPoints && shortStock) return { key: 'points.short_both', params };
    if (shortPoints) return { key: 'points.short_balance', params };
    if (shortStock) return { key: 'points.out_of_stock', params };
    this.balances[worker] = balance - cost;
    this.stock -= qty;
    this.entries.push({ worker, kind: 'redeem', points: -cost, qty, day: this.day });
    return undefined;
  }

  private reverse(id: number): Refusal | undefined {
    const entry = this.entries[id - 1];
    if (!entry) return { key: 'points.entry_not_found', params: { id } };
    if (entry.kind === 'reverse') return { key: 'points.not_reversible', params: { id, kind: 'reverse' } };
    if (entry.reversedBy) return { key: 'points.already_reversed', params: { id, by: entry.reversedBy } };
    const balance = this.balances[entry.worker]!;
    if (balance - entry.points < 0) return { key: 'points.would_go_negative', params: { balance, points: -entry.points } };
    this.balances[entry.worker] = balance - entry.points;
    if (entry.kind === 'redeem') this.stock += entry.qty!;
    this.entries.push({ worker: entry.worker, kind: 'reverse', points: -entry.points, day: this.day });
    entry.reversedBy = this.entries.length;
    return undefined;
  }
}

describe('the points ledger against a model of its own', () => {
  it("accepts and refuses exactly what the model does, and ends with the model's balances and stock", async () => {
    const refusals = new Map<string, number>();
    let capResets = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
        const fresh = await freshCtx({ today: dayOf(0) });
        const { opened, close } = fresh;
        let ctx = fresh.ctx;
        const model = new Model();
        try {
          for (const phone of PHONES) await addWorker(ctx, { name: '测试', phone, occupation: 'rider' });
          await addRule(ctx, { code: 'small', name: 'small', points: RULES.small.points });
          await addRule(ctx, { code: 'capped', name: 'capped', points: RULES.capped.points, dailyCap: RULES.capped.cap });
          await addGift(ctx, { code: 'g', name: 'gift', cost: GIFT_COST, stock: 1 });
          for (const step of ops) {
            const expected = model.apply(step);
            let refused: Refusal | undefined;
            try {
              if (step.op === 'award') await award(ctx, { worker: PHONES[step.worker]!, rule: step.rule });
              else if (step.op === 'redeem') await redeem(ctx, { worker: PHONES[step.worker]!, gift: 'g', qty: step.qty });
              else if (step.op === 'reverse') await reverse(ctx, step.entry, 'property test');
              else if (step.op === 'restock') await restockGift(ctx, 'g', step.qty);
              else ctx = { ...ctx, clock: makeClock({ TZ: 'Asia/Shanghai', NUANXIN_TODAY: dayOf(model.day) }) };
            } catch (error) {
              if (!(error instanceof NuanxinError)) throw error;
              refused = { key: error.key, params: error.params ?? {} };
            }
            expect(refused?.key, JSON.stringify(step)).toBe(expected?.key);
            if (expected) {
              expect(refused!.params, JSON.stringify(step)).toMatchObject(expected.params);
              refusals.set(expected.key, (refusals.get(expected.key) ?? 0) + 1);
            }
            for (let w = 0; w < PHONES.length; w++) expect((await balanceOf(ctx.db, w + 1)).balance).toBe(model.balances[w]);
            const gift = await ctx.db.selectFrom('gifts').select('stock').executeTakeFirstOrThrow();
            expect(gift.stock).toBe(model.stock);
          }
          const entries = await ctx.db.selectFrom('point_entries').select(['id', 'business_date']).orderBy('id').execute();
          expect(entries.map((e) => e.business_date)).toEqual(model.entries.map((e) => dayOf(e.day)));
          const report = await checkDatabase(opened.engineChecks(), ctx.db);
          expect(report.checks.filter((c) => !c.ok)).toEqual([]);
          capResets += model.capResets;
        } finally {
          await close();
        }
      }),
      { numRuns: RUNS, examples: EDGES },
    );
    // The generator must reach every edge, or the property proves little: each refusal, and a cap
    // that a new day lifts.
    const seen = Object.fromEntries(refusals);
    for (const key of ['points.short_balance', 'points.out_of_stock', 'points.short_both', 'points.daily_cap', 'points.would_go_negative', 'points.already_reversed']) {
      expect(refusals.get(key) ?? 0, `${key} in ${JSON.stringify(seen)}`).toBeGreaterThan(0);
    }
    expect(capResets).toBeGreaterThan(0);
  }, 180_000);

  it('says what is short when both the balance and the stock are', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      await addWorker(ctx, { name: '测试', phone: PHONES[0]!, occupation: 'rider' });
      await addGift(ctx, { code: 'g', name: 'gift', cost: GIFT_COST, stock: 1 });
      const error = await redeem(ctx, { worker: PHONES[0]!, gift: 'g', qty: 2 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NuanxinError);
      expect((error as NuanxinError).key).toBe('points.short_both');
      expect((error as NuanxinError).params).toMatchObject({ balance: 0, cost: 20, stock: 1, qty: 2 });
    } finally {
      await close();
    }
  });
});
