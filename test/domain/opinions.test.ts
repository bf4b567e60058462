// The opinion rules the CLI's option parsers keep out of reach: checked on the domain itself.
import { afterEach, describe, expect, it } from 'vitest';
import { addOpinion, listOpinions, moveOpinion } from '../../src/domain/outreach/opinions.js';
import { addUnit } from '../../src/domain/units/units.js';
import { freshCtx } from '../helpers/db.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function ctx() {
  const fresh = await freshCtx({ today: '2026-11-25' });
  close = fresh.close;
  // A referral goes to a registered unit.
  await addUnit(fresh.ctx, { name: '区住建局', type: 'department' });
  return fresh.ctx;
}

describe('opinions in the domain', () => {
  it('refuses a topic outside the list, naming what is accepted', async () => {
    const c = await ctx();
    await expect(addOpinion(c, { text: '太远', topic: 'traffic' })).rejects.toMatchObject({ key: 'opinion.bad_topic', params: { value: 'traffic' } });
    expect(await listOpinions(c.db)).toEqual([]);
  });

  it('keeps a text of 2,000 characters and refuses 2,001 (characters, not bytes)', async () => {
    const c = await ctx();
    expect((await addOpinion(c, { text: '意'.repeat(2000), topic: 'other' })).text).toHaveLength(2000);
    await expect(addOpinion(c, { text: '意'.repeat(2001), topic: 'other' })).rejects.toMatchObject({ key: 'opinion.too_long', params: { limit: 2000 } });
  });

  it('a blank --from is no source; a place may hold digits, a number alone is a mistyped phone', async () => {
    const c = await ctx();
    expect(await addOpinion(c, { text: '甲', topic: 'other', from: '  ' })).toMatchObject({ workerId: null, source: null });
    expect(await addOpinion(c, { text: '乙', topic: 'other', from: '顺丰1234567' })).toMatchObject({ source: '顺丰1234567' });
    expect(await addOpinion(c, { text: '丙', topic: 'other', from: '1234567号站点' })).toMatchObject({ source: '1234567号站点' });
    await expect(addOpinion(c, { text: '丁', topic: 'other', from: '138-0269-986' })).rejects.toMatchObject({ key: 'opinion.bad_phone', params: { value: '138-0269-986' } });
  });

  it('refuses a future day by its field, and "open" as a step', async () => {
    const c = await ctx();
    await expect(addOpinion(c, { text: '甲', topic: 'other', date: '2026-11-26' })).rejects.toMatchObject({ key: 'invalid.future_date', params: { field: 'date' } });
    const { id } = await addOpinion(c, { text: '甲', topic: 'other' });
    await expect(moveOpinion(c, id, { status: 'open' })).rejects.toMatchObject({ key: 'opinion.bad_status' });
    await expect(moveOpinion(c, id, { status: '待办理' })).rejects.toMatchObject({ key: 'opinion.bad_status' });
    await expect(moveOpinion(c, id, { status: 'closed' })).rejects.toMatchObject({ key: 'opinion.bad_status' });
    await expect(moveOpinion(c, id, { status: 'referred' })).rejects.toMatchObject({ key: 'opinion.referred_to', hintKey: 'opinion.referred_to.hint' });
    await expect(moveOpinion(c, id, { status: 'answered', to: '某局' })).rejects.toMatchObject({
      key: 'opinion.to_without_referral',
      params: { status: 'answered' },
      terms: { status: 'opinion_status' },
    });
  });

  it('each step keeps what came before: the referral, the answer day, the last note', async () => {
    const c = await ctx();
    const { id } = await addOpinion(c, { text: '甲', topic: 'rent', note: '早会', date: '2026-11-01' });
    expect(await moveOpinion(c, id, { status: 'referred', to: '区住建局', date: '2026-11-05' })).toMatchObject({
      status: 'referred',
      referredTo: '区住建局',
      answeredOn: null,
      resolvedOn: null,
      note: '早会',
      statusOn: '2026-11-05',
    });
    expect(await moveOpinion(c, id, { status: 'answered', note: '已答复', date: '2026-11-08' })).toMatchObject({
      referredTo: '区住建局',
      answeredOn: '2026-11-08',
      resolvedOn: null,
      note: '已答复',
    });
    expect(await moveOpinion(c, id, { status: 'resolved', date: '2026-11-10' })).toMatchObject({
      referredTo: '区住建局',
      answeredOn: '2026-11-08',
      resolvedOn: '2026-11-10',
      note: '已答复',
    });
    // Resolved straight from open: it was answered that day.
    const other = await addOpinion(c, { text: '乙', topic: 'rent', date: '2026-11-01' });
    expect(await moveOpinion(c, other.id, { status: 'resolved', date: '2026-11-03' })).toMatchObject({ answeredOn: '2026-11-03', resolvedOn: '2026-11-03', referredTo: null });
  });

  it('lists by state and topic, oldest heard first', async () => {
    const c = await ctx();
    const a = await addOpinion(c, { text: '甲', topic: 'rent', date: '2026-11-03' });
    const b = await addOpinion(c, { text: '乙', topic: 'parking', date: '2026-11-01' });
    await addOpinion(c, { text: '丙', topic: 'rent', date: '2026-11-02' });
    await moveOpinion(c, a.id, { status: 'resolved' });
    expect((await listOpinions(c.db)).map((o) => o.text)).toEqual(['乙', '丙', '甲']);
    expect((await listOpinions(c.db, { open: true })).map((o) => o.text)).toEqual(['乙', '丙']);
    expect((await listOpinions(c.db, { topic: '房租' })).map((o) => o.text)).toEqual(['丙', '甲']);
    expect((await listOpinions(c.db, { open: true, topic: 'parking' })).map((o) => o.id)).toEqual([b.id]);
  });
});
