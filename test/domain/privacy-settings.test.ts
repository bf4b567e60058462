// What every listing and export leans on to keep personal data masked, and the district's settings —
// value by value, each masked form written out here rather than computed.
import { describe, expect, it } from 'vitest';
import { maskDigits, maskedParams, maskIdNumber, maskKnownNumbers, maskName, maskPersonalText, maskPhone } from '../../src/domain/privacy.js';
import { getSetting, listSettings, numberSetting, setSetting } from '../../src/domain/settings.js';
import type { NuanxinError } from '../../src/errors.js';
import { freshCtx } from '../helpers/db.js';

describe('masks', () => {
  it.each([
    ['13800138000', '138****8000'],
    ['0379-63212345', '0379-****2345'],
    ['037963212345', '03796***2345'],
    ['63212345', '****2345'],
    ['12345', '*2345'],
    ['1234', '1234'],
    ['', ''],
  ])('phone %s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps a missing value missing', () => {
    expect([maskPhone(null), maskPhone(undefined), maskIdNumber(null), maskIdNumber(undefined), maskName(null), maskName(undefined)]).toEqual([null, null, null, null, null, null]);
  });

  it.each([
    ['41030419900101123X', '410304********123X'],
    ['410304900101123', '410304*****1123'],
    ['4103041990', '4103041990'],
    ['123456789', '*********'],
  ])('ID number %s → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });

  it.each([
    ['王', '王'],
    ['王强', '王*'],
    ['王小强', '王*强'],
    ['欧阳小锋', '欧**锋'],
    ['阿卜杜拉·买买提', '阿******提'],
  ])('name %s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it.each([
    ['电话13912345678请回电', '电话139****5678请回电'],
    ['139-1234-5678', '139****5678'],
    ['139 1234 5678', '139****5678'],
    ['(139)1234-5678', '139****5678'],
    ['+86 139 1234 5678', '139****5678'],
    ['008613912345678', '139****5678'],
    ['Tel13912345678', 'Tel139****5678'],
    ['身份证110105194912310025号', '身份证110105********0025号'],
    ['ID 110105 19491231 002x', 'ID 110105********002X'],
    ['订单号139123456789012', '订单号139123456789012'],
    ['金额19999999998.00元', '金额19999999998.00元'],
    ['sha 3f2a9c1b7d4e5f60', 'sha 3f2a9c1b7d4e5f60'],
    ['编号139123456780000', '编号139123456780000'],
    ['没有号码', '没有号码'],
    ['12', '12'],
  ])('free text %s → %s', (text, masked) => {
    expect(maskPersonalText(text)).toBe(masked);
  });

  it('masks a worker’s own numbers wherever they stand, and the rest as free text', () => {
    expect(maskKnownNumbers('旧号码1380013800099转', ['13800138000'])).toBe('旧号码138****800099转');
    expect(maskKnownNumbers('证件41030419900307008X已核', ['41030419900307008X'])).toBe('证件410304********008X已核');
    expect(maskKnownNumbers('另一个13912345678', ['123456'])).toBe('另一个139****5678');
  });

  it('masks what a refusal quotes back, and a mis-typed number’s middle', () => {
    expect(maskedParams('reject.id_check', { value: '410304199003070021' })).toEqual({ value: '410304********0021' });
    expect(maskedParams('reject.phone', { value: '1380013800' })).toEqual({ value: '138***3800' });
    expect(maskedParams('reject.occupation', { value: '厨师' })).toEqual({ value: '厨师' });
    expect(maskedParams('reject.phone', { value: 5 })).toEqual({ value: 5 });
    expect(maskedParams('reject.phone', undefined)).toBeUndefined();
    expect([maskDigits('138-0013-800'), maskDigits('123456'), maskDigits('abc')]).toEqual(['138-***3-800', '123456', 'abc']);
  });
});

describe('settings', () => {
  it('has defaults, takes valid values, refuses the rest and unknown keys, and records each change', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
    const refusal = async (run: () => Promise<unknown>) => {
      try {
        await run();
        return 'accepted';
      } catch (error) {
        return { key: (error as NuanxinError).key, params: (error as NuanxinError).params };
      }
    };
    try {
      expect(await listSettings(ctx.db)).toEqual([
        { key: 'wishes.claim_days', value: '30', default: '30', hintKey: 'setting.wishes.claim_days' },
        { key: 'wishes.stale_days', value: '60', default: '60', hintKey: 'setting.wishes.stale_days' },
        { key: 'district.name', value: '', default: '', hintKey: 'setting.district.name' },
        { key: 'lang', value: 'auto', default: 'auto', hintKey: 'setting.lang' },
        { key: 'points.expiry', value: 'off', default: 'off', hintKey: 'setting.points.expiry' },
      ]);
      expect(await setSetting(ctx, 'wishes.claim_days', ' 14 ')).toEqual({ key: 'wishes.claim_days', value: '14' });
      expect(await numberSetting(ctx.db, 'wishes.claim_days')).toBe(14);
      for (const value of ['1', '3650']) expect((await setSetting(ctx, 'wishes.stale_days', value)).value).toBe(value);
      for (const value of ['0', '3651', '1.5', '-1', 'abc', '']) {
        expect(await refusal(() => setSetting(ctx, 'wishes.stale_days', value)), value).toMatchObject({ key: 'config.invalid' });
      }
      expect(await getSetting(ctx.db, 'wishes.stale_days')).toBe('3650');
      for (const value of ['zh', 'en', 'auto']) expect((await setSetting(ctx, 'lang', value)).value).toBe(value);
      expect(await refusal(() => setSetting(ctx, 'lang', 'fr'))).toEqual({ key: 'config.invalid', params: { key: 'lang', value: 'fr' } });
      expect((await setSetting(ctx, 'points.expiry', 'end_of_following_year')).value).toBe('end_of_following_year');
      expect(await refusal(() => setSetting(ctx, 'points.expiry', 'never'))).toMatchObject({ key: 'config.invalid' });
      expect((await setSetting(ctx, 'district.name', '瀍河回族区')).value).toBe('瀍河回族区');
      expect(await refusal(() => setSetting(ctx, 'district.name', '区'.repeat(41)))).toMatchObject({ key: 'config.invalid' });
      expect(await refusal(() => getSetting(ctx.db, 'wishes.days'))).toEqual({
        key: 'config.unknown',
        params: { key: 'wishes.days', known: 'wishes.claim_days, wishes.stale_days, district.name, lang, points.expiry' },
      });
      const district = await ctx.db.selectFrom('districts').select('name').executeTakeFirstOrThrow();
      expect(district.name).toBe('瀍河回族区');
      const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity', 'entity_key', 'detail']).where('entity', '=', 'setting').orderBy('id').execute();
      expect(audit.map((a) => [a.entity_key, typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail])).toEqual([
        ['wishes.claim_days', { value: ['30', '14'] }],
        ['wishes.stale_days', { value: ['60', '1'] }],
        ['wishes.stale_days', { value: ['1', '3650'] }],
        ['lang', { value: ['auto', 'zh'] }],
        ['lang', { value: ['zh', 'en'] }],
        ['lang', { value: ['en', 'auto'] }],
        ['points.expiry', { value: ['off', 'end_of_following_year'] }],
        ['district.name', { value: ['', '瀍河回族区'] }],
      ]);
    } finally {
      await close();
    }
  });
});
