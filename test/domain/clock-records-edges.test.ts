// The district's clock and records at their edges: pinned clocks as an operator types them (spaces, the
// first and last years taken, impossible instants), the zone read from NUANXIN_TZ, a stored instant read
// back, the instant a business day starts in zones with half hours and summer time, the audit trail and
// reveal log by date, entity and count, and the settings' bounds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAccess, listAudit } from '../../src/domain/audit.js';
import { districtTimeZone, localTime, makeClock, startOfDay } from '../../src/domain/clock.js';
import type { Ctx } from '../../src/domain/context.js';
import { setSetting } from '../../src/domain/settings.js';
import { parseTermList } from '../../src/domain/vocabulary.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addWorker, logReveal } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

describe('a pinned clock', () => {
  it('takes a day with spaces around it, from 2000 to 2100', () => {
    expect(makeClock({ NUANXIN_TODAY: ' 2026-11-29 ' }).today()).toBe('2026-11-29');
    expect(makeClock({ NUANXIN_TODAY: '2000-01-01' }).today()).toBe('2000-01-01');
    expect(makeClock({ NUANXIN_TODAY: '2100-12-31' }).today()).toBe('2100-12-31');
  });

  it.each([['1999-12-31'], ['2101-01-01'], ['2026-02-30'], ['2026-11-29x'], ['x2026-11-29'], ['2026-11-29T00:00:00Z']])(
    'refuses the day %s, naming the variable',
    async (value) => {
      expect(await refusalOf(() => makeClock({ NUANXIN_TODAY: value }))).toEqual({ key: 'usage.bad_env', params: { name: 'NUANXIN_TODAY', value }, hint: 'usage.bad_today.hint' });
    },
  );

  it('takes an instant with its zone written, Z or an offset with or without a colon, spaces around it', () => {
    expect(makeClock({ NUANXIN_NOW: ' 2026-11-29T02:00:00Z ' }).now().toISOString()).toBe('2026-11-29T02:00:00.000Z');
    expect(makeClock({ NUANXIN_NOW: '2026-11-29T10:00:00+08:00' }).now().toISOString()).toBe('2026-11-29T02:00:00.000Z');
    expect(makeClock({ NUANXIN_NOW: '2026-11-29T10:00:00+0800' }).now().toISOString()).toBe('2026-11-29T02:00:00.000Z');
    expect(makeClock({ NUANXIN_NOW: '2000-01-01T00:00:00Z' }).today()).toBe('2000-01-01');
    expect(makeClock({ NUANXIN_NOW: '2100-12-31T00:00:00Z' }).now().getUTCFullYear()).toBe(2100);
  });

  it.each([['2026-11-29T10:00:00'], ['2026-02-30T00:00:00Z'], ['1999-12-31T12:00:00Z'], ['2101-01-01T00:00:00Z'], ['2026-11-29T99:99:99Z'], ['soon Z']])(
    'refuses the instant %s, naming the variable',
    async (value) => {
      expect(await refusalOf(() => makeClock({ NUANXIN_NOW: value }))).toEqual({ key: 'usage.bad_env', params: { name: 'NUANXIN_NOW', value }, hint: 'usage.bad_now.hint' });
    },
  );
});

describe('the district’s zone', () => {
  it('reads NUANXIN_TZ trimmed, with the colon POSIX allows before it', () => {
    expect(districtTimeZone({ NUANXIN_TZ: ' :Asia/Tokyo ' })).toBe('Asia/Tokyo');
    expect(districtTimeZone({ NUANXIN_TZ: ' ' })).toBe('Asia/Shanghai');
  });

  it('refuses a zone that does not exist, naming it', async () => {
    expect(await refusalOf(() => districtTimeZone({ NUANXIN_TZ: 'Mars/Olympus' }))).toEqual({
      key: 'usage.bad_env',
      params: { name: 'NUANXIN_TZ', value: 'Mars/Olympus' },
      hint: 'usage.bad_tz.hint',
    });
  });

  it('reads a stored instant in the zone; anything that is not an instant as it is', () => {
    expect(localTime('2026-11-29T02:00:00.000Z', 'Asia/Tokyo')).toBe('2026-11-29 11:00');
    expect(localTime('2026-11-29T02:00:00.000Z', 'UTC')).toBe('2026-11-29 02:00');
    for (const value of ['2026-11-29', ' 2026-11-29T02:00:00Z', 'yesterday', '2026-13-45T99:00:00Z']) expect(localTime(value, 'Asia/Shanghai')).toBe(value);
  });

  it('says when a business day starts: Beijing’s midnight, India’s half hour, New York’s either side of summer time', () => {
    expect(startOfDay('2026-11-29', 'Asia/Shanghai').toISOString()).toBe('2026-11-28T16:00:00.000Z');
    expect(startOfDay('2026-11-29', 'Asia/Kolkata').toISOString()).toBe('2026-11-28T18:30:00.000Z');
    expect(startOfDay('2026-11-29', 'UTC').toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(startOfDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfDay('2026-03-09', 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
    expect(startOfDay('2026-11-01', 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });
});

describe('the trail, the reveal log and the settings', () => {
  let ctx: Ctx;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' }));
    await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
    const later = { ...ctx, clock: { ...ctx.clock, now: () => new Date('2026-12-01T02:00:00.000Z') } };
    const { id } = await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
    await logReveal(ctx, [id], ['phone'], '核对');
    await addCommunity(later, { name: '和平里社区', subdistrict: '和平里街道' });
    await logReveal(later, [id], ['phone'], '回访');
  });
  afterAll(() => close());

  it('lists the trail by date, entity, key and count, oldest first', async () => {
    const all = await listAudit(ctx.db, {});
    expect(all.map((a) => a.entity)).toEqual(['subdistrict', 'community', 'worker', 'subdistrict', 'community']);
    expect((await listAudit(ctx.db, { since: '2026-12-01' })).map((a) => a.entity)).toEqual(['subdistrict', 'community']);
    expect((await listAudit(ctx.db, { entity: 'worker' })).map((a) => a.action)).toEqual(['create']);
    const second = all[4]!;
    expect(await listAudit(ctx.db, { entity: 'community', entityKey: second.entityKey })).toEqual([second]);
    expect(second.at).toBe('2026-12-01T02:00:00.000Z');
    expect(await listAudit(ctx.db, { limit: 2 })).toEqual(all.slice(0, 2));
  });

  it('lists the reveals since a date', async () => {
    expect((await listAccess(ctx.db, {})).map((a) => a.reason)).toEqual(['核对', '回访']);
    expect((await listAccess(ctx.db, { since: '2026-12-01' })).map((a) => a.reason)).toEqual(['回访']);
  });

  it('names a district with 1 to 40 characters, and only district.name renames it', async () => {
    for (const value of ['区', '区'.repeat(40)]) expect((await setSetting(ctx, 'district.name', value)).value).toBe(value);
    expect(await refusalOf(() => setSetting(ctx, 'district.name', ' '))).toEqual({
      key: 'config.invalid',
      params: { key: 'district.name', value: '' },
      hint: 'setting.district.name',
    });
    await setSetting(ctx, 'lang', 'zh');
    await setSetting(ctx, 'points.expiry', 'off');
    expect(await ctx.db.selectFrom('districts').select('name').execute()).toEqual([{ name: '区'.repeat(40) }]);
  });
});

describe('vocabulary lists', () => {
  it('stops at the first unknown word, keeping the codes read before it', () => {
    expect(parseTermList('amenity', 'seating，桌椅、water sauna microwave')).toEqual({ codes: ['seating', 'water'], unknown: 'sauna' });
    expect(parseTermList('amenity', undefined)).toEqual({ codes: [] });
  });
});
