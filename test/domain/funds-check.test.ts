// db check on the money ledger (SQLite: the damage is written past its CHECK constraints): each kind of damage a broken import or a hand edit could leave is
// named, entry by entry; a sound ledger shows none.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { fundIn, fundOut, reverseFund } from '../../src/domain/funds/ledger.js';
import { FUND_INVARIANTS } from '../../src/domain/funds/invariants.js';
import { addStation } from '../../src/domain/stations/write.js';
import { addUnit } from '../../src/domain/units/units.js';
import { freshCtx } from '../helpers/db.js';
import { onPostgres } from '../helpers/pg.js';

describe.skipIf(onPostgres)('[SQLite] db check on the money ledger', () => {
  it('names each entry that does not add up, and nothing in a sound ledger', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      expect(FUND_INVARIANTS.map((i) => i.name)).toEqual([
        'every money reversal negates the entry it reverses',
        'money in is positive, money out negative',
        "no action's money balance is below zero",
        'every money entry has an action, a real date and a fitting target',
        'what money was spent on still exists',
      ]);
      await addUnit(ctx, { name: '区总工会', type: 'union' });
      await addStation(ctx, { name: '驿站', community: '夹马营社区' }, { createCommunity: true });
      await fundIn(ctx, { from: '区总工会', amount: '1000', action: 'stations', date: '2026-11-01' });
      await fundOut(ctx, { action: 'stations', amount: '100', purpose: '桌椅', for: 'station', forRef: 'ST0001', date: '2026-11-02' });
      await reverseFund(ctx, 2, '退货');
      await fundIn(ctx, { from: '区总工会', amount: '500', action: 'wishes', date: '2026-11-01' });
      await fundIn(ctx, { from: '区总工会', amount: '10', action: 'skills', date: '2026-11-01' });
      const run = async () => (await Promise.all(FUND_INVARIANTS.map(async (i) => (await i.run(ctx.db)).map((p) => [i.name, p.key, p.params])))).flat();
      expect(await run()).toEqual([]);

      await sql`pragma ignore_check_constraints = on`.execute(ctx.db);
      await sql`pragma foreign_keys = off`.execute(ctx.db);
      const entry = (values: Record<string, unknown>) => {
        const row = {
          kind: 'in',
          action: 'stations',
          amount_fen: 100,
          unit_id: 1,
          purpose: null,
          for_kind: null,
          for_id: null,
          community_id: null,
          business_date: '2026-11-03',
          reverses_id: null,
          note: null,
          operator: 'x',
          created_at: 'x',
          ...values,
        };
        return sql`insert into fund_entries (kind, action, amount_fen, unit_id, purpose, for_kind, for_id, community_id, business_date, reverses_id, note, operator, created_at)
          values (${row.kind}, ${row.action}, ${row.amount_fen}, ${row.unit_id}, ${row.purpose}, ${row.for_kind}, ${row.for_id}, ${row.community_id}, ${row.business_date}, ${row.reverses_id}, ${row.note}, ${row.operator}, ${row.created_at})`.execute(
          ctx.db,
        );
      };
      await entry({ kind: 'reverse', amount_fen: -999, reverses_id: 1 }); // 6: not the negation of 1
      await entry({ kind: 'reverse', amount_fen: -10000, reverses_id: 99 }); // 7: reverses nothing
      await entry({ kind: 'reverse', amount_fen: -10000, reverses_id: 3 }); // 8: reverses a reversal
      await entry({ kind: 'reverse', amount_fen: -50000, reverses_id: 4, action: 'stations' }); // 9: another action's entry
      await entry({ kind: 'in', amount_fen: 0 }); // 10: in, not positive
      await entry({ kind: 'out', amount_fen: 5, unit_id: null, purpose: 'x' }); // 11: out, not negative
      await entry({ kind: 'out', action: 'skills', amount_fen: -1500, unit_id: null, purpose: 'x', business_date: '2026-11-05' }); // 12: skills below zero
      await entry({ kind: 'in', action: null }); // 13: no action
      await entry({ kind: 'in', unit_id: null }); // 14: in from no unit
      await entry({ kind: 'in', for_kind: 'station', for_id: 1 }); // 15: in for a target
      await entry({ kind: 'out', amount_fen: -1, unit_id: null, purpose: 'x', reverses_id: 5 }); // 16: out that names an entry it reverses
      await entry({ business_date: '2026-02-30' }); // 17: not a real date
      await entry({ business_date: '2026/11/03' }); // 18: not ISO
      await entry({ kind: 'out', amount_fen: -1, unit_id: null, purpose: 'x', for_kind: 'wish', for_id: 42 }); // 19: a wish that is not there
      await entry({ kind: 'out', amount_fen: -1, unit_id: null, purpose: 'x', for_kind: 'station', for_id: 9 }); // 20: a station that is not there
      const found = await run();
      const ids = (name: string) => found.filter(([n]) => n === name).map(([, , p]) => (p as { id: number }).id);
      expect(ids('every money reversal negates the entry it reverses')).toEqual([6, 7, 8, 9]);
      expect(ids('money in is positive, money out negative')).toEqual([10, 11]);
      expect(found.filter(([n]) => n === "no action's money balance is below zero")).toEqual([
        ["no action's money balance is below zero", 'dbcheck.detail.fund_balance', { action: 'skills', date: '2026-11-05', yuan: '-5.00' }],
      ]);
      expect(ids('every money entry has an action, a real date and a fitting target')).toEqual([13, 14, 15, 16, 17, 18]);
      expect(ids('what money was spent on still exists')).toEqual([19, 20]);
      // Every entry found is named as an entry (the balance check names an action and a day).
      const keys = new Set(found.filter(([n]) => n !== "no action's money balance is below zero").map(([, key]) => key));
      expect([...keys]).toEqual(['dbcheck.detail.fund_entry']);
      expect((await FUND_INVARIANTS[2]!.run(ctx.db)).map((p) => p.terms)).toEqual([{ action: 'action' }]);
    } finally {
      await close();
    }
  });
});
