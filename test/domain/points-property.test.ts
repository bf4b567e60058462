// A model-based test of the points ledger: the test keeps its own model of balances, stock, daily-cap
// counts and reversals, and checks every command's outcome — accepted, or refused and why — against it.
// `db check` is a second oracle, not the only one: a bug that refuses everything fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/domain/admin/check.js';
import { addGift, addRule, restockGift } from '../../src/domain/points/catalogue.js';
import { balanceOf } from '../../src/domain/points/ledger.js';
import { award, redeem, reverse } from '../../src/domain/points/operations.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { NuanxinError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';

const PHONES = ['13800000001', '13800000002', '13800000003'];
const RULES = { small: { points: 7, cap: null }, capped: { points: 15, cap: 2 } } as const;
const GIFT_COST = 10;
const RUNS = Number(process.env.NUANXIN_PROPERTY_RUNS ?? 60);

type Op =
  | { op: 'award'; worker: number; rule: keyof typeof RULES }
  | { op: 'redeem'; worker: number; qty: number }
  | { op: 'reverse'; entry: number }
  | { op: 'restock'; qty: number };

// Biased so that balances and stock run out often: redemptions and reversals are as likely as awards,
// restocks rare and small, and reversals aim at entries that exist.
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('award' as const), worker: fc.integer({ min: 0, max: 2 }), rule: fc.constantFrom('small' as const, 'capped' as const) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('redeem' as const), worker: fc.integer({ min: 0, max: 2 }), qty: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('reverse' as const), entry: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restock' as const), qty: fc.integer({ min: 1, max: 2 }) }) },
);

type ModelEntry = { worker: number; kind: 'award' | 'redeem' | 'reverse'; points: number; rule?: keyof typeof RULES; qty?: number; reversed: boolean };

/** What the programme's rules say should happen, kept apart from the code under test. */
class Model {
  balances = [0, 0, 0];
  stock = 1;
  entries: ModelEntry[] = []; // entry id = index + 1

  cappedToday(worker: number): number {
    return this.entries.filter((e) => e.worker === worker && e.kind === 'award' && e.rule === 'capped' && !e.reversed).length;
  }

  /** Applies `op`; returns undefined when accepted, or the refusal's message key. */
  apply(op: Op): string | undefined {
    if (op.op === 'award') {
      const rule = RULES[op.rule];
      if (rule.cap !== null && this.cappedToday(op.worker) >= rule.cap) return 'points.daily_cap';
      this.balances[op.worker]! += rule.points;
      this.entries.push({ worker: op.worker, kind: 'award', points: rule.points, rule: op.rule, reversed: false });
      return undefined;
    }
    if (op.op === 'redeem') {
      const cost = GIFT_COST * op.qty;
      const shortPoints = this.balances[op.worker]! < cost;
      const shortStock = this.stock < op.qty;
      if (shortPoints && shortStock) return 'points.short_both';
      if (shortPoints) return 'points.short_balance';
      if (shortStock) return 'points.out_of_stock';
      this.balances[op.worker]! -= cost;
      this.stock -= op.qty;
      this.entries.push({ worker: op.worker, kind: 'redeem', points: -cost, qty: op.qty, reversed: false });
      return undefined;
    }
    if (op.op === 'reverse') {
      const entry = this.entries[op.entry - 1];
      if (!entry) return 'points.entry_not_found';
      if (entry.kind === 'reverse') return 'points.not_reversible';
      if (entry.reversed) return 'points.already_reversed';
      if (this.balances[entry.worker]! - entry.points < 0) return 'points.would_go_negative';
      this.balances[entry.worker]! -= entry.points;
      if (entry.kind === 'redeem') this.stock += entry.qty!;
      entry.reversed = true;
      this.entries.push({ worker: entry.worker, kind: 'reverse', points: -entry.points, reversed: false });
      return undefined;
    }
    this.stock += op.qty;
    return undefined;
  }
}

describe('the points ledger against a model of its own', () => {
  it("accepts and refuses exactly what the model does, and ends with the model's balances and stock", async () => {
    let refusals = 0;
    let shortBoth = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), async (ops) => {
        const { ctx, opened, close } = await freshCtx({ today: '2026-11-29' });
        const model = new Model();
        try {
          for (const phone of PHONES) await addWorker(ctx, { name: '测试', phone, occupation: 'rider' });
          await addRule(ctx, { code: 'small', name: 'small', points: RULES.small.points });
          await addRule(ctx, { code: 'capped', name: 'capped', points: RULES.capped.points, dailyCap: RULES.capped.cap });
          await addGift(ctx, { code: 'g', name: 'gift', cost: GIFT_COST, stock: 1 });
          for (const step of ops) {
            const expected = model.apply(step);
            let refused: string | undefined;
            try {
              if (step.op === 'award') await award(ctx, { worker: PHONES[step.worker]!, rule: step.rule });
              else if (step.op === 'redeem') await redeem(ctx, { worker: PHONES[step.worker]!, gift: 'g', qty: step.qty });
              else if (step.op === 'reverse') await reverse(ctx, step.entry, 'property test');
              else await restockGift(ctx, 'g', step.qty);
            } catch (error) {
              if (!(error instanceof NuanxinError)) throw error;
              refused = error.key;
            }
            expect(refused, JSON.stringify(step)).toBe(expected);
            if (refused) refusals += 1;
            if (refused === 'points.short_both') shortBoth += 1;
            for (let w = 0; w < PHONES.length; w++) expect((await balanceOf(ctx.db, w + 1)).balance).toBe(model.balances[w]);
            const gift = await ctx.db.selectFrom('gifts').select('stock').executeTakeFirstOrThrow();
            expect(gift.stock).toBe(model.stock);
          }
          const entries = await ctx.db.selectFrom('point_entries').select('id').execute();
          expect(entries).toHaveLength(model.entries.length);
          const report = await checkDatabase(opened.engineChecks(), ctx.db);
          expect(report.checks.filter((c) => !c.ok)).toEqual([]);
        } finally {
          await close();
        }
      }),
      { numRuns: RUNS },
    );
    // The generator must reach the interesting edges, or the property proves little.
    expect(refusals).toBeGreaterThan(RUNS);
    expect(shortBoth).toBeGreaterThan(0);
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
