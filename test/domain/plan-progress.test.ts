// A year's targets against what was done: which targets a filter lists and in what order, each
// target's actual, expected share, percent and flag on the days where the flag turns, the place a
// target belongs to, and the values and owners the office types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/domain/audit.js';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { assignAction, listActionOwners } from '../../src/domain/plan/actions.js';
import { clearTarget, listTargets, setTarget, targetsOfPlace, targetsReport } from '../../src/domain/plan/targets.js';
import { addUnit } from '../../src/domain/units/units.js';
import { addWish } from '../../src/domain/wishes/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { onDay } from '../helpers/scenario.js';

const zone = 'Asia/Shanghai';
let ctx: Ctx;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, close } = await freshCtx({ today: '2026-03-01', now: '2026-03-01T02:00:00.000Z' }));
  await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
  await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });
  await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
  await addWorker(ctx, { name: '李四', phone: '13900139000', occupation: 'courier', community: '和平里社区' });
  // Two wishes in 夹马营 in March, one in 和平里: 3 collected in the district by spring.
  await addWish(ctx, { title: '电饭煲', category: 'appliance', worker: '13800138000' });
  await addWish(ctx, { title: '头盔', category: 'daily', worker: '13800138000' });
  await addWish(ctx, { title: '童书', category: 'child', worker: '13900139000' });
  // Set out of order on purpose: the list sorts them.
  await setTarget(ctx, { action: 'stations', metric: 'fully_equipped', value: 1, year: 2026 });
  await setTarget(ctx, { action: 'wishes', metric: 'collected', value: 2, year: 2026, community: '夹马营社区' });
  await setTarget(ctx, { action: 'wishes', metric: 'collected', value: 1, year: 2026, community: '和平里社区' });
  await setTarget(ctx, { action: 'wishes', metric: 'collected', value: 5, year: 2026, subdistrict: '西关街道' });
  await setTarget(ctx, { action: 'wishes', metric: 'collected', value: 6, year: 2026 });
  await setTarget(ctx, { action: 'stations', metric: 'open', value: 0, year: 2026 });
  await setTarget(ctx, { action: 'wishes', metric: 'fulfilled', value: 3, year: 2026 });
});
afterAll(() => close());

const keyOf = (t: { action: string; metric: string; place: string | null }) => `${t.action}.${t.metric}@${t.place ?? '区'}`;

describe('listing targets', () => {
  it('sorts by action, then figure, then district before 街道 before community, communities by pinyin', async () => {
    expect((await listTargets(ctx.db, { year: 2026 })).map(keyOf)).toEqual([
      'stations.open@区',
      'stations.fully_equipped@区',
      'wishes.collected@区',
      'wishes.collected@西关街道',
      'wishes.collected@和平里社区',
      'wishes.collected@夹马营社区',
      'wishes.fulfilled@区',
    ]);
  });

  it('keeps to one action, one community, or one 街道 with its communities', async () => {
    expect((await listTargets(ctx.db, { year: 2026, action: '1' })).map(keyOf)).toEqual(['stations.open@区', 'stations.fully_equipped@区']);
    expect((await listTargets(ctx.db, { year: 2026, community: '和平里社区' })).map(keyOf)).toEqual(['wishes.collected@和平里社区']);
    expect((await listTargets(ctx.db, { year: 2026, subdistrict: '西关街道' })).map(keyOf)).toEqual(['wishes.collected@西关街道', 'wishes.collected@夹马营社区']);
    expect(await listTargets(ctx.db, { year: 2027 })).toEqual([]);
  });

  it('refuses a community and a 街道 together', async () => {
    expect(await refusalOf(() => listTargets(ctx.db, { year: 2026, community: '和平里社区', subdistrict: '西关街道' }))).toEqual({
      key: 'report.community_or_subdistrict',
      params: {},
    });
  });
});

describe('progress through the year', () => {
  const progress = async (today: string, year = 2026) => {
    const report = await targetsReport(ctx.db, { year, today, timeZone: zone });
    return { report, of: (key: string) => report.targets.find((t) => keyOf(t) === key)! };
  };

  it('on 30 June, half the year gone: 3 of 6 expected is on track, a target of 0 is met, a target nothing counts toward is behind', async () => {
    const { report, of } = await progress('2026-06-30');
    expect(report).toMatchObject({ year: 2026, as_of: '2026-06-30', elapsed_percent: 49, community: null, subdistrict: null });
    // 181 of 365 days: ceil(6 × 0.4959) = 3, exactly the 3 collected.
    expect(of('wishes.collected@区')).toMatchObject({ actual: 3, expected: 3, percent: 50, missing: 3, status: 'on_track' });
    expect(of('stations.open@区')).toMatchObject({ value: 0, actual: 0, percent: 100, missing: 0, status: 'met_early' });
    expect(of('wishes.fulfilled@区')).toMatchObject({ actual: 0, expected: 2, percent: 0, missing: 3, status: 'behind' });
    // Each target against its own place's figure: two in 夹马营 (the 街道's too), one in 和平里.
    expect(of('wishes.collected@西关街道')).toMatchObject({ actual: 2, expected: 3, percent: 40, status: 'behind' });
    expect(of('wishes.collected@夹马营社区')).toMatchObject({ actual: 2, percent: 100, missing: 0, status: 'met_early' });
    expect(of('wishes.collected@和平里社区')).toMatchObject({ actual: 1, status: 'met_early' });
  });

  it('on 3 July one more is expected: 3 of 6 is behind', async () => {
    const { of } = await progress('2026-07-03');
    expect(of('wishes.collected@区')).toMatchObject({ actual: 3, expected: 4, status: 'behind' });
  });

  it('on 31 December the year is not over yet; on 1 January it is', async () => {
    const last = await progress('2026-12-31');
    expect(last.report).toMatchObject({ as_of: '2026-12-31', elapsed_percent: 100 });
    expect(last.of('wishes.collected@夹马营社区').status).toBe('met_early');
    expect(last.of('wishes.collected@区')).toMatchObject({ expected: 6, status: 'behind' });
    const after = await progress('2027-01-01');
    expect(after.report).toMatchObject({ as_of: '2026-12-31', elapsed_percent: 100 });
    expect(after.of('wishes.collected@夹马营社区').status).toBe('met');
    expect(after.of('wishes.collected@区')).toMatchObject({ actual: 3, missing: 3, status: 'missed' });
  });

  it('before its year starts, nothing has started and nothing is counted', async () => {
    await setTarget(onDay(ctx, '2026-12-01'), { action: 'wishes', metric: 'collected', value: 4, year: 2027 });
    const { report } = await targetsReport(ctx.db, { year: 2027, today: '2026-12-01', timeZone: zone }).then((r) => ({ report: r }));
    expect(report).toMatchObject({ as_of: '2026-12-31', elapsed_percent: 0 });
    expect(report.targets).toEqual([expect.objectContaining({ year: 2027, actual: 0, expected: 0, percent: 0, missing: 4, status: 'not_started' })]);
    await clearTarget(onDay(ctx, '2026-12-01'), { action: 'wishes', metric: 'collected', year: 2027 });
  });

  it('a place’s report holds that place’s own targets only', async () => {
    const of = (place: { community?: string; subdistrict?: string }) => targetsOfPlace(ctx.db, { year: 2026, today: '2026-06-30', timeZone: zone, ...place });
    expect((await of({ community: '夹马营社区' })).map(keyOf)).toEqual(['wishes.collected@夹马营社区']);
    expect((await of({ subdistrict: '西关街道' })).map(keyOf)).toEqual(['wishes.collected@西关街道']);
    expect((await of({})).map(keyOf)).toEqual(['stations.open@区', 'stations.fully_equipped@区', 'wishes.collected@区', 'wishes.fulfilled@区']);
    const report = await targetsReport(ctx.db, { year: 2026, today: '2026-06-30', timeZone: zone, community: ' 夹马营社区 ' });
    expect([report.community, report.subdistrict]).toEqual(['夹马营社区', null]);
  });
});

describe('target values and places', () => {
  it('takes a whole number up to a thousand million, spaces trimmed', async () => {
    expect((await setTarget(ctx, { action: 'points', metric: 'awarded', value: ' 7 ', year: 2026 })).value).toBe(7);
    expect((await setTarget(ctx, { action: 'points', metric: 'awarded', value: '1000000000', year: 2026 })).value).toBe(1_000_000_000);
    for (const value of ['1000000001', '9999999999', '1.5', '-1', '']) {
      expect(await refusalOf(() => setTarget(ctx, { action: 'points', metric: 'awarded', value, year: 2026 }))).toEqual({ key: 'target.bad_value', params: { value } });
    }
    await clearTarget(ctx, { action: 'points', metric: 'awarded', year: 2026 });
  });

  it('names the place in a refusal to clear a target that is not set, and nothing for the district', async () => {
    expect(await refusalOf(() => clearTarget(ctx, { action: 'skills', metric: 'events', year: 2026, community: '和平里社区' }))).toMatchObject({
      key: 'target.not_found',
      params: { action: 'skills', metric: 'events', year: 2026, place: ' 和平里社区 ' },
      hint: 'target.not_found.hint',
    });
    expect(await refusalOf(() => clearTarget(ctx, { action: 'skills', metric: 'events', year: 2026, subdistrict: '西关街道' }))).toMatchObject({
      params: { place: ' 西关街道 ' },
    });
    expect(await refusalOf(() => clearTarget(ctx, { action: 'skills', metric: 'events', year: 2026 }))).toMatchObject({ params: { place: '' } });
  });
});

describe('who owns an action', () => {
  it('takes responsible units in one flag, split at any comma or 、, spaces trimmed, each once', async () => {
    await addUnit(ctx, { name: '区总工会', type: 'union' });
    await addUnit(ctx, { name: '区卫健委', type: 'department' });
    await addUnit(ctx, { name: '区人社局', type: 'department' });
    const owners = await assignAction(ctx, { action: 'health', year: 2026, lead: '区总工会', responsible: [' 区卫健委 、区人社局，', '区卫健委, 区人社局'] });
    expect(owners).toEqual({ no: 4, action: 'health', year: 2026, lead: '区总工会', responsible: ['区卫健委', '区人社局'] });
    expect((await listActionOwners(ctx.db, 2026)).find((a) => a.action === 'health')).toEqual(owners);
  });

  it('refuses the lead unit among the responsible ones, naming it', async () => {
    expect(await refusalOf(() => assignAction(ctx, { action: 'health', year: 2026, lead: '区总工会', responsible: ['区卫健委、区总工会'] }))).toEqual({
      key: 'action.lead_also_responsible',
      params: { name: '区总工会' },
    });
  });
});

describe('a second district', () => {
  it('sorts communities by pinyin, not by code point, and keys a cleared district target by figure and year alone', async () => {
    const fresh = await freshCtx({ today: '2026-03-01', now: '2026-03-01T02:00:00.000Z' });
    try {
      // By code point 东 (U+4E1C) < 和 (U+548C) < 安 (U+5B89); by pinyin an < dong < he; made in neither order.
      for (const [community, subdistrict] of [
        ['安定门社区', '安定门街道'],
        ['和平里社区', '和平里街道'],
        ['东四社区', '东四街道'],
      ]) {
        await addCommunity(fresh.ctx, { name: community!, subdistrict: subdistrict! });
        await setTarget(fresh.ctx, { action: 'wishes', metric: 'collected', value: 1, year: 2026, community: community! });
      }
      expect((await listTargets(fresh.ctx.db, { year: 2026 })).map(keyOf)).toEqual(['wishes.collected@安定门社区', 'wishes.collected@东四社区', 'wishes.collected@和平里社区']);
      await setTarget(fresh.ctx, { action: 'wishes', metric: 'fulfilled', value: 2, year: 2026 });
      await clearTarget(fresh.ctx, { action: 'wishes', metric: 'fulfilled', year: 2026 });
      expect((await listAudit(fresh.ctx.db, { entity: 'target' })).map((a) => [a.action, a.entityKey])).toEqual([
        ['create', 'wishes.collected/2026/安定门社区'],
        ['create', 'wishes.collected/2026/和平里社区'],
        ['create', 'wishes.collected/2026/东四社区'],
        ['create', 'wishes.fulfilled/2026'],
        ['delete', 'wishes.fulfilled/2026'],
      ]);
    } finally {
      await fresh.close();
    }
  });
});
