// The points area's refusals, each with the field or figure it names, and the figures that are easy to
// get nearly right: spending first from the oldest points, the key a re-imported row is matched on,
// a month's statement, the leaderboard for a community, teams.
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addGift, addRule } from '../../src/domain/points/catalogue.js';
import { expirePoints } from '../../src/domain/points/expiry.js';
import { awardImportPlan } from '../../src/domain/points/import.js';
import { award, redeem, reverse } from '../../src/domain/points/operations.js';
import { statement, top } from '../../src/domain/points/queries.js';
import { addTeam, showTeam } from '../../src/domain/points/teams.js';
import { setSetting } from '../../src/domain/settings.js';
import { COUNT_LIMIT } from '../../src/domain/text/numbers.js';
import { addWorker, setWorkerActive } from '../../src/domain/workers/write.js';
import { UnavailableError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { failingClock } from '../helpers/scenario.js';

const ZHANG = '13800138000';
const LI = '13900139000';

/** An imports row for rows applied by hand to point at. */
async function importRow(ctx: Awaited<ReturnType<typeof freshCtx>>['ctx']): Promise<number> {
  const row = await ctx.db
    .insertInto('imports')
    .values({ kind: 'points', file_name: 'p.csv', sha256: 'x', size: 1, at: 'x', operator: 'tester', source: null, encoding: 'utf-8', content_sha256: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function pointsDistrict(today = '2026-11-29') {
  const opened = await freshCtx({ today });
  const { ctx } = opened;
  await addCommunity(ctx, { name: '夹马营社区' });
  await addCommunity(ctx, { name: '白塔社区' });
  await addWorker(ctx, { name: '张三', phone: ZHANG, occupation: 'rider', community: '夹马营社区' });
  await addWorker(ctx, { name: '李四', phone: LI, occupation: 'courier', community: '白塔社区' });
  await addRule(ctx, { code: 'patrol', name: '安全巡查', points: 10 });
  await addGift(ctx, { code: 'cup', name: '保温杯', cost: 1, stock: 5 });
  return opened;
}

describe('points refusals', () => {
  it('names the figure an award, a redemption or a reversal is refused for', async () => {
    const { ctx, close } = await pointsDistrict();
    try {
      expect(await refusalOf(() => award(ctx, { worker: ZHANG, rule: 'patrol', points: 1.5, reason: '补录' }))).toEqual({
        key: 'invalid.positive',
        params: { field: 'points', value: 1.5, max: COUNT_LIMIT },
      });
      expect(await refusalOf(() => redeem(ctx, { worker: ZHANG, gift: 'cup', qty: 0 }))).toEqual({
        key: 'invalid.positive',
        params: { field: 'qty', value: 0, max: COUNT_LIMIT },
      });
      await addGift(ctx, { code: 'tv', name: '电视机', cost: 2, stock: 1 });
      // Cost exactly at the limit is a figure like any other (here: more than the balance).
      expect(await refusalOf(() => redeem(ctx, { worker: ZHANG, gift: 'cup', qty: COUNT_LIMIT }))).toMatchObject({ key: 'points.short_both' });
      expect(await refusalOf(() => redeem(ctx, { worker: ZHANG, gift: 'tv', qty: COUNT_LIMIT }))).toEqual({
        key: 'invalid.points_total',
        params: { cost: 2 * COUNT_LIMIT, max: COUNT_LIMIT },
      });
      expect(await refusalOf(() => reverse(ctx, 999, '录错'))).toEqual({ key: 'points.entry_not_found', params: { id: 999 }, hint: 'points.entry_not_found.hint' });
      await setWorkerActive(ctx, LI, false, '离职');
      expect(await refusalOf(() => award(ctx, { worker: LI, rule: 'patrol' }))).toEqual({ key: 'points.inactive_worker', params: { phone: '139****9000' } });
    } finally {
      await close();
    }
  });

  it('never reverses a reversal or an expiry, and gives a redeemed gift back to stock', async () => {
    const { ctx, close } = await pointsDistrict('2026-01-05');
    try {
      const old = { ...ctx, clock: { ...ctx.clock, today: () => '2024-03-01' } };
      const earned = await award(old, { worker: ZHANG, rule: 'patrol', date: '2024-03-01' });
      const spent = await redeem(ctx, { worker: ZHANG, gift: 'cup', qty: 2 });
      const undone = await reverse(ctx, spent.id, '退回');
      expect(await ctx.db.selectFrom('gifts').select('stock').where('code', '=', 'cup').executeTakeFirstOrThrow()).toEqual({ stock: 5 });
      expect(await refusalOf(() => reverse(ctx, undone.id, '再退'))).toEqual({ key: 'points.not_reversible', params: { id: undone.id, kind: 'reverse' } });
      await setSetting(ctx, 'points.expiry', 'end_of_following_year');
      const [expired] = await expirePoints(ctx, { asOf: '2026-01-01' });
      // The two points given back are credited on the day of the reversal (2026), so 8 of 2024's are left.
      expect(expired).toMatchObject({ year: 2024, points: 8 });
      expect(await refusalOf(() => reverse(ctx, expired!.entryId!, '恢复'))).toEqual({
        key: 'points.not_reversible',
        params: { id: expired!.entryId, kind: 'expire' },
      });
      expect(earned.points).toBe(10);
    } finally {
      await close();
    }
  });
});

describe('expiry spends the oldest points first', () => {
  it('lets what was spent in 2024 come out of 2023, so all 2024 earnings expire after 2025', async () => {
    const { ctx, close } = await pointsDistrict('2026-01-05');
    try {
      const on = (today: string) => ({ ...ctx, clock: { ...ctx.clock, today: () => today } });
      await award(on('2023-03-01'), { worker: ZHANG, rule: 'patrol', date: '2023-03-01' });
      await redeem(on('2024-02-01'), { worker: ZHANG, gift: 'cup', qty: 4, date: '2024-02-01' });
      await award(on('2024-06-01'), { worker: ZHANG, rule: 'patrol', date: '2024-06-01' });
      await award(on('2024-07-01'), { worker: LI, rule: 'patrol', date: '2024-07-01' });
      await setSetting(ctx, 'points.expiry', 'end_of_following_year');
      expect(await refusalOf(() => expirePoints(ctx, { asOf: '明年' }))).toMatchObject({ key: 'invalid.date', params: { field: 'as-of' } });
      const due = await expirePoints(ctx, { asOf: '2026-01-01', dryRun: true });
      expect(due.map(({ year, points }) => ({ year, points }))).toEqual([
        { year: 2023, points: 6 },
        { year: 2024, points: 10 },
        { year: 2024, points: 10 },
      ]);
      expect(due.map((d) => d.workerId)).toEqual([1, 1, 2]);
    } finally {
      await close();
    }
  });
});

describe('a points file imported again', () => {
  it('matches a row without a ref on worker, rule, the date as written and the note, kept in that form', async () => {
    const { ctx, close } = await pointsDistrict();
    try {
      const plan = awardImportPlan(ctx);
      const id = await importRow(ctx);
      await inTransaction(ctx, async (trx) => {
        await plan.apply(trx, { phone: ZHANG, rule: 'patrol', date: '2026-11-01', note: '夜巡' }, id, 2);
        await plan.apply(trx, { phone: LI, rule: 'patrol' }, id, 3);
      });
      const keys = await ctx.db.selectFrom('point_entries').select('dedupe_key').orderBy('id').execute();
      expect(keys.map((k) => k.dedupe_key)).toEqual(['1|1|2026-11-01|夜巡', '2|1||']);
      expect(await refusalOf(() => inTransaction(ctx, async (trx) => plan.apply(trx, { phone: LI, rule: 'patrol' }, id, 4)))).toEqual({
        key: 'points.duplicate_row',
        params: { id: 2 },
      });
    } finally {
      await close();
    }
  });

  it('stops the import on a fault that is not the row’s, instead of rejecting the row', async () => {
    const { ctx, close } = await pointsDistrict();
    try {
      const id = await importRow(ctx);
      const busy = new UnavailableError({ key: 'db.busy', params: {}, hintKey: 'db.busy.hint' });
      const broken = new Error('disk went away');
      for (const fault of [busy, broken]) {
        const failing = failingClock(ctx, fault);
        const outcome = await inTransaction(ctx, (trx) => (async () => awardImportPlan(failing).apply(trx, { phone: ZHANG, rule: 'patrol' }, id, 2))()).catch(
          (error: unknown) => error,
        );
        expect(outcome).toBe(fault);
      }
    } finally {
      await close();
    }
  });
});

describe('a month’s statement and the leaderboard', () => {
  it.each([['2024-00'], ['2024-13'], ['2024-3'], ['x2024-03'], ['2024-03x'], ['2024-03-01']])('refuses %s as a month', async (month) => {
    const { ctx, close } = await pointsDistrict();
    try {
      expect(await refusalOf(() => statement(ctx.db, ZHANG, month))).toEqual({ key: 'invalid.month', params: { value: month } });
    } finally {
      await close();
    }
  });

  it('states a month from its first day to its last', async () => {
    const { ctx, close } = await pointsDistrict();
    try {
      await award(ctx, { worker: ZHANG, rule: 'patrol', date: '2024-02-10' });
      expect(await statement(ctx.db, ZHANG, '2024-02')).toMatchObject({ from: '2024-02-01', to: '2024-02-29', opening: 0, closing: 10 });
      expect(await statement(ctx.db, ZHANG, '2024-09')).toMatchObject({ from: '2024-09-01', to: '2024-09-30', opening: 10, closing: 10 });
    } finally {
      await close();
    }
  });

  it('ranks nobody for a community unknown or none at all', async () => {
    const { ctx, close } = await pointsDistrict();
    try {
      await award(ctx, { worker: ZHANG, rule: 'patrol' });
      expect((await top(ctx.db, { community: '夹马营社区' })).map((r) => r.name)).toEqual(['张三']);
      expect(await top(ctx.db, { community: '无此社区' })).toEqual([]);
      expect(await top(ctx.db, { communityIds: [] })).toEqual([]);
      expect((await top(ctx.db, { communityIds: [1] })).map((r) => r.name)).toEqual(['张三']);
    } finally {
      await close();
    }
  });
});

describe('teams', () => {
  it('refuses a blank or taken name and an unknown team, and counts members and their points', async () => {
    const { ctx, close } = await pointsDistrict();
    try {
      expect(await refusalOf(() => addTeam(ctx, { name: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'name' } });
      await addTeam(ctx, { name: '夹马营安全宣传队' });
      expect(await refusalOf(() => addTeam(ctx, { name: '夹马营安全宣传队' }))).toEqual({ key: 'team.exists', params: { name: '夹马营安全宣传队' } });
      expect(await refusalOf(() => showTeam(ctx.db, '无此队'))).toEqual({ key: 'team.not_found', params: { name: '无此队' }, hint: 'team.not_found.hint' });
    } finally {
      await close();
    }
  });
});
