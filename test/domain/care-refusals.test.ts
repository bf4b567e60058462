// Care visits, rider-friendly measures and friendly merchants: each refusal with what it names (the
// kind, the field, the measure and community), and the list of visits up to a day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addMerchant, listVisits, recordVisit, setMeasures } from '../../src/domain/programme/care.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

let ctx: Ctx;
let close: () => Promise<void>;
const WANG = '13700137000';

beforeAll(async () => {
  ({ ctx, close } = await freshCtx({ today: '2026-07-20', now: '2026-07-20T02:00:00.000Z' }));
  await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
  await addWorker(ctx, { name: '王五', phone: WANG, occupation: 'rider', community: '夹马营社区' });
});
afterAll(() => close());

describe('care visits', () => {
  it('refuses a kind it does not know, a visit without a visitor, a day not yet come, support that is not money', async () => {
    const refused = (await refusalOf(() => recordVisit(ctx, { worker: WANG, date: '2026-07-14', by: '社区', kind: '聚餐' }))) as { key: string; params: Record<string, string> };
    expect(refused.key).toBe('care.bad_kind');
    expect(refused.params.value).toBe('聚餐');
    expect(refused.params.accepted).toContain('illness');
    expect(await refusalOf(() => recordVisit(ctx, { worker: WANG, date: '2026-07-14', by: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'by' } });
    expect(await refusalOf(() => recordVisit(ctx, { worker: WANG, date: '2026-07-21', by: '社区' }))).toMatchObject({ key: 'invalid.future_date', params: { field: 'date' } });
    expect(await refusalOf(() => recordVisit(ctx, { worker: WANG, date: '2026-07-14', by: '社区', support: '五百' }))).toMatchObject({ params: { field: 'support-yuan' } });
  });

  it('lists visits up to a day', async () => {
    await recordVisit(ctx, { worker: WANG, date: '2026-07-10', by: '社区' });
    await recordVisit(ctx, { worker: WANG, date: '2026-07-15', by: '区总工会', kind: 'injury' });
    expect((await listVisits(ctx.db, { to: '2026-07-14' })).map((v) => v.date)).toEqual(['2026-07-10']);
    expect((await listVisits(ctx.db, {})).map((v) => v.date)).toEqual(['2026-07-10', '2026-07-15']);
  });
});

describe('rider-friendly measures', () => {
  it('refuses a measure it does not know, set or unset, naming it', async () => {
    for (const input of [{ set: '门牌,游泳池' }, { unset: '游泳池' }]) {
      const refused = (await refusalOf(() => setMeasures(ctx, '夹马营社区', input))) as { key: string; params: Record<string, string> };
      expect([refused.key, refused.params.value]).toEqual(['friendly.bad_measure', '游泳池']);
      expect(refused.params.accepted).toContain('door_signs');
    }
  });

  it('refuses setting a measure the community has, or unsetting one it has not, naming both', async () => {
    await setMeasures(ctx, '夹马营社区', { set: '门牌', date: '2026-07-01' });
    expect(await refusalOf(() => setMeasures(ctx, '夹马营社区', { set: 'door_signs' }))).toEqual({
      key: 'friendly.already_set',
      params: { measure: 'door_signs', community: '夹马营社区' },
      terms: { measure: 'friendly_measure' },
    });
    expect(await refusalOf(() => setMeasures(ctx, '夹马营社区', { unset: 'hot_water' }))).toEqual({
      key: 'friendly.not_set',
      params: { measure: 'hot_water', community: '夹马营社区' },
    });
    expect(await refusalOf(() => setMeasures(ctx, '夹马营社区', { set: 'hot_water', date: '2026-07-21' }))).toMatchObject({ params: { field: 'date' } });
  });
});

describe('friendly merchants', () => {
  it('refuses a merchant without a name or an offer, an offer it does not know, the same merchant twice', async () => {
    expect(await refusalOf(() => addMerchant(ctx, { name: ' ', community: '夹马营社区', offers: '热水' }))).toEqual({ key: 'invalid.required', params: { field: 'name' } });
    expect(await refusalOf(() => addMerchant(ctx, { name: '面馆', community: '夹马营社区', offers: ' , ' }))).toEqual({ key: 'invalid.required', params: { field: 'offers' } });
    const refused = (await refusalOf(() => addMerchant(ctx, { name: '面馆', community: '夹马营社区', offers: '热水,洗车' }))) as { key: string; params: Record<string, string> };
    expect([refused.key, refused.params.value]).toEqual(['friendly.bad_offer', '洗车']);
    await addMerchant(ctx, { name: '面馆', community: '夹马营社区', offers: '热水' });
    expect(await refusalOf(() => addMerchant(ctx, { name: '面馆', community: '夹马营社区', offers: '如厕' }))).toEqual({
      key: 'merchant.exists',
      params: { name: '面馆', community: '夹马营社区' },
    });
  });
});
