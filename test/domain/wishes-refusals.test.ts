// Micro-wishes: the field each refusal names, the defaults a clerk leaves blank, and the day a claim
// becomes overdue or a listing stale — each boundary beside the day just past it.
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addUnit } from '../../src/domain/units/units.js';
import { wishImportPlan } from '../../src/domain/wishes/import.js';
import { listWishes } from '../../src/domain/wishes/read.js';
import { sponsorTotals } from '../../src/domain/wishes/sponsors.js';
import { addWish, cancelWish, claimWish, fulfilWish, publishWishes } from '../../src/domain/wishes/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { UnavailableError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { failingClock, onDay } from '../helpers/scenario.js';

const ZHANG = '13800138000';

async function wishDistrict() {
  const opened = await freshCtx({ today: '2026-11-20' });
  const { ctx } = opened;
  await addCommunity(ctx, { name: '夹马营社区' });
  await addWorker(ctx, { name: '张三', phone: ZHANG, occupation: 'rider', community: '夹马营社区' });
  await addUnit(ctx, { name: '区总工会', type: 'union' });
  return opened;
}

describe('a wish as collected', () => {
  it('takes “other” as the source left blank, and the worker’s own community named again', async () => {
    const { ctx, close } = await wishDistrict();
    try {
      await addWish(ctx, { title: '电饭煲', category: 'appliance', worker: ZHANG, source: ' ', community: '夹马营社区' });
      const [wish] = await listWishes(ctx.db, {}, { today: '2026-11-20', staleDays: 60 });
      expect(wish).toMatchObject({ source: 'other', community: '夹马营社区' });
    } finally {
      await close();
    }
  });
});

describe('moving a wish', () => {
  it('names the field of each date or sum refused, and the wish no one has', async () => {
    const { ctx, close } = await wishDistrict();
    try {
      await addWish(ctx, { title: '电饭煲', category: 'appliance', worker: ZHANG, collectedOn: '2026-11-01' });
      expect(await refusalOf(() => publishWishes(ctx, { date: '昨天' }))).toMatchObject({ key: 'invalid.date', params: { field: 'date' } });
      await publishWishes(ctx, { date: '2026-11-18' });
      expect(await refusalOf(() => claimWish(ctx, 1, { sponsor: '区总工会', date: '昨天' }))).toMatchObject({ key: 'invalid.date', params: { field: 'date' } });
      expect(await refusalOf(() => claimWish(ctx, 1, { sponsor: '区总工会', due: '下周' }))).toMatchObject({ key: 'invalid.date', params: { field: 'due' } });
      expect(await refusalOf(() => claimWish(ctx, 1, { sponsor: '区总工会', pledge: '二百' }))).toMatchObject({ key: 'invalid.money', params: { field: 'pledge' } });
      // Due the day it is claimed is allowed; the day before is not.
      expect(await refusalOf(() => claimWish(ctx, 1, { sponsor: '区总工会', date: '2026-11-19', due: '2026-11-18' }))).toEqual({
        key: 'wish.due_past',
        params: { value: '2026-11-18' },
      });
      expect(await refusalOf(() => claimWish(ctx, 1, { sponsor: '区总工会', date: '2026-11-19', due: '2026-11-19' }))).toBe('accepted');
      expect(await refusalOf(() => fulfilWish(ctx, 1, { date: '昨天' }))).toMatchObject({ key: 'invalid.date', params: { field: 'date' } });
      expect(await refusalOf(() => fulfilWish(ctx, 1, { cost: '一百' }))).toMatchObject({ key: 'invalid.money', params: { field: 'cost' } });
      expect(await refusalOf(() => fulfilWish(ctx, 99, {}))).toMatchObject({ key: 'wish.not_found', params: { id: 99 } });
      expect(await refusalOf(() => cancelWish(ctx, 1, ' '))).toEqual({ key: 'invalid.required', params: { field: 'reason' } });
      await fulfilWish(ctx, 1, {});
      expect(await refusalOf(() => cancelWish(ctx, 1, '重复'))).toEqual({
        key: 'wish.bad_move',
        params: { id: 1, status: 'fulfilled', verb: 'cancel', allowed: 'followed_up', commands: 'wish follow-up' },
        terms: { status: 'wish_status', allowed: 'wish_status' },
      });
    } finally {
      await close();
    }
  });
});

describe('overdue claims and stale listings', () => {
  it('flags a claim from the day after it was due, and a listing older than the stale days', async () => {
    const { ctx, close } = await wishDistrict();
    try {
      for (const title of ['电饭煲', '书包', '护膝', '充电宝']) await addWish(ctx, { title, category: 'daily', worker: ZHANG, collectedOn: '2026-11-01' });
      await publishWishes(onDay(ctx, '2026-11-20'), { date: '2026-11-10' });
      await claimWish(ctx, 1, { sponsor: '区总工会', date: '2026-11-10', due: '2026-11-15' });
      await claimWish(ctx, 2, { sponsor: '区总工会', date: '2026-11-10', due: '2026-11-14' });
      await claimWish(ctx, 3, { sponsor: '区总工会', date: '2026-11-10', due: '2026-11-12' });
      await fulfilWish(ctx, 3, { date: '2026-11-13' });
      const flags = async (today: string, staleDays: number) =>
        (await listWishes(ctx.db, {}, { today, staleDays })).map((w) => `${w.id}${w.overdue ? ' overdue' : ''}${w.stale ? ' stale' : ''}`);
      // As of the 15th: wish 2 (due the 14th) is overdue, wish 1 (due today) is not, fulfilled wish 3 never is.
      expect(await flags('2026-11-15', 5)).toEqual(['1', '2 overdue', '3', '4']);
      // Listed on the 10th: with 5 stale days it is stale from the 16th, not on the 15th.
      expect(await flags('2026-11-16', 5)).toEqual(['1 overdue', '2 overdue', '3', '4 stale']);
      expect((await listWishes(ctx.db, { stale: true }, { today: '2026-11-15', staleDays: 5 })).map((w) => w.id)).toEqual([]);
      expect((await listWishes(ctx.db, { stale: true }, { today: '2026-11-16', staleDays: 5 })).map((w) => w.id)).toEqual([4]);
      expect((await listWishes(ctx.db, { overdue: true }, { today: '2026-11-15', staleDays: 5 })).map((w) => w.id)).toEqual([2]);
      expect(await listWishes(ctx.db, { ids: [] }, { today: '2026-11-15', staleDays: 5 })).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('sponsors', () => {
  it('totals nobody before any unit is registered', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-20' });
    try {
      expect(await sponsorTotals(ctx.db, '2026-11-20')).toEqual([]);
    } finally {
      await close();
    }
  });

  it('totals every unit, or the one named, and refuses a name no unit has', async () => {
    const { ctx, close } = await wishDistrict();
    try {
      await addUnit(ctx, { name: '顺丰速运', type: 'company' });
      expect((await sponsorTotals(ctx.db, '2026-11-20')).map((s) => s.name)).toEqual(['区总工会', '顺丰速运']);
      expect((await sponsorTotals(ctx.db, '2026-11-20', '顺丰速运')).map((s) => s.name)).toEqual(['顺丰速运']);
      expect(await refusalOf(() => sponsorTotals(ctx.db, '2026-11-20', '不存在的单位'))).toMatchObject({ key: 'unit.not_found' });
    } finally {
      await close();
    }
  });
});

describe('a wish sheet imported', () => {
  it('stops on a fault that is not the row’s, instead of rejecting the row', async () => {
    const { ctx, close } = await wishDistrict();
    try {
      const imported = await ctx.db
        .insertInto('imports')
        .values({ kind: 'wishes', file_name: 'w.csv', sha256: 'x', size: 1, at: 'x', operator: 'tester', source: null, encoding: 'utf-8', content_sha256: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const fault of [new UnavailableError({ key: 'db.busy', params: {} }), new Error('disk went away')]) {
        const failing = failingClock(ctx, fault);
        const row = { title: '电饭煲', category: 'appliance', worker: ZHANG, key: 'k' };
        const outcome = await inTransaction(ctx, async (trx) => wishImportPlan(failing).apply(trx, row, imported.id, 2)).catch((error: unknown) => error);
        expect(outcome).toBe(fault);
      }
    } finally {
      await close();
    }
  });
});
