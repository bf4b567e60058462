// Housing, disputes, childcare, events and their sign-in sheets at their edges: each refusal with
// what it names, the filters of each list, the boundaries (ages 1–17, "open longer than" N days),
// which day a case is resolved on, who a withdrawal promotes, and what an attendance import records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { runImport } from '../../src/domain/imports/run.js';
import { attendanceImportPlan, attendanceRowParser } from '../../src/domain/programme/attendance-import.js';
import { addMerchant, listMerchants, recordVisit } from '../../src/domain/programme/care.js';
import { applyHousing, linkDispute, listDisputes, listHousing, moveHousing, openDispute, updateDispute } from '../../src/domain/programme/cases.js';
import { addSite, addVolunteers, enrol, getSite, listEnrolments, withdraw } from '../../src/domain/programme/childcare.js';
import { addEvent, attend, attendees, getEvent, listEvents } from '../../src/domain/programme/events.js';
import { workerRecord } from '../../src/domain/programme/worker-record.js';
import { addRule } from '../../src/domain/points/catalogue.js';
import { award } from '../../src/domain/points/operations.js';
import { addWorker } from '../../src/domain/workers/write.js';
import { mapHeaders } from '../../src/import/headers.js';
import type { FileMeta, ParsedBatch } from '../../src/import/records.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';
import { onDay } from '../helpers/scenario.js';

let ctx: Ctx;
let close: () => Promise<void>;
const ZHANG = '13800138000';
const LI = '13900139000';
const WANG = '13700137000';
const ZHAO = '13600136000';

beforeAll(async () => {
  ({ ctx, close } = await freshCtx({ today: '2026-07-20', now: '2026-07-20T02:00:00.000Z' }));
  await addCommunity(ctx, { name: '夹马营社区', subdistrict: '西关街道' });
  await addCommunity(ctx, { name: '东关社区', subdistrict: '东关街道' });
  for (const [name, phone] of [
    ['张三', ZHANG],
    ['李四', LI],
    ['王五', WANG],
    ['赵六', ZHAO],
  ] as const) {
    await addWorker(ctx, { name, phone, occupation: 'rider', community: '夹马营社区' });
  }
});
afterAll(() => close());

const params = (refusal: unknown) => (refusal as { params: Record<string, unknown> }).params;

describe('housing applications', () => {
  it('refuses a household that is not a whole number, a second open application, a case that does not exist', async () => {
    expect(await refusalOf(() => applyHousing(ctx, { worker: ZHANG, household: 2.5 }))).toMatchObject({ params: { field: 'household' } });
    const first = await applyHousing(ctx, { worker: ZHANG, household: 3 });
    expect(await refusalOf(() => applyHousing(ctx, { worker: ZHANG }))).toEqual({ key: 'housing.open_application', params: { id: first.id } });
    await moveHousing(ctx, first.id, 'eligible', {});
    // Eligible is still open; a closed one (ineligible) is not.
    expect(await refusalOf(() => applyHousing(ctx, { worker: ZHANG }))).toEqual({ key: 'housing.open_application', params: { id: first.id } });
    const second = await applyHousing(ctx, { worker: LI });
    expect(await refusalOf(() => moveHousing(ctx, second.id, 'ineligible', { reason: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'reason' } });
    await moveHousing(ctx, second.id, 'ineligible', { reason: '已有住房' });
    expect((await applyHousing(ctx, { worker: LI })).status).toBe('applied');
    expect(await refusalOf(() => moveHousing(ctx, 999, 'eligible', {}))).toEqual({ key: 'housing.not_found', params: { id: 999 }, hint: 'housing.not_found.hint' });
    expect(await refusalOf(() => moveHousing(ctx, second.id, 'eligible', {}))).toEqual({
      key: 'case.bad_move',
      params: { type: 'housing', id: second.id, status: 'ineligible', to: 'eligible', allowed: '' },
      terms: { type: 'case_type', status: 'housing_status', to: 'housing_status', allowed: 'housing_status' },
    });
  });

  it('lists by status', async () => {
    expect((await listHousing(ctx.db, { status: 'ineligible' })).map((h) => [h.worker, h.reason])).toEqual([['李四', '已有住房']]);
    expect((await listHousing(ctx.db, { status: 'eligible' })).map((h) => h.worker)).toEqual(['张三']);
    expect(await listHousing(ctx.db, {})).toHaveLength(3);
  });
});

describe('labour disputes', () => {
  it('refuses a type or a channel it does not know, a worker and a caller at once, bad money, a day not yet come', async () => {
    const type = await refusalOf(() => openDispute(ctx, { worker: ZHANG, type: '斗殴', via: 'hotline' }));
    expect([(type as { key: string }).key, params(type).value]).toEqual(['dispute.bad_type', '斗殴']);
    expect(params(type).accepted).toContain('wages');
    const via = await refusalOf(() => openDispute(ctx, { worker: ZHANG, type: 'wages', via: '信鸽' }));
    expect([(via as { key: string }).key, params(via).value]).toEqual(['dispute.bad_via', '信鸽']);
    expect(params(via).accepted).toContain('hotline');
    expect(await refusalOf(() => openDispute(ctx, { worker: ZHANG, caller: '张', type: 'wages', via: 'hotline' }))).toEqual({ key: 'dispute.worker_or_caller', params: {} });
    expect(await refusalOf(() => openDispute(ctx, { worker: ZHANG, phone: ZHANG, type: 'wages', via: 'hotline' }))).toMatchObject({ key: 'dispute.worker_or_caller' });
    expect(await refusalOf(() => openDispute(ctx, { worker: ZHANG, type: 'wages', via: 'hotline', amount: '三千' }))).toMatchObject({ params: { field: 'amount' } });
    expect(await refusalOf(() => openDispute(ctx, { worker: ZHANG, type: 'wages', via: 'hotline', date: '2026-07-21' }))).toMatchObject({
      key: 'invalid.future_date',
      params: { field: 'date' },
    });
  });

  it('takes a landline of 10 to 12 digits after its leading 0, and nothing else that is not a mobile', async () => {
    for (const phone of ['10379612345', '03796123456789', '0379-612']) {
      expect(await refusalOf(() => openDispute(ctx, { caller: '钱', phone, type: 'wages', via: 'hotline' }))).toMatchObject({ key: 'invalid.phone', params: { field: 'phone' } });
    }
    expect((await openDispute(ctx, { caller: '钱', phone: '0379-61234567', type: 'wages', via: 'hotline' })).phone).toBe('037961234567');
  });

  it('records the day a case is resolved once, whether resolved or closed straight away', async () => {
    const resolved = await openDispute(ctx, { worker: WANG, type: 'wages', via: 'hotline', date: '2026-07-01' });
    expect(await refusalOf(() => updateDispute(ctx, resolved.id, { status: 'resolved', recovered: '三千' }))).toMatchObject({ params: { field: 'recovered' } });
    await updateDispute(onDay(ctx, '2026-07-10'), resolved.id, { status: 'resolved', recovered: '3000' });
    const closedLater = await updateDispute(onDay(ctx, '2026-07-15'), resolved.id, { status: 'closed' });
    expect([closedLater.resolvedOn, closedLater.recoveredFen, closedLater.daysToResolve]).toEqual(['2026-07-10', 300_000, 9]);
    const closed = await openDispute(ctx, { worker: WANG, type: 'contract', via: 'hotline', date: '2026-07-02' });
    expect((await updateDispute(onDay(ctx, '2026-07-12'), closed.id, { status: 'closed' })).resolvedOn).toBe('2026-07-12');
    expect(await refusalOf(() => updateDispute(ctx, closed.id, { status: 'open' }))).toEqual({
      key: 'case.bad_move',
      params: { type: 'dispute', id: closed.id, status: 'closed', to: 'open', allowed: '' },
      terms: { type: 'case_type', status: 'dispute_status', to: 'dispute_status', allowed: 'dispute_status' },
    });
    expect(await refusalOf(() => updateDispute(ctx, 999, { status: 'closed' }))).toEqual({ key: 'dispute.not_found', params: { id: 999 }, hint: 'dispute.not_found.hint' });
  });

  it('lists by status, and open longer than N days means more than N, resolved and closed cases left out', async () => {
    const open = await openDispute(ctx, { worker: ZHAO, type: 'injury', via: 'hotline', date: '2026-07-10' });
    expect((await listDisputes(ctx.db, { openLongerThan: 10 }, '2026-07-20')).map((d) => d.id)).not.toContain(open.id);
    expect((await listDisputes(ctx.db, { openLongerThan: 9 }, '2026-07-20')).map((d) => d.id)).toContain(open.id);
    const longOpen = (await listDisputes(ctx.db, { openLongerThan: 0 }, '2026-07-20')).map((d) => d.status);
    expect(longOpen.length).toBeGreaterThan(0);
    expect(longOpen.every((status) => status === 'open')).toBe(true);
    expect((await listDisputes(ctx.db, { status: 'closed' }, '2026-07-20')).map((d) => d.type)).toEqual(['wages', 'contract']);
  });

  it('links a case to the worker it already names without a second audit entry', async () => {
    const opened = await openDispute(ctx, { caller: '孙', phone: '0379-65550000', type: 'wages', via: 'hotline' });
    await linkDispute(ctx, opened.id, LI);
    await linkDispute(ctx, opened.id, LI);
    const links = await ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('entity', '=', 'dispute')
      .where('action', '=', 'link')
      .where('entity_key', '=', String(opened.id))
      .execute();
    expect(links).toHaveLength(1);
  });
});

describe('childcare', () => {
  it('refuses a site without a name, dates out of order or not dates, a capacity that is not whole, the same name twice', async () => {
    const base = { name: '托管点', community: '夹马营社区', capacity: 2 };
    expect(await refusalOf(() => addSite(ctx, { ...base, name: ' ' }))).toEqual({ key: 'invalid.required', params: { field: 'name' } });
    expect(await refusalOf(() => addSite(ctx, { ...base, from: '七月' }))).toMatchObject({ params: { field: 'from' } });
    expect(await refusalOf(() => addSite(ctx, { ...base, to: '八月' }))).toMatchObject({ params: { field: 'to' } });
    expect(await refusalOf(() => addSite(ctx, { ...base, from: '2026-08-01', to: '2026-07-31' }))).toEqual({
      key: 'invalid.date_order',
      params: { from: '2026-08-01', to: '2026-07-31' },
    });
    expect(await refusalOf(() => addSite(ctx, { ...base, capacity: 1.5 }))).toMatchObject({ params: { field: 'capacity' } });
    // A term of one day is a term.
    const site = await addSite(ctx, { ...base, courses: '篮球， 美术 、书法', from: '2026-08-01', to: '2026-08-01' });
    expect(site.courses).toEqual(['篮球', '美术', '书法']);
    expect(await refusalOf(() => addSite(ctx, { ...base, community: '东关社区' }))).toEqual({ key: 'childcare.site_exists', params: { name: '托管点' } });
    expect(await refusalOf(() => getSite(ctx.db, '无此托管点'))).toEqual({
      key: 'childcare.site_not_found',
      params: { name: '无此托管点' },
      hint: 'childcare.site_not_found.hint',
    });
  });

  it('takes any course at a site that lists none, and children aged 1 to 17', async () => {
    const open = await addSite(ctx, { name: '东关托管点', community: '东关社区', capacity: 1 });
    expect(open.courses).toEqual([]);
    expect((await addSite(ctx, { name: '空课程托管点', community: '东关社区', capacity: 1, courses: ' 篮球,,美术,' })).courses).toEqual(['篮球', '美术']);
    // Nobody waits at this one: withdrawing its only child promotes no one.
    const alone = await enrol(ctx, { site: '空课程托管点', worker: ZHAO, child: '赵小花', age: 6 });
    expect((await withdraw(ctx, alone.id)).promoted).toBeNull();
    expect(await refusalOf(() => enrol(ctx, { site: '东关托管点', worker: ZHANG, child: ' ', age: 8 }))).toEqual({ key: 'invalid.required', params: { field: 'child' } });
    for (const age of [0, 18, 8.5]) {
      expect(await refusalOf(() => enrol(ctx, { site: '东关托管点', worker: ZHANG, child: '张小明', age }))).toEqual({ key: 'childcare.bad_age', params: { value: age } });
    }
    expect((await enrol(ctx, { site: '东关托管点', worker: ZHANG, child: '张小明', age: 1, course: '游泳' })).status).toBe('enrolled');
    expect((await enrol(ctx, { site: '东关托管点', worker: LI, child: '李小红', age: 17 })).status).toBe('waitlisted');
    expect(await refusalOf(() => enrol(ctx, { site: '东关托管点', worker: ZHANG, child: '张小明', age: 1 }))).toEqual({
      key: 'childcare.already_enrolled',
      params: { child: '张小明', site: '东关托管点' },
    });
  });

  it('withdrawing a child who waits promotes no one; a withdrawn child may enrol again', async () => {
    await enrol(ctx, { site: '东关托管点', worker: WANG, child: '王小刚', age: 9 });
    const waiting = (await listEnrolments(ctx.db, { site: '东关托管点', status: 'waitlisted' })).map((e) => e.child);
    expect(waiting).toEqual(['李小红', '王小刚']);
    const [li] = await listEnrolments(ctx.db, { site: '东关托管点', status: 'waitlisted' });
    expect((await withdraw(ctx, li!.id)).promoted).toBeNull();
    expect((await listEnrolments(ctx.db, { site: '东关托管点', status: 'waitlisted' })).map((e) => e.child)).toEqual(['王小刚']);
    expect((await enrol(ctx, { site: '东关托管点', worker: LI, child: '李小红', age: 17 })).status).toBe('waitlisted');
    expect(await refusalOf(() => withdraw(ctx, 999))).toEqual({ key: 'childcare.enrolment_not_found', params: { id: 999 }, hint: 'childcare.enrolment_not_found.hint' });
    expect((await listEnrolments(ctx.db, { site: '托管点' })).length).toBe(0);
    expect((await getSite(ctx.db, '东关托管点')).waitlisted).toBe(2);
  });

  it('refuses volunteers that are not a whole positive count, of a kind it does not know, on a day not yet come', async () => {
    expect(await refusalOf(() => addVolunteers(ctx, '托管点', 1.5))).toMatchObject({ params: { field: 'count' } });
    expect(await refusalOf(() => addVolunteers(ctx, '托管点', 0))).toMatchObject({ key: 'invalid.positive', params: { field: 'count', value: 0 } });
    const kind = await refusalOf(() => addVolunteers(ctx, '托管点', 1, { kind: '机器人' }));
    expect([(kind as { key: string }).key, params(kind).value]).toEqual(['childcare.bad_volunteer_kind', '机器人']);
    expect(params(kind).accepted).toContain('other');
    expect(await refusalOf(() => addVolunteers(ctx, '托管点', 1, { date: '2026-07-21' }))).toMatchObject({ params: { field: 'date' } });
    expect((await addVolunteers(ctx, '托管点', 2)).volunteersByKind.other).toBe(2);
  });
});

describe('events', () => {
  it('refuses an event that does not exist, and lists by type', async () => {
    expect(await refusalOf(() => getEvent(ctx.db, 999))).toEqual({ key: 'event.not_found', params: { id: 999 }, hint: 'event.not_found.hint' });
    await addEvent(ctx, { type: 'skills', title: '电动车维修', date: '2026-07-08' });
    await addEvent(ctx, { type: 'first_aid', title: '急救培训', date: '2026-07-09' });
    expect((await listEvents(ctx.db, { type: 'first_aid' })).map((e) => e.title)).toEqual(['急救培训']);
    expect((await listEvents(ctx.db, { from: '2026-07-09', to: '2026-07-09' })).map((e) => e.title)).toEqual(['急救培训']);
    expect((await listEvents(ctx.db, { to: '2026-07-08' })).map((e) => e.title)).toEqual(['电动车维修']);
  });

  it('awards points for a past event on its own day', async () => {
    await addRule(ctx, { code: 'event', name: '参加活动', points: 3 });
    const event = await addEvent(ctx, { type: 'health_lecture', title: '健康讲座', date: '2026-07-05', rule: 'event' });
    await attend(ctx, event.id, [ZHANG]);
    const entries = await ctx.db.selectFrom('point_entries').select(['business_date', 'ref']).where('ref', 'like', `event:${event.id}:%`).execute();
    expect(entries.map((e) => e.business_date)).toEqual(['2026-07-05']);
  });
});

describe('sign-in sheets', () => {
  let files = 0;
  function file(): FileMeta {
    files += 1;
    return { path: `/x/签到表${files}.csv`, name: `签到表${files}.csv`, size: 100, sha256: 'c'.repeat(63) + files, encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' };
  }
  const sheet = (phones: string[]): ParsedBatch<{ phone: string }> => ({ items: phones.map((phone, i) => ({ row: i + 2, value: { phone } })), contentSha256: 'd'.repeat(64) });
  async function* batches(batch: ParsedBatch<{ phone: string }>) {
    yield batch;
  }

  it('reads a phone from its column and refuses a row without a valid one', () => {
    const map = mapHeaders(['姓名', '手机号码'], attendanceRowParser.aliases, attendanceRowParser.required);
    expect(attendanceRowParser.parse(map, ['张三', '138 0013 8000'], 2)).toEqual({ phone: ZHANG });
    expect(() => attendanceRowParser.parse(map, ['张三', '12345'], 3)).toThrow(expect.objectContaining({ reason: { key: 'reject.phone', params: { value: '12345' } } }));
  });

  it('records the import on each row and point, waits past capacity, rejects unknown workers, and takes the same sheet for another event', async () => {
    const first = await addEvent(ctx, { type: 'skills', title: '安全培训', date: '2026-07-18', capacity: 1, rule: 'event' });
    const report = await runImport(ctx, file(), batches(sheet([LI, WANG, '13500135000'])), attendanceImportPlan(ctx, first.id, {}));
    expect([report.inserted, report.unchanged, report.rejected]).toEqual([1, 1, 1]);
    expect(report.rejects[0]).toMatchObject({ row: 4, key: 'worker.not_found' });
    expect((await attendees(ctx.db, first.id)).map((a) => a.status)).toEqual(['attended', 'waitlisted']);
    const rows = await ctx.db.selectFrom('event_attendance').select('import_id').where('event_id', '=', first.id).execute();
    expect(rows.map((r) => r.import_id)).toEqual([report.importId, report.importId]);
    const points = await ctx.db.selectFrom('point_entries').select('import_id').where('ref', 'like', `event:${first.id}:%`).execute();
    expect(points.map((p) => p.import_id)).toEqual([report.importId]);

    const second = await addEvent(ctx, { type: 'skills', title: '消防培训', date: '2026-07-19', capacity: 1 });
    const again = await runImport(ctx, file(), batches(sheet([LI, WANG])), attendanceImportPlan(ctx, second.id, { overCapacity: true }));
    expect([again.alreadyImported, again.inserted, again.unchanged]).toEqual([undefined, 2, 0]);
  });
});

describe('care visits and merchants', () => {
  it('refuses a visit without a day, naming the field', async () => {
    expect(await refusalOf(() => recordVisit(ctx, { worker: ZHANG, date: '', by: '社区' }))).toMatchObject({ params: { field: 'date' } });
  });

  it('returns the merchant just added, and lists merchants of one community', async () => {
    await addMerchant(ctx, { name: '老王面馆', community: '夹马营社区', offers: '热水' });
    expect((await addMerchant(ctx, { name: '东关便利店', community: '东关社区', offers: '热水' })).name).toBe('东关便利店');
    // Listed after both above (夹马营 after 东关, 小 after 老): the one returned is the one added.
    expect((await addMerchant(ctx, { name: '小卖部', community: '夹马营社区', offers: '热水' })).name).toBe('小卖部');
    expect((await listMerchants(ctx.db, { community: '东关社区' })).map((m) => m.name)).toEqual(['东关便利店']);
  });
});

describe("a worker's record", () => {
  it('shows the ten latest points entries, newest first', async () => {
    await addRule(ctx, { code: 'patrol', name: '安全巡查', points: 1 });
    for (let day = 1; day <= 12; day += 1) await award(ctx, { worker: ZHAO, rule: 'patrol', date: `2026-06-${String(day).padStart(2, '0')}` });
    const recent = (await workerRecord(ctx.db, ZHAO, '2026-07-20')).points.recent as { date?: string; businessDate?: string }[];
    expect(recent).toHaveLength(10);
    expect(recent.map((e) => e.date ?? e.businessDate)).toEqual(Array.from({ length: 10 }, (_, i) => `2026-06-${String(12 - i).padStart(2, '0')}`));
  });
});
