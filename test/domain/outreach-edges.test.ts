// Visits, publicity and opinions at their edges: the longest text taken and the next refused (counted
// in characters, not UTF-16 units), the links a publicity record may carry, each refusal with the field
// it names, the steps an opinion may take from each state, and every filter of the lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { addOpinion, getOpinion, listOpinions, moveOpinion } from '../../src/domain/outreach/opinions.js';
import { addPublicity, listPublicity } from '../../src/domain/outreach/publicity.js';
import { addVisit, listVisits } from '../../src/domain/outreach/visits.js';
import { addUnit, unitIdOf } from '../../src/domain/units/units.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

let ctx: Ctx;
let close: () => Promise<void>;
const astral = (n: number) => '𠀀'.repeat(n); // one character, two UTF-16 units

beforeAll(async () => {
  ({ ctx, close } = await freshCtx({ today: '2026-11-25', now: '2026-11-25T02:00:00.000Z' }));
  await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
  await addCommunity(ctx, { name: '和平里社区', subdistrict: '和平里街道' });
  await addUnit(ctx, { name: '区总工会', type: 'union' });
  await addUnit(ctx, { name: '区住建局', type: 'department' });
});
afterAll(() => close());

describe('visits', () => {
  it('takes 200 characters in each text and refuses 201, naming the field', async () => {
    expect((await addVisit(ctx, { to: astral(200), by: astral(200), note: astral(200), date: '2026-11-01' })).place).toBe(astral(200));
    for (const field of ['to', 'by', 'note'] as const) {
      const input = { to: '集结点', by: '王', [field]: `${'站'.repeat(200)}点` };
      expect(await refusalOf(() => addVisit(ctx, input))).toEqual({ key: 'visit.too_long', params: { field, limit: 200 } });
    }
  });

  it('refuses a visit without a place or a visitor, a future day, or an impossible count, naming each', async () => {
    expect(await refusalOf(() => addVisit(ctx, { to: ' ', by: '王' }))).toEqual({ key: 'invalid.required', params: { field: 'to' } });
    expect(await refusalOf(() => addVisit(ctx, { to: '集结点', by: '' }))).toEqual({ key: 'invalid.required', params: { field: 'by' } });
    expect(await refusalOf(() => addVisit(ctx, { to: '集结点', by: '王', date: '2026-11-26' }))).toMatchObject({ params: { field: 'date' } });
    expect(await refusalOf(() => addVisit(ctx, { to: '集结点', by: '王', workersMet: -1 }))).toMatchObject({
      key: 'invalid.whole_number',
      params: { field: 'workers-met', value: -1, max: 1_000_000 },
    });
  });

  it('lists by day, community, action and unit, with the opinions heard on each', async () => {
    await addVisit(ctx, { to: '区总工会', by: '李', date: '2026-11-10', community: '夹马营社区', action: 'points' });
    await addVisit(ctx, { to: '顺丰站', by: '张', date: '2026-11-20', community: '和平里社区' });
    await addOpinion(ctx, { text: '希望增加充电桩', topic: 'other', from: '#3' });
    const ids = async (filter: Parameters<typeof listVisits>[1]) => (await listVisits(ctx.db, filter)).map((v) => v.id);
    expect(await ids({})).toEqual([1, 2, 3]);
    expect(await ids({ from: '2026-11-10' })).toEqual([2, 3]);
    expect(await ids({ to: '2026-11-10' })).toEqual([1, 2]);
    expect(await ids({ community: ' 和平里社区 ' })).toEqual([3]);
    expect(await ids({ action: '7' })).toEqual([2]);
    expect(await ids({ unitId: (await unitIdOf(ctx.db, '区总工会'))! })).toEqual([2]);
    expect((await listVisits(ctx.db)).map((v) => v.opinions)).toEqual([0, 0, 1]);
  });
});

describe('publicity', () => {
  const base = { action: 'wishes', channel: 'poster', title: '微心愿' };

  it('takes a title of 200 characters and refuses 201 or none', async () => {
    expect((await addPublicity(ctx, { ...base, title: astral(200) })).title).toBe(astral(200));
    expect(await refusalOf(() => addPublicity(ctx, { ...base, title: astral(201) }))).toEqual({ key: 'visit.too_long', params: { field: 'title', limit: 200 } });
    expect(await refusalOf(() => addPublicity(ctx, { ...base, title: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'title' } });
  });

  it.each([['http://news.example.cn/a'], ['https://mp.weixin.qq.com/s/abc'], ['海报.PDF'], ['poster.jpg'], ['通知.doc'], ['通知.docx'], ['v/a.mp4']])(
    'takes the link %s',
    async (url) => {
      expect((await addPublicity(ctx, { ...base, url })).url).toBe(url);
    },
  );

  it.each([['mp.weixin'], ['poster.pdfx'], ['see https://a.cn'], ['ftp://a.cn'], ['a b.pdf'], ['.pdf']])('refuses the link %s', async (url) => {
    expect(await refusalOf(() => addPublicity(ctx, { ...base, url }))).toEqual({ key: 'publicity.bad_url', params: { value: url } });
  });

  it('refuses a reach that is not a positive whole number, and a future day, naming the field', async () => {
    for (const reach of [0, -5, 1.5]) {
      expect(await refusalOf(() => addPublicity(ctx, { ...base, reach }))).toMatchObject({ key: 'invalid.positive', params: { field: 'reach', value: reach } });
    }
    expect(await refusalOf(() => addPublicity(ctx, { ...base, date: '2026-11-26' }))).toMatchObject({ key: 'invalid.future_date', params: { field: 'date' } });
  });

  it('lists by day and by the unit that made it', async () => {
    const unit = (await unitIdOf(ctx.db, '区总工会'))!;
    await addPublicity(ctx, { ...base, title: '早', date: '2026-10-01', unit: '区总工会' });
    await addPublicity(ctx, { ...base, title: '中', date: '2026-11-01', unit: '区住建局' });
    expect((await listPublicity(ctx.db, { to: '2026-11-01' })).map((p) => p.title)).toEqual(['早', '中']);
    expect((await listPublicity(ctx.db, { unitId: unit })).map((p) => p.title)).toEqual(['早']);
  });
});

describe('opinions', () => {
  it('heard on a visit: never before the visit’s day', async () => {
    expect(await refusalOf(() => addOpinion(ctx, { text: '早', topic: 'other', from: '走访2', date: '2026-11-09' }))).toEqual({
      key: 'opinion.before_visit',
      params: { date: '2026-11-09', visit: '2026-11-10' },
    });
    expect(await addOpinion(ctx, { text: '当天', topic: 'other', from: 'visit:2', date: '2026-11-10' })).toMatchObject({ heardOn: '2026-11-10', visit: 2 });
  });

  it('names the three steps when a step is not one', async () => {
    const { id } = await addOpinion(ctx, { text: '甲', topic: 'other' });
    expect(await refusalOf(() => moveOpinion(ctx, id, { status: 'open' }))).toEqual({
      key: 'opinion.bad_status',
      params: { value: 'open', accepted: 'referred（已转办）, answered（已答复）, resolved（已解决）' },
    });
  });

  it('refuses a step the opinion’s state does not allow, naming the ones it does', async () => {
    const { id } = await addOpinion(ctx, { text: '乙', topic: 'other', date: '2026-11-01' });
    await moveOpinion(ctx, id, { status: 'answered', date: '2026-11-05' });
    expect(await refusalOf(() => moveOpinion(ctx, id, { status: 'referred', to: '区住建局' }))).toEqual({
      key: 'opinion.bad_move',
      params: { id, status: 'answered', to: 'referred', allowed: 'resolved' },
      terms: { status: 'opinion_status', to: 'opinion_status', allowed: 'opinion_status' },
    });
    expect(await refusalOf(() => moveOpinion(ctx, id, { status: 'resolved', date: '2026-11-04' }))).toEqual({
      key: 'opinion.date_before',
      params: { date: '2026-11-04', previous: '2026-11-05' },
    });
    expect(await refusalOf(() => moveOpinion(ctx, id, { status: 'resolved', date: '2026-11-26' }))).toMatchObject({ key: 'invalid.future_date', params: { field: 'date' } });
    await moveOpinion(ctx, id, { status: 'resolved', date: '2026-11-05' });
    expect(await refusalOf(() => moveOpinion(ctx, id, { status: 'answered' }))).toMatchObject({ params: { status: 'resolved', allowed: '' } });
  });

  it('lists those heard on one visit; an unknown one is not found, by its number', async () => {
    expect((await listOpinions(ctx.db, { visitId: 3 })).map((o) => o.text)).toEqual(['希望增加充电桩']);
    expect((await listOpinions(ctx.db, { visitId: 2 })).map((o) => o.text)).toEqual(['当天']);
    expect(await refusalOf(() => getOpinion(ctx.db, 99))).toEqual({ key: 'opinion.not_found', params: { id: 99 } });
  });
});
