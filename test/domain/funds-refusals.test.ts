// Funds at their edges: the field or figure each refusal names, what `--for` may name (found and not),
// the filters of the ledger and the balances, and the day's balance a spending is checked against.
import { describe, expect, it } from 'vitest';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { fundBalances, fundIn, fundMovements, fundOut, getEntry, listFunds, lowestBalanceFrom, reverseFund } from '../../src/domain/funds/ledger.js';
import { recordVisit } from '../../src/domain/programme/care.js';
import { addSite } from '../../src/domain/programme/childcare.js';
import { addEvent } from '../../src/domain/programme/events.js';
import { addUnit } from '../../src/domain/units/units.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

async function fundsDistrict() {
  const opened = await freshCtx({ today: '2026-11-29' });
  const { ctx } = opened;
  await addCommunity(ctx, { name: '夹马营社区' });
  await addCommunity(ctx, { name: '白塔社区' });
  await addUnit(ctx, { name: '区总工会', type: 'union' });
  await addUnit(ctx, { name: '顺丰速运', type: 'company' });
  return opened;
}

describe('money in and out refused', () => {
  it('names the amount, date, note, purpose and reason it refuses', async () => {
    const { ctx, close } = await fundsDistrict();
    try {
      const base = { from: '区总工会', action: 'stations' };
      expect(await refusalOf(() => fundIn(ctx, { ...base, amount: '一千' }))).toMatchObject({ key: 'invalid.money', params: { field: 'amount' } });
      expect(await refusalOf(() => fundIn(ctx, { ...base, amount: '0' }))).toEqual({ key: 'fund.bad_amount', params: { value: '0' } });
      expect(await refusalOf(() => fundIn(ctx, { ...base, amount: ' ' }))).toEqual({ key: 'fund.bad_amount', params: { value: ' ' } });
      expect(await refusalOf(() => fundIn(ctx, { ...base, amount: '10', date: '昨天' }))).toMatchObject({ key: 'invalid.date', params: { field: 'date' } });
      expect(await refusalOf(() => fundIn(ctx, { ...base, amount: '10', note: '字'.repeat(201) }))).toEqual({ key: 'visit.too_long', params: { field: 'note', limit: 200 } });
      expect(await refusalOf(() => fundIn(ctx, { ...base, amount: '10', note: '字'.repeat(200) }))).toBe('accepted');
      const out = { action: 'stations', amount: '1' };
      expect(await refusalOf(() => fundOut(ctx, { ...out, purpose: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'purpose' } });
      expect(await refusalOf(() => fundOut(ctx, { ...out, purpose: '字'.repeat(201) }))).toEqual({ key: 'visit.too_long', params: { field: 'purpose', limit: 200 } });
      expect(await refusalOf(() => fundOut(ctx, { ...out, purpose: '桌椅', date: '昨天' }))).toMatchObject({ key: 'invalid.date', params: { field: 'date' } });
      expect(await refusalOf(() => fundOut(ctx, { ...out, purpose: '桌椅', note: '字'.repeat(201) }))).toEqual({ key: 'visit.too_long', params: { field: 'note', limit: 200 } });
      expect(await refusalOf(() => fundOut(ctx, { ...out, purpose: '桌椅', for: '飞机' }))).toMatchObject({ key: 'fund.bad_for', params: { value: '飞机' } });
      expect(await refusalOf(() => reverseFund(ctx, 1, ' '))).toEqual({ key: 'invalid.required', params: { field: 'reason' } });
      expect(await refusalOf(() => reverseFund(ctx, 1, '字'.repeat(201)))).toEqual({ key: 'visit.too_long', params: { field: 'reason', limit: 200 } });
      expect(await refusalOf(() => reverseFund(ctx, 99, '录错'))).toEqual({ key: 'fund.not_found', params: { id: 99 }, hint: 'fund.not_found.hint' });
      expect(await refusalOf(() => getEntry(ctx.db, 99))).toEqual({ key: 'fund.not_found', params: { id: 99 }, hint: 'fund.not_found.hint' });
    } finally {
      await close();
    }
  });

  it('checks what --for names: each kind found, not found, or not named', async () => {
    const { ctx, close } = await fundsDistrict();
    try {
      await fundIn(ctx, { from: '区总工会', amount: '100', action: 'stations', date: '2026-11-01' });
      await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
      await addSite(ctx, { name: '夹马营托管点', community: '夹马营社区', capacity: 5, from: '2026-07-01', to: '2026-08-31' });
      await addEvent(ctx, { type: '急救培训', title: '骑手急救培训', date: '2026-07-20', community: '夹马营社区' });
      await recordVisit(ctx, { worker: '13800138000', date: '2026-07-14', by: '夹马营社区' });
      // A second visit and no second event: care 2 is found among visits, not events.
      await recordVisit(ctx, { worker: '13800138000', date: '2026-07-15', by: '夹马营社区' });
      const spend = (forKind: string, forRef?: string) => fundOut(ctx, { action: 'stations', amount: '1', purpose: '物资', for: forKind, forRef, date: '2026-11-02' });
      expect((await spend('site', '夹马营托管点')).forId).toBe(1);
      expect((await spend('event', '1')).forId).toBe(1);
      expect((await spend('care', '2')).forId).toBe(2);
      expect((await spend('other')).forId).toBeNull();
      for (const [kind, ref] of [
        ['site', '无此托管点'],
        ['event', '2'],
        ['care', '3'],
        ['wish', '1'],
        ['wish', '第一个'],
      ]) {
        expect(await refusalOf(() => spend(kind!, ref))).toEqual({ key: 'fund.for_not_found', params: { kind, ref }, terms: { kind: 'fund_target' } });
      }
      expect(await refusalOf(() => spend('event'))).toEqual({ key: 'fund.for_which', params: { kind: 'event' }, terms: { kind: 'fund_target' } });
    } finally {
      await close();
    }
  });
});

describe('the ledger read back', () => {
  it('filters entries by date and unit, and balances by action, dates and community', async () => {
    const { ctx, close } = await fundsDistrict();
    try {
      await fundIn(ctx, { from: '区总工会', amount: '100', action: 'stations', date: '2026-10-01', community: '夹马营社区' });
      await fundIn(ctx, { from: '顺丰速运', amount: '50', action: 'wishes', date: '2026-11-01', community: '白塔社区' });
      await fundOut(ctx, { action: 'stations', amount: '30', purpose: '桌椅', date: '2026-11-15', community: '夹马营社区' });
      const ids = async (filter: Parameters<typeof listFunds>[1]) => (await listFunds(ctx.db, filter)).map((e) => e.id);
      expect(await ids({ to: '2026-10-31' })).toEqual([1]);
      expect(await ids({ from: '2026-11-01', to: '2026-11-01' })).toEqual([2]);
      expect(await ids({ unitId: 2 })).toEqual([2]);
      const figures = async (filter: Parameters<typeof fundBalances>[1]) => (await fundBalances(ctx.db, filter)).map((b) => [b.action, b.inFen, b.outFen, b.balanceFen]);
      expect(await figures({})).toEqual([
        ['stations', 10000, 3000, 7000],
        ['wishes', 5000, 0, 5000],
      ]);
      expect(await figures({ action: 'wishes' })).toEqual([['wishes', 5000, 0, 5000]]);
      expect(await figures({ from: '2026-11-01' })).toEqual([
        ['stations', 0, 3000, -3000],
        ['wishes', 5000, 0, 5000],
      ]);
      expect(await figures({ to: '2026-10-31' })).toEqual([['stations', 10000, 0, 10000]]);
      expect(await figures({ communityIds: [2] })).toEqual([['wishes', 5000, 0, 5000]]);
      expect(await figures({ communityIds: [] })).toEqual([]);
      const moved = async (communityIds?: number[]) => [...(await fundMovements(ctx.db, { from: '2026-11-01', to: '2026-11-30', communityIds })).entries()];
      expect(await moved()).toEqual([
        ['stations', { openingFen: 10000, inFen: 0, outFen: 3000, reversedFen: 0, closingFen: 7000 }],
        ['wishes', { openingFen: 0, inFen: 5000, outFen: 0, reversedFen: 0, closingFen: 5000 }],
      ]);
      expect(await moved([2])).toEqual([['wishes', { openingFen: 0, inFen: 5000, outFen: 0, reversedFen: 0, closingFen: 5000 }]]);
      expect(await moved([])).toEqual([]);
    } finally {
      await close();
    }
  });

  it('checks a spending against the lowest balance from its day on, the day’s own receipts counted', async () => {
    const { ctx, close } = await fundsDistrict();
    try {
      await fundIn(ctx, { from: '区总工会', amount: '100', action: 'stations', date: '2026-11-01' });
      await fundOut(ctx, { action: 'stations', amount: '80', purpose: '桌椅', date: '2026-11-03' });
      await fundIn(ctx, { from: '区总工会', amount: '100', action: 'stations', date: '2026-11-05' });
      expect(
        await Promise.all(['2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'].map((d) => lowestBalanceFrom(ctx.db, 'stations', d))),
      ).toEqual([0, 2000, 2000, 2000, 2000, 12000, 12000]);
    } finally {
      await close();
    }
  });
});
