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

type Op =
  | { op: 'award'; worker: number; rule: 'small' | 'capped' }
  | { op: 'redeem'; worker: number; qty: number }
  | { op: 'reverse'; entry: number }
  | { op: 'restock'; qty: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('award' as const), worker: fc.integer({ min: 0, max: 2 }), rule: fc.constantFrom('small' as const, 'capped' as const) }),
  fc.record({ op: fc.constant('redeem' as const), worker: fc.integer({ min: 0, max: 2 }), qty: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ op: fc.constant('reverse' as const), entry: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('restock' as const), qty: fc.integer({ min: 1, max: 3 }) }),
);

describe('the points ledger under random sequences', () => {
  it('keeps every invariant after each step; refused steps change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 25 }), async (ops) => {
        const { ctx, opened, close } = await freshCtx({ today: '2026-11-29' });
        try {
          for (const phone of PHONES) await addWorker(ctx, { name: '测试', phone, occupation: 'rider' });
          await addRule(ctx, { code: 'small', name: 'small', points: 7 });
          await addRule(ctx, { code: 'capped', name: 'capped', points: 15, dailyCap: 2 });
          await addGift(ctx, { code: 'g', name: 'gift', cost: 10, stock: 1 });
          for (const step of ops) {
            const before = await snapshot();
            try {
              if (step.op === 'award') await award(ctx, { worker: PHONES[step.worker]!, rule: step.rule });
              else if (step.op === 'redeem') await redeem(ctx, { worker: PHONES[step.worker]!, gift: 'g', qty: step.qty });
              else if (step.op === 'reverse') await reverse(ctx, step.entry, 'property test');
              else await restockGift(ctx, 'g', step.qty);
            } catch (error) {
              if (!(error instanceof NuanxinError)) throw error;
              expect(['refused', 'not_found']).toContain(error.kind);
              expect(await snapshot()).toEqual(before);
            }
            const report = await checkDatabase(opened.sqlite, ctx.db);
            expect(report.checks.filter((c) => !c.ok)).toEqual([]);
            for (let w = 1; w <= PHONES.length; w++) expect((await balanceOf(ctx.db, w)).balance).toBeGreaterThanOrEqual(0);
          }
        } finally {
          await close();
        }

        async function snapshot() {
          const entries = await ctx.db.selectFrom('point_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
          const balances = await ctx.db.selectFrom('point_balances').selectAll().orderBy('worker_id').execute();
          const gifts = await ctx.db.selectFrom('gifts').select('stock').execute();
          return { entries: Number(entries.n), balances, gifts };
        }
      }),
      { numRuns: 40, verbose: 2 },
    );
  }, 120_000);
});
