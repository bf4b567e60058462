// Strand figures the scenarios leave at zero: dispute cases opened in the period, housing applications
// found ineligible, safety-publicity events held, and childcare courses listed with gaps — each counted
// in its own period, and nothing outside it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { applyHousing, moveHousing, openDispute } from '../../src/domain/programme/cases.js';
import { addEvent } from '../../src/domain/programme/events.js';
import { resolveScope } from '../../src/domain/reports/scope.js';
import { disputeFigures } from '../../src/domain/strands/disputes.js';
import { eventFigures } from '../../src/domain/strands/events.js';
import { housingFigures } from '../../src/domain/strands/housing.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { onDay } from '../helpers/scenario.js';

let ctx: Ctx;
let close: () => Promise<void>;
const july = { from: '2026-07-01', to: '2026-07-31' };
const august = { from: '2026-08-01', to: '2026-08-31' };

beforeAll(async () => {
  ({ ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' }));
  await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
  await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
  await addWorker(ctx, { name: '李四', phone: '13900139000', occupation: 'courier', community: '夹马营社区' });
});
afterAll(() => close());

describe('strand figures in their period', () => {
  it('counts dispute cases opened in the period, and those still open at its end', async () => {
    await openDispute(onDay(ctx, '2026-07-03'), { worker: '13800138000', type: '欠薪', via: 'hotline', date: '2026-07-03' });
    await openDispute(onDay(ctx, '2026-08-03'), { worker: '13900139000', type: 'injury', via: 'hotline', date: '2026-08-03' });
    const scope = await resolveScope(ctx.db, {}, 'Asia/Shanghai');
    expect(await disputeFigures(ctx.db, july, scope)).toEqual({ opened: 1, resolved: 0, recovered_yuan: 0, average_days_to_resolve: 0, open: 1 });
    expect(await disputeFigures(ctx.db, august, scope)).toMatchObject({ opened: 1, open: 2 });
  });

  it('counts housing applications found ineligible in the period', async () => {
    const a = await applyHousing(onDay(ctx, '2026-07-02'), { worker: '13800138000', household: 2 });
    const b = await applyHousing(onDay(ctx, '2026-07-02'), { worker: '13900139000', household: 3 });
    await moveHousing(onDay(ctx, '2026-07-10'), a.id, 'ineligible', { reason: '已有住房' });
    await moveHousing(onDay(ctx, '2026-08-10'), b.id, 'eligible', {});
    const scope = await resolveScope(ctx.db, {}, 'Asia/Shanghai');
    expect(await housingFigures(ctx.db, july, scope)).toEqual({ applied: 2, eligible: 0, ineligible: 1, allocated: 0, open: 1 });
    expect(await housingFigures(ctx.db, august, scope)).toEqual({ applied: 0, eligible: 1, ineligible: 0, allocated: 0, open: 1 });
  });

  it('counts safety-publicity events apart from the others', async () => {
    await addEvent(ctx, { type: 'safety', title: '交通安全宣传', date: '2026-07-15', community: '夹马营社区' });
    await addEvent(ctx, { type: 'safety', title: '消防安全宣传', date: '2026-07-20', community: '夹马营社区' });
    await addEvent(ctx, { type: 'skills', title: '电动车维修培训', date: '2026-07-21', community: '夹马营社区' });
    const scope = await resolveScope(ctx.db, {}, 'Asia/Shanghai');
    expect(await eventFigures(ctx.db, july, scope)).toMatchObject({ held: 3, safety_held: 2, skills_held: 1, legal_held: 0, health_held: 0 });
    expect(await eventFigures(ctx.db, august, scope)).toMatchObject({ held: 0, safety_held: 0 });
  });
});
