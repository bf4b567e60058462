// Three weeks of a district's work across two 街道, then every report the office sends upward — weekly
// (district, 街道, community), programme, communities, annual, targets, and the breakdowns — compared
// whole. The seeded figures are small enough to count by hand; the snapshot was checked against them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { fundIn, fundOut } from '../../src/domain/funds/ledger.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addOpinion, moveOpinion } from '../../src/domain/outreach/opinions.js';
import { addPublicity } from '../../src/domain/outreach/publicity.js';
import { addVisit } from '../../src/domain/outreach/visits.js';
import { assignAction } from '../../src/domain/plan/actions.js';
import { setTarget, targetsReport } from '../../src/domain/plan/targets.js';
import { addGift, addRule } from '../../src/domain/points/catalogue.js';
import { award, redeem, reverse } from '../../src/domain/points/operations.js';
import { addTeam, changeMembership } from '../../src/domain/points/teams.js';
import { recordVisit, setMeasures, addMerchant } from '../../src/domain/programme/care.js';
import { applyHousing, moveHousing, openDispute, updateDispute } from '../../src/domain/programme/cases.js';
import { addSite, addVolunteers, enrol } from '../../src/domain/programme/childcare.js';
import { addEvent, attend } from '../../src/domain/programme/events.js';
import { annualReport } from '../../src/domain/reports/annual.js';
import { pointsByRule, wishesByCategory, workerBreakdown } from '../../src/domain/reports/breakdowns.js';
import { communitiesReport } from '../../src/domain/reports/communities.js';
import { isoWeek, lastCompleteWeek, mondayOf, previousPeriod, resolvePeriod, weekPeriod, yearPeriod } from '../../src/domain/reports/period.js';
import { programmeReport } from '../../src/domain/reports/programme.js';
import { resolveScope } from '../../src/domain/reports/scope.js';
import { weeklyReport } from '../../src/domain/reports/weekly.js';
import { addStation, closeStation } from '../../src/domain/stations/write.js';
import { addUnit } from '../../src/domain/units/units.js';
import { addWish, claimWish, fulfilWish, publishWishes } from '../../src/domain/wishes/write.js';
import { addWorker, setWorkerActive } from '../../src/domain/workers/write.js';
import type { NuanxinError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';
import { onPostgres } from '../helpers/pg.js';

const TZ = 'Asia/Shanghai';
const PHONES = ['13800138000', '13900139000', '13700137000', '13600136000', '13500135000', '13300133000'];

/** The district on a given day: the clock's today and now move together. */
function on(ctx: Ctx, day: string): Ctx {
  return { ...ctx, clock: { ...ctx.clock, today: () => day, now: () => new Date(`${day}T02:00:00.000Z`) } };
}

async function seed(ctx: Ctx): Promise<void> {
  const d1 = on(ctx, '2026-11-10');
  await addCommunity(d1, { name: '夹马营社区', subdistrict: '西关街道' });
  await addCommunity(d1, { name: '九都路社区', subdistrict: '西关街道' });
  await addCommunity(d1, { name: '和平里社区', subdistrict: '和平里街道' });
  const places = ['夹马营社区', '夹马营社区', '九都路社区', '和平里社区', '和平里社区', '九都路社区'];
  const jobs = ['rider', 'rider', 'courier', 'ride_hailing', 'rider', 'streamer'];
  const platforms = ['美团', '饿了么', '顺丰', '滴滴', '美团', undefined];
  for (const [i, phone] of PHONES.entries()) {
    await addWorker(d1, { name: `工人${i + 1}`, phone, occupation: jobs[i]!, community: places[i]!, platform: platforms[i] });
  }
  await addUnit(d1, { name: '区总工会', type: 'union' });
  await addUnit(d1, { name: '区卫健委', type: 'department' });
  await addStation(d1, { name: '夹马营驿站', community: '夹马营社区', amenities: 'seating,water,microwave,cooling,reading,medicine,charging', medicineExpiresOn: '2027-01-01' });
  await addStation(d1, { name: '和平里驿站', community: '和平里社区', amenities: 'seating,water' });
  await addStation(d1, { name: '九都路驿站', community: '九都路社区', amenities: 'seating' });
  await addRule(d1, { code: 'errand', name: '爱心跑腿', points: 10, dailyCap: 3 });
  await addRule(d1, { code: 'patrol', name: '安全巡查', points: 5 });
  await addRule(d1, { code: 'event', name: '参加活动', points: 3 });
  await addGift(d1, { code: 'raincoat', name: '骑手雨衣', cost: 20, stock: 5 });
  await assignAction(d1, { action: 'wishes', year: 2026, lead: '区总工会', responsible: ['区卫健委'] });
  await setTarget(d1, { action: 'wishes', metric: 'collected', value: 10, year: 2026 });
  await setTarget(d1, { action: 'wishes', metric: 'fulfilled', value: 4, year: 2026, subdistrict: '西关街道' });
  await setTarget(d1, { action: 'points', metric: 'awarded', value: 200, year: 2026, community: '夹马营社区' });
  await setTarget(d1, { action: 'stations', metric: 'open', value: 4, year: 2026 });
  await fundIn(d1, { from: '区总工会', amount: '5000', action: 'wishes', date: '2026-11-10' });

  // Week 46 (11-09 … 11-15) and week 47 (11-16 … 11-22); a little in week 48.
  for (const [day, phone, rule] of [
    ['2026-11-10', PHONES[0], 'errand'],
    ['2026-11-10', PHONES[0], 'errand'],
    ['2026-11-11', PHONES[1], 'patrol'],
    ['2026-11-12', PHONES[3], 'errand'],
    ['2026-11-17', PHONES[0], 'patrol'],
    ['2026-11-18', PHONES[2], 'errand'],
    ['2026-11-19', PHONES[4], 'errand'],
    ['2026-11-24', PHONES[5], 'patrol'],
  ] as const) {
    await award(on(ctx, day), { worker: phone!, rule });
  }
  await redeem(on(ctx, '2026-11-18'), { worker: PHONES[0]!, gift: 'raincoat' });
  await reverse(on(ctx, '2026-11-19'), 3, '录错了');
  const wishes = [
    ['电饭煲', 'appliance', PHONES[0]],
    ['书包', 'child', PHONES[1]],
    ['护膝', 'daily', PHONES[2]],
    ['体检', 'health', PHONES[3]],
    ['充电宝', 'daily', PHONES[4]],
  ] as const;
  for (const [title, category, phone] of wishes) await addWish(on(ctx, '2026-11-11'), { title, category, worker: phone });
  await publishWishes(on(ctx, '2026-11-12'), {});
  await claimWish(on(ctx, '2026-11-13'), 1, { sponsor: '区总工会', pledge: '200' });
  await claimWish(on(ctx, '2026-11-17'), 2, { sponsor: '区卫健委' });
  await claimWish(on(ctx, '2026-11-17'), 4, { sponsor: '区总工会', due: '2026-11-20' });
  await fulfilWish(on(ctx, '2026-11-18'), 1, { cost: '189' });
  await fulfilWish(on(ctx, '2026-11-19'), 2, { cost: '60.5' });
  await fundOut(on(ctx, '2026-11-18'), { action: 'wishes', amount: '189', purpose: '电饭煲', for: 'wish', forRef: '1' });
  await addEvent(on(ctx, '2026-11-10'), { type: 'first_aid', title: '急救培训', date: '2026-11-14', community: '夹马营社区', capacity: 3, rule: 'event' });
  await addEvent(on(ctx, '2026-11-10'), { type: 'skills', title: '电动车维修培训', date: '2026-11-18', community: '和平里社区' });
  await addEvent(on(ctx, '2026-11-10'), { type: 'legal', title: '劳动法宣讲', date: '2026-11-19', community: '九都路社区' });
  await attend(on(ctx, '2026-11-14'), 1, [PHONES[0]!, PHONES[1]!, PHONES[2]!, PHONES[3]!]);
  await attend(on(ctx, '2026-11-18'), 2, [PHONES[3]!, PHONES[4]!], { headcount: 12 });
  await attend(on(ctx, '2026-11-19'), 3, [PHONES[2]!]);
  await addSite(on(ctx, '2026-11-10'), { name: '夹马营托管点', community: '夹马营社区', capacity: 2, courses: '篮球,美术' });
  await enrol(on(ctx, '2026-11-11'), { site: '夹马营托管点', worker: PHONES[0]!, child: '小明', age: 8 });
  await enrol(on(ctx, '2026-11-17'), { site: '夹马营托管点', worker: PHONES[1]!, child: '小红', age: 9 });
  await enrol(on(ctx, '2026-11-17'), { site: '夹马营托管点', worker: PHONES[2]!, child: '小刚', age: 7 });
  await addVolunteers(on(ctx, '2026-11-17'), '夹马营托管点', 2, { kind: 'student' });
  await applyHousing(on(ctx, '2026-11-10'), { worker: PHONES[3]!, household: 3 });
  await moveHousing(on(ctx, '2026-11-12'), 1, 'eligible', {});
  await moveHousing(on(ctx, '2026-11-17'), 1, 'allocated', { address: '公租房1号楼' });
  await openDispute(on(ctx, '2026-11-11'), { worker: PHONES[0]!, type: 'wages', via: 'hotline', amount: '3000' });
  await openDispute(on(ctx, '2026-11-18'), { caller: '赵先生', type: 'injury', via: 'walk_in' });
  await updateDispute(on(ctx, '2026-11-19'), 1, { status: 'resolved', outcome: '调解', recovered: '2800' });
  await recordVisit(on(ctx, '2026-11-12'), { worker: PHONES[5]!, date: '2026-11-12', by: '九都路社区', support: '300' });
  await setMeasures(on(ctx, '2026-11-16'), '夹马营社区', { set: 'door_signs,rider_parking,hot_water' });
  await addMerchant(on(ctx, '2026-11-17'), { name: '老王面馆', community: '和平里社区', offers: 'hot_water' });
  await addTeam(on(ctx, '2026-11-10'), { name: '西关安全宣传队', community: '夹马营社区' });
  await changeMembership(on(ctx, '2026-11-11'), '西关安全宣传队', [PHONES[0]!, PHONES[1]!], false);
  await addOpinion(on(ctx, '2026-11-12'), { text: '希望增加充电桩', topic: 'charging', from: PHONES[0], date: '2026-11-12' });
  await addOpinion(on(ctx, '2026-11-18'), { text: '小区不让进', topic: 'parking', community: '和平里社区', date: '2026-11-18' });
  await moveOpinion(on(ctx, '2026-11-19'), 1, { status: 'answered', note: '已协调' });
  await addPublicity(on(ctx, '2026-11-13'), { action: 'wishes', channel: 'wechat', title: '微心愿认领', reach: 800, community: '夹马营社区' });
  await addVisit(on(ctx, '2026-11-18'), { to: '美团西关站', by: '区总工会', workersMet: 15, action: 'points', community: '夹马营社区' });
  await setWorkerActive(on(ctx, '2026-11-20'), PHONES[4]!, false, '离职');
  await closeStation(on(ctx, '2026-11-21'), 'ST0003', '合并');
}

describe.skipIf(onPostgres)('[SQLite] the office reports over three weeks, compared whole', () => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshCtx({ today: '2026-11-25', now: '2026-11-25T02:00:00.000Z' });
    ctx = fresh.ctx;
    close = fresh.close;
    await seed(ctx);
    return () => close();
  });

  it('periods: ISO weeks, the last complete week, a year so far, the one before', () => {
    expect([mondayOf('2026-11-22'), mondayOf('2026-11-23'), isoWeek('2026-11-22'), isoWeek('2026-11-23'), isoWeek('2027-01-01'), isoWeek('2026-12-28')]).toEqual([
      '2026-11-16',
      '2026-11-23',
      '2026-W47',
      '2026-W48',
      '2026-W53',
      '2026-W53',
    ]);
    expect(weekPeriod('2026-W47')).toEqual({ from: '2026-11-16', to: '2026-11-22', week: '2026-W47' });
    expect(lastCompleteWeek('2026-11-25')).toEqual({ from: '2026-11-16', to: '2026-11-22', week: '2026-W47' });
    expect(lastCompleteWeek('2026-11-23')).toEqual({ from: '2026-11-16', to: '2026-11-22', week: '2026-W47' });
    expect(yearPeriod('2026', '2026-11-25')).toEqual({ from: '2026-01-01', to: '2026-11-25' });
    expect(yearPeriod('2025', '2026-11-25')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(resolvePeriod({ from: '2026-11-10', to: '2026-11-19' }, '2026-11-25')).toEqual({ from: '2026-11-10', to: '2026-11-19' });
    expect(resolvePeriod({}, '2026-11-25')).toEqual(lastCompleteWeek('2026-11-25'));
    expect(previousPeriod(weekPeriod('2026-W47'))).toMatchObject({ from: '2026-11-09', to: '2026-11-15' });
    expect(previousPeriod({ from: '2026-11-10', to: '2026-11-19' })).toEqual({ from: '2026-10-31', to: '2026-11-09' });
    const bad = (run: () => unknown) => {
      try {
        run();
        return 'accepted';
      } catch (error) {
        return (error as NuanxinError).key;
      }
    };
    expect([
      bad(() => weekPeriod('2026-W54')),
      bad(() => weekPeriod('2026-47')),
      bad(() => resolvePeriod({ from: '2026-11-19', to: '2026-11-10' }, '2026-11-25')),
    ]).toMatchSnapshot();
  });

  it('weekly: the district, a 街道 and a community, this week against the last', async () => {
    const week = weekPeriod('2026-W47');
    const district = await weeklyReport(ctx.db, week, await resolveScope(ctx.db, {}, TZ));
    const xiguan = await weeklyReport(ctx.db, week, await resolveScope(ctx.db, { subdistrict: '西关街道' }, TZ));
    const heping = await weeklyReport(ctx.db, week, await resolveScope(ctx.db, { community: '和平里社区' }, TZ));
    expect({ district, xiguan, heping }).toMatchSnapshot();
  });

  it('programme and communities, for the three weeks', async () => {
    const period = { from: '2026-11-09', to: '2026-11-29' };
    const all = await resolveScope(ctx.db, {}, TZ);
    expect({
      programme: await programmeReport(ctx.db, period, all),
      programmeXiguan: await programmeReport(ctx.db, period, await resolveScope(ctx.db, { subdistrict: '西关街道' }, TZ)),
      communities: await communitiesReport(ctx.db, period, all),
    }).toMatchSnapshot();
  });

  it('the year: annual report and targets against what was done', async () => {
    const all = await resolveScope(ctx.db, {}, TZ);
    expect({
      annual: await annualReport(ctx.db, { year: '2026', today: '2026-11-25', scope: all }),
      targets: await targetsReport(ctx.db, { year: 2026, today: '2026-11-25', timeZone: TZ }),
      targetsXiguan: await targetsReport(ctx.db, { year: 2026, subdistrict: '西关街道', today: '2026-11-25', timeZone: TZ }),
    }).toMatchSnapshot();
  });

  it('breakdowns: workers, points by rule, wishes by category', async () => {
    const all = await resolveScope(ctx.db, {}, TZ);
    const jiama = await resolveScope(ctx.db, { community: '夹马营社区' }, TZ);
    expect({
      workers: await workerBreakdown(ctx.db, all),
      workersJiama: await workerBreakdown(ctx.db, jiama),
      points: await pointsByRule(ctx.db, { from: '2026-11-09', to: '2026-11-22' }, all),
      pointsJiama: await pointsByRule(ctx.db, weekPeriod('2026-W46'), jiama),
      wishes: await wishesByCategory(ctx.db, all),
    }).toMatchSnapshot();
  });
});
