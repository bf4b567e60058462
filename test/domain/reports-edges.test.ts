// The reports at their edges, with figures counted by hand: a report for one community leaves out
// another's visits, publicity, money, points, wishes and stations; a 街道 without communities counts
// nothing; a community's table has no subtotal; 街道 sort by pinyin with the communities of no 街道 last;
// a station opened on the period's last day is open; medicine expired and expiring; points net of
// expired points; overdue claims; the change from the week before; the share of the year elapsed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { fundIn } from '../../src/domain/funds/ledger.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addPublicity } from '../../src/domain/outreach/publicity.js';
import { addVisit } from '../../src/domain/outreach/visits.js';
import { addGift, addRule } from '../../src/domain/points/catalogue.js';
import { expirePoints } from '../../src/domain/points/expiry.js';
import { award, redeem } from '../../src/domain/points/operations.js';
import { annualReport } from '../../src/domain/reports/annual.js';
import { wishesByCategory } from '../../src/domain/reports/breakdowns.js';
import { communitiesReport } from '../../src/domain/reports/communities.js';
import { pointFigures, stationFigures, wishFigures, workerFigures } from '../../src/domain/reports/figures.js';
import { weekPeriod, yearPeriod } from '../../src/domain/reports/period.js';
import { programmeReport } from '../../src/domain/reports/programme.js';
import { resolveScope } from '../../src/domain/reports/scope.js';
import { weeklyReport } from '../../src/domain/reports/weekly.js';
import { setSetting } from '../../src/domain/settings.js';
import { STANDARD_ITEMS } from '../../src/domain/stations/amenities.js';
import { addStation } from '../../src/domain/stations/write.js';
import { addUnit } from '../../src/domain/units/units.js';
import { addWish, cancelWish, claimWish, followUpWish, fulfilWish, publishWishes } from '../../src/domain/wishes/write.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { onDay } from '../helpers/scenario.js';

const TZ = 'Asia/Shanghai';
const BAI = '13100131000';
const JIA = '13800138000';
const JIU = '13700137000';
const HE = '13600136000';
const NEW = '13500135000';
/** 2026-11-16 … 2026-11-22; the week before is 2026-11-09 … 2026-11-15. */
const W47 = weekPeriod('2026-W47');

let ctx: Ctx;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' }));
  const early = onDay(ctx, '2024-05-01');
  // A community of no 街道 first: the sort must still put it last.
  await addCommunity(early, { name: '白塔社区' });
  await addCommunity(early, { name: '夹马营社区', subdistrict: '西关街道' });
  await addCommunity(early, { name: '九都路社区', subdistrict: '西关街道' });
  await addCommunity(early, { name: '和平里社区', subdistrict: '东关街道' });
  // A 街道 entered in pinyin (it sorts after the Chinese ones), and another community of no 街道, added last.
  await addCommunity(early, { name: '滨河社区', subdistrict: 'Xinhe' });
  await addCommunity(early, { name: '安宁社区' });
  // A 街道 with no community yet.
  await ctx.db.insertInto('subdistricts').values({ name: '新城街道', created_at: '2024-05-01T02:00:00.000Z' }).execute();
  for (const [name, phone, community] of [
    ['白一', BAI, '白塔社区'],
    ['夹一', JIA, '夹马营社区'],
    ['九一', JIU, '九都路社区'],
    ['和一', HE, '和平里社区'],
  ] as const) {
    await addWorker(early, { name, phone, occupation: 'rider', community });
  }
  await addWorker(onDay(ctx, '2026-11-17'), { name: '新一', phone: NEW, occupation: 'courier', community: '夹马营社区' });
  await addUnit(ctx, { name: '区总工会', type: 'union' });

  // Stations: fully equipped, opened on the week's last day; medicine expired; medicine expiring; opened the day after.
  await addStation(ctx, { name: '夹马营驿站', community: '夹马营社区', amenities: [...STANDARD_ITEMS], medicineExpiresOn: '2027-06-01', openedOn: '2026-11-22' });
  await addStation(ctx, { name: '西关驿站', community: '夹马营社区', amenities: 'seating,medicine', medicineExpiresOn: '2026-11-01', openedOn: '2025-01-01' });
  await addStation(ctx, { name: '和平里驿站', community: '和平里社区', amenities: 'seating,water,medicine', medicineExpiresOn: '2026-12-10', openedOn: '2025-01-01' });
  await addStation(ctx, { name: '白塔驿站', community: '白塔社区', amenities: [...STANDARD_ITEMS], medicineExpiresOn: '2027-06-01', openedOn: '2026-11-23' });

  // Points: 10 earned in 2024 and expired in week 47; 40 awarded and 20 redeemed in week 47, 10 awarded the week before.
  await addRule(ctx, { code: 'errand', name: '爱心跑腿', points: 10 });
  await addGift(ctx, { code: 'raincoat', name: '骑手雨衣', cost: 20, stock: 9 });
  await award(ctx, { worker: JIA, rule: 'errand', date: '2024-06-01' });
  await award(ctx, { worker: HE, rule: 'errand', date: '2026-11-10' });
  for (const [worker, date] of [
    [JIA, '2026-11-17'],
    [NEW, '2026-11-18'],
    [HE, '2026-11-18'],
    [HE, '2026-11-19'],
  ] as const) {
    await award(ctx, { worker, rule: 'errand', date });
  }
  await redeem(ctx, { worker: HE, gift: 'raincoat', date: '2026-11-20' });
  await setSetting(ctx, 'points.expiry', 'end_of_following_year');
  expect(await expirePoints(ctx, { asOf: '2026-11-18' })).toMatchObject([{ year: 2024, points: 10 }]);

  // Wishes: 夹马营's and 和平里's claims overdue by week 47's end; 九都路's fulfilled and followed up; 和平里's other cancelled.
  const wish = (worker: string, title: string) => addWish(onDay(ctx, '2026-11-02'), { title, category: 'appliance', worker });
  const jia = await wish(JIA, '电饭煲');
  const jiu = await wish(JIU, '电风扇');
  const heCancelled = await wish(HE, '热水壶');
  const heOverdue = await wish(HE, '微波炉');
  await publishWishes(onDay(ctx, '2026-11-03'), {});
  await claimWish(onDay(ctx, '2026-11-05'), jia, { sponsor: '区总工会', pledge: '200', due: '2026-11-12' });
  await claimWish(onDay(ctx, '2026-11-06'), heOverdue, { sponsor: '区总工会', due: '2026-11-13' });
  await claimWish(onDay(ctx, '2026-11-16'), jiu, { sponsor: '区总工会', pledge: '80' });
  await fulfilWish(onDay(ctx, '2026-11-18'), jiu, { cost: '60' });
  await followUpWish(onDay(ctx, '2026-11-20'), jiu, '已回访');
  await cancelWish(onDay(ctx, '2026-11-19'), heCancelled, '已搬走');

  // The year: visits, publicity and money in two communities.
  await addVisit(ctx, { to: '美团西关站', by: '区总工会', date: '2026-06-01', workersMet: 15, action: 'points', community: '夹马营社区' });
  await addVisit(ctx, { to: '滴滴和平里站', by: '区总工会', date: '2026-06-01', workersMet: 8, action: 'points', community: '和平里社区' });
  await addPublicity(ctx, { action: 'wishes', channel: 'wechat', title: '微心愿认领', date: '2026-06-02', reach: 800, community: '夹马营社区' });
  await addPublicity(ctx, { action: 'wishes', channel: 'video', title: '心愿短视频', date: '2026-06-03', reach: 500, community: '和平里社区' });
  await fundIn(ctx, { from: '区总工会', amount: '5000', action: 'wishes', date: '2026-03-01', community: '夹马营社区' });
  await fundIn(ctx, { from: '区总工会', amount: '3000', action: 'wishes', date: '2026-03-01', community: '和平里社区' });
});
afterAll(() => close());

const district = () => resolveScope(ctx.db, {}, TZ);
const jiama = () => resolveScope(ctx.db, { community: '夹马营社区' }, TZ);
const xincheng = () => resolveScope(ctx.db, { subdistrict: '新城街道' }, TZ);

describe('stations in a week', () => {
  it('counts a station opened on the last day, medicine expired and expiring, and each community’s fully equipped', async () => {
    const report = await weeklyReport(ctx.db, W47, await district());
    expect(report.stations).toEqual({ open: 3, fully_equipped: 1, with_gaps: 2, medicine_expired: 1, medicine_expiring: 1, average_score: 47 });
    expect(report.charts.compliance_by_community).toEqual([
      { community: '和平里社区', stations: 1, fully_equipped: 0 },
      { community: '夹马营社区', stations: 2, fully_equipped: 1 },
    ]);
    // The gaps list the stations that fall short, not the fully equipped one.
    expect(report.details.station_gaps.map((s) => [s.name, s.medicine])).toEqual([
      ['西关驿站', 'expired'],
      ['和平里驿站', 'expiring'],
    ]);
    // The week before: the station opened on 11-22 was not yet open.
    expect(report.previous.stations).toMatchObject({ open: 2, fully_equipped: 0, with_gaps: 2 });
  });

  it('for one community: its stations alone', async () => {
    const figures = await stationFigures(ctx.db, W47, await jiama());
    expect({ open: figures.open, medicine_expired: figures.medicine_expired, medicine_expiring: figures.medicine_expiring, byCommunity: figures.byCommunity }).toEqual({
      open: 2,
      medicine_expired: 1,
      medicine_expiring: 0,
      byCommunity: [{ community: '夹马营社区', stations: 2, fullyEquipped: 1 }],
    });
  });
});

describe('points and wishes in a week', () => {
  it('nets expired points out, for the district and for one community', async () => {
    expect(await pointFigures(ctx.db, W47, await district())).toEqual({ awarded: 40, redeemed: 20, reversed: 0, expired: 10, net: 10, earners: 3 });
    expect(await pointFigures(ctx.db, W47, await jiama())).toEqual({ awarded: 20, redeemed: 0, reversed: 0, expired: 10, net: 10, earners: 2 });
  });

  it('charts the twelve weeks ending with the period’s', async () => {
    const weeks = (await weeklyReport(ctx.db, W47, await district())).charts.points_by_week;
    expect(weeks).toHaveLength(12);
    expect(weeks[0]).toEqual({ week: '2026-W36', from: '2026-08-31', awarded: 0, redeemed: 0 });
    expect(weeks.slice(9)).toEqual([
      { week: '2026-W45', from: '2026-11-02', awarded: 0, redeemed: 0 },
      { week: '2026-W46', from: '2026-11-09', awarded: 10, redeemed: 0 },
      { week: '2026-W47', from: '2026-11-16', awarded: 40, redeemed: 20 },
    ]);
    expect(weeks.slice(0, 10).every((w) => w.awarded === 0 && w.redeemed === 0)).toBe(true);
  });

  it('counts wishes followed up, cancelled and overdue, each in its scope', async () => {
    expect(await wishFigures(ctx.db, W47, await district())).toEqual({
      collected: 0,
      listed: 0,
      claimed: 1,
      fulfilled: 1,
      followed_up: 1,
      cancelled: 1,
      overdue: 2,
      pledged_yuan: 80,
      spent_yuan: 60,
    });
    expect(await wishFigures(ctx.db, W47, await jiama())).toEqual({
      collected: 0,
      listed: 0,
      claimed: 0,
      fulfilled: 0,
      followed_up: 0,
      cancelled: 0,
      overdue: 1,
      pledged_yuan: 0,
      spent_yuan: 0,
    });
  });

  it('charts wishes by their state now, and breaks one community’s down by category', async () => {
    const report = await weeklyReport(ctx.db, W47, await district());
    expect(report.charts.wishes_by_state).toEqual({ collected: 0, listed: 0, claimed: 2, fulfilled: 0, followed_up: 1, cancelled: 1 });
    expect(await wishesByCategory(ctx.db, await jiama())).toEqual([{ category: 'appliance', status: 'claimed', count: 1 }]);
    expect(await wishesByCategory(ctx.db, await district())).toEqual([
      { category: 'appliance', status: 'cancelled', count: 1 },
      { category: 'appliance', status: 'claimed', count: 2 },
      { category: 'appliance', status: 'followed_up', count: 1 },
    ]);
  });

  it('differences the numeric figures from the week before, not a breakdown', async () => {
    const report = await weeklyReport(ctx.db, W47, await district());
    expect(report.change.workers).toEqual({ active: 1, new: 1, deactivated: 0 });
    expect(report.change.points).toEqual({ awarded: 30, redeemed: 20, reversed: 0, expired: 10, net: 0, earners: 2 });
  });
});

describe('a 街道 without communities', () => {
  it('is resolved to no community, and counts nothing', async () => {
    const scope = await xincheng();
    expect(scope).toEqual({ communityIds: [], subdistrict: '新城街道', timeZone: TZ });
    expect(await workerFigures(ctx.db, W47, scope)).toMatchObject({ active: 0, new: 0, deactivated: 0 });
    expect(await pointFigures(ctx.db, W47, scope)).toEqual({ awarded: 0, redeemed: 0, reversed: 0, expired: 0, net: 0, earners: 0 });
    const report = await weeklyReport(ctx.db, W47, scope);
    expect(report.wishes).toMatchObject({ followed_up: 0, cancelled: 0, overdue: 0 });
    expect(report.charts.wishes_by_state).toEqual({ collected: 0, listed: 0, claimed: 0, fulfilled: 0, followed_up: 0, cancelled: 0 });
    expect(await wishesByCategory(ctx.db, scope)).toEqual([]);
    expect((await communitiesReport(ctx.db, W47, scope)).rows).toEqual([]);
  });
});

describe('the all-communities table', () => {
  it('sorts 街道 by pinyin, each with its subtotal, the communities of no 街道 last, then the district', async () => {
    const table = await communitiesReport(ctx.db, W47, await district());
    expect(table.rows.map((r) => [r.level, r.subdistrict, r.community, r.figures['workers.active']])).toEqual([
      ['community', '东关街道', '和平里社区', 1],
      ['subdistrict', '东关街道', null, 1],
      ['community', '西关街道', '夹马营社区', 2],
      ['community', '西关街道', '九都路社区', 1],
      ['subdistrict', '西关街道', null, 3],
      ['community', 'Xinhe', '滨河社区', 0],
      ['subdistrict', 'Xinhe', null, 0],
      ['community', null, '安宁社区', 0],
      ['community', null, '白塔社区', 1],
      ['subdistrict', null, null, 1],
      ['district', null, null, 5],
    ]);
  });

  it('for one community: its row alone, no subtotal', async () => {
    const table = await communitiesReport(ctx.db, W47, await jiama());
    expect(table.rows.map((r) => [r.level, r.subdistrict, r.community, r.figures['workers.active'], r.figures['stations.fully_equipped']])).toEqual([
      ['community', '西关街道', '夹马营社区', 2, 1],
    ]);
  });
});

describe('the annual report', () => {
  it('for one community: its visits, publicity, channels and money, and its row alone', async () => {
    const report = await annualReport(ctx.db, { year: '2026', today: '2026-11-29', scope: await jiama() });
    const points = report.actions.find((a) => a.key === 'points')!;
    const wishes = report.actions.find((a) => a.key === 'wishes')!;
    expect([points.visits, wishes.publicity, wishes.funds.in_yuan]).toEqual([{ visits: 1, workers_met: 15 }, { items: 1, reach: 800 }, 5000]);
    expect(report.publicity).toEqual({ items: 1, reach: 800, by_channel: { wechat: 1 } });
    expect(report.money.funds).toEqual({ opening_yuan: 0, in_yuan: 5000, out_yuan: 0, reversed_yuan: 0, closing_yuan: 5000 });
    expect(report.subdistricts.map((r) => [r.level, r.community])).toEqual([['community', '夹马营社区']]);
  });

  it('for the district: everyone’s, and a row per 街道', async () => {
    const report = await annualReport(ctx.db, { year: '2026', today: '2026-11-29', scope: await district() });
    expect(report.actions.find((a) => a.key === 'points')!.visits).toEqual({ visits: 2, workers_met: 23 });
    expect(report.publicity).toEqual({ items: 2, reach: 1300, by_channel: { video: 1, wechat: 1 } });
    expect(report.subdistricts.map((r) => [r.level, r.subdistrict])).toEqual([
      ['subdistrict', '东关街道'],
      ['subdistrict', '西关街道'],
      ['subdistrict', 'Xinhe'],
      ['subdistrict', null],
      ['district', null],
    ]);
  });

  it('gives the share of the year elapsed, counting both ends', async () => {
    const elapsed = async (today: string) => (await annualReport(ctx.db, { year: '2026', today, scope: await xincheng() })).elapsed_percent;
    // 14 March is the 73rd day of 365: 20 %.
    expect([await elapsed('2026-01-01'), await elapsed('2026-03-14'), await elapsed('2026-12-31')]).toEqual([0, 20, 100]);
  });
});

describe('programme, periods and scopes', () => {
  it('marks an action with no figures as not tracked', async () => {
    const actions = [
      { no: 1, key: 'counted', figures: async () => ({ open: 3 }) },
      { no: 2, key: 'untracked', figures: async () => ({}) },
    ];
    const report = await programmeReport(ctx.db, W47, await district(), actions);
    expect(report.actions).toEqual([
      { no: 1, key: 'counted', tracked: true, figures: [{ key: 'open', current: 3, previous: 3, change: 0 }] },
      { no: 2, key: 'untracked', tracked: false, figures: [] },
    ]);
  });

  it('refuses a year with more than four digits or more after them', async () => {
    for (const value of ['02026', '2026-11']) {
      expect(await refusalOf(() => yearPeriod(value, '2026-11-29'))).toEqual({ key: 'report.bad_year', params: { value } });
    }
  });

  it('suggests every close 街道 for an unknown one, comma-separated', async () => {
    expect(await refusalOf(() => resolveScope(ctx.db, { subdistrict: '南关街道' }, TZ))).toEqual({
      key: 'subdistrict.not_found_suggest',
      params: { name: '南关街道', suggestions: '东关街道, 西关街道' },
      hint: 'subdistrict.not_found.hint',
    });
  });
});
