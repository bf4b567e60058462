// What a report is about, as the office or a cron job types it: ISO weeks (with or without the dash,
// week 53 only in the years that have one), a year so far, a range (a Monday-to-Sunday range is that
// week), the default last complete week, each refusal with what it names; and the scope: the district,
// a community or a 街道, refused with the closest names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { isoWeek, lastCompleteWeek, resolvePeriod, weekPeriod, yearPeriod } from '../../src/domain/reports/period.js';
import { resolveScope } from '../../src/domain/reports/scope.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

const today = '2026-11-29';

describe('weeks', () => {
  it.each([
    ['2026-W48', { from: '2026-11-23', to: '2026-11-29', week: '2026-W48' }],
    [' 2026w01 ', { from: '2025-12-29', to: '2026-01-04', week: '2026-W01' }],
    ['2020-W53', { from: '2020-12-28', to: '2021-01-03', week: '2020-W53' }],
  ])('%s is %o', (label, period) => expect(weekPeriod(label)).toEqual(period));

  it.each([['2026-W00'], ['2025-W53'], ['2026-W54'], ['2026-W5'], ['26-W48'], ['x2026-W48'], ['2026-W48x'], ['2026/W48']])('refuses %s, quoting it', async (label) => {
    expect(await refusalOf(() => weekPeriod(label))).toEqual({ key: 'report.bad_week', params: { value: label } });
  });

  it('labels a date with its ISO week: the week’s Thursday decides the year', () => {
    expect([isoWeek('2026-11-29'), isoWeek('2021-01-03'), isoWeek('2024-12-30'), isoWeek('2026-01-05')]).toEqual(['2026-W48', '2020-W53', '2025-W01', '2026-W02']);
  });

  it('the last complete week is the Monday-to-Sunday before this week', () => {
    expect(lastCompleteWeek('2026-11-30')).toEqual({ from: '2026-11-23', to: '2026-11-29', week: '2026-W48' });
    expect(lastCompleteWeek('2026-11-29')).toEqual({ from: '2026-11-16', to: '2026-11-22', week: '2026-W47' });
  });
});

describe('years', () => {
  it('is 1 January to today, or the whole of a past year', () => {
    expect(yearPeriod(' 2026 ', today)).toEqual({ from: '2026-01-01', to: today });
    expect(yearPeriod('2000', today)).toEqual({ from: '2000-01-01', to: '2000-12-31' });
    expect(yearPeriod('2026', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(yearPeriod('2027', '2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-01-01' });
  });

  it.each([['1999'], ['2027'], ['26'], ['x2026'], ['2026x'], ['']])('refuses %j, quoting it', async (value) => {
    expect(await refusalOf(() => yearPeriod(value, today))).toEqual({ key: 'report.bad_year', params: { value } });
  });
});

describe('resolving --week, --from/--to, --year', () => {
  it('takes one of them, else the last complete week', () => {
    expect(resolvePeriod({ year: '2025' }, today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(resolvePeriod({ week: '2026-W10' }, today)).toMatchObject({ week: '2026-W10' });
    expect(resolvePeriod({}, today)).toEqual(lastCompleteWeek(today));
  });

  it('names a Monday-to-Sunday range as its week, and no other range', () => {
    expect(resolvePeriod({ from: '2026-11-23', to: '2026-11-29' }, today)).toEqual({ from: '2026-11-23', to: '2026-11-29', week: '2026-W48' });
    expect(resolvePeriod({ from: '2026-11-24', to: '2026-11-30' }, today)).toEqual({ from: '2026-11-24', to: '2026-11-30' });
    expect(resolvePeriod({ from: '2026-11-23', to: '2026-11-30' }, today)).toEqual({ from: '2026-11-23', to: '2026-11-30' });
    expect(resolvePeriod({ from: '2026-11-23', to: '2026-11-23' }, today)).toEqual({ from: '2026-11-23', to: '2026-11-23' });
  });

  it('refuses two kinds at once, half a range, a range backwards', async () => {
    expect(await refusalOf(() => resolvePeriod({ week: '2026-W48', year: '2026' }, today))).toEqual({ key: 'report.week_or_range', params: {} });
    expect(await refusalOf(() => resolvePeriod({ to: '2026-11-29', year: '2026' }, today))).toEqual({ key: 'report.week_or_range', params: {} });
    expect(await refusalOf(() => resolvePeriod({ from: '2026-11-01' }, today))).toEqual({ key: 'report.need_range', params: { from: '2026-11-01', to: '' } });
    expect(await refusalOf(() => resolvePeriod({ to: '2026-11-01' }, today))).toEqual({ key: 'report.need_range', params: { from: '', to: '2026-11-01' } });
    expect(await refusalOf(() => resolvePeriod({ from: '2026-11-30', to: '2026-11-01' }, today))).toEqual({
      key: 'report.range_backwards',
      params: { from: '2026-11-30', to: '2026-11-01' },
    });
  });
});

describe('scopes', () => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await freshCtx({ today }));
    await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
    await addCommunity(ctx, { name: '西关社区', subdistrict: '西关街道' });
  });
  afterAll(() => close());

  it('is the district, one community or one 街道’s communities', async () => {
    expect(await resolveScope(ctx.db, {}, 'UTC')).toEqual({ timeZone: 'UTC' });
    expect(await resolveScope(ctx.db, { community: ' 夹马营社区 ' }, 'UTC')).toEqual({ communityIds: [1], community: '夹马营社区', timeZone: 'UTC' });
    expect(await resolveScope(ctx.db, { subdistrict: '西关街道' }, 'UTC')).toEqual({ communityIds: [1, 2], subdistrict: '西关街道', timeZone: 'UTC' });
  });

  it('refuses both at once, an unknown community, an unknown 街道 with the closest names', async () => {
    expect(await refusalOf(() => resolveScope(ctx.db, { community: '夹马营社区', subdistrict: '西关街道' }, 'UTC'))).toEqual({
      key: 'report.community_or_subdistrict',
      params: {},
    });
    expect(await refusalOf(() => resolveScope(ctx.db, { community: '白塔社区' }, 'UTC'))).toEqual({ key: 'community.not_found', params: { name: '白塔社区' } });
    expect(await refusalOf(() => resolveScope(ctx.db, { subdistrict: '西关' }, 'UTC'))).toEqual({
      key: 'subdistrict.not_found_suggest',
      params: { name: '西关', suggestions: '西关街道' },
      hint: 'subdistrict.not_found.hint',
    });
    expect(await refusalOf(() => resolveScope(ctx.db, { subdistrict: 'Dongcheng' }, 'UTC'))).toEqual({
      key: 'subdistrict.not_found',
      params: { name: 'Dongcheng', suggestions: '' },
      hint: 'subdistrict.not_found.hint',
    });
  });
});
