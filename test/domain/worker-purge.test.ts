// Workers' writes the scenario does not reach: a phone checked as a prompt checks it, an ID number
// kept by its own worker on an update, a phone change kept masked in the history, reveals logged in
// chunks, and a purge that finds every number the worker has had — including numbers an older version
// left unmasked in the history — wherever it was typed, even inside a longer run of digits no pattern
// would take for a phone, while numbers that were never the worker's stay as typed.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { applyHousing, openDispute } from '../../src/domain/programme/cases.js';
import { addWish } from '../../src/domain/wishes/write.js';
import { addWorker, checkWorkerPhone, logReveal, purgeWorker, updateWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

const ID_A = '11010519491231002X';
const ID_B = '440524188001010014';
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function district(): Promise<Ctx> {
  const fresh = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
  closers.push(fresh.close);
  await addCommunity(fresh.ctx, { name: '夹马营社区', subdistrict: '西关街道' });
  return fresh.ctx;
}

const historyOf = async (ctx: Ctx, workerId: number) =>
  (await ctx.db.selectFrom('worker_history').select(['action', 'changes']).where('worker_id', '=', workerId).orderBy('id').execute()).map((h) => ({
    action: h.action,
    changes: h.changes === null ? null : JSON.parse(h.changes),
  }));

describe('a phone typed at a prompt', () => {
  it('is checked as worker add checks it', async () => {
    expect(() => checkWorkerPhone('13800138000')).not.toThrow();
    expect(() => checkWorkerPhone('+86 138-0013-8000')).not.toThrow();
    expect(await refusalOf(() => checkWorkerPhone('1380013800'))).toEqual({ key: 'reject.phone', params: { value: '1380013800' } });
    expect(await refusalOf(() => checkWorkerPhone(' '))).toEqual({ key: 'reject.required', params: { field: 'phone' } });
  });
});

describe('updating a worker', () => {
  it('keeps their own ID number; refuses another’s, naming its owner’s phone masked', async () => {
    const ctx = await district();
    await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区', idNumber: ID_A });
    await addWorker(ctx, { name: '李四', phone: '13900139000', occupation: 'rider', community: '夹马营社区' });
    expect(await updateWorker(ctx, '13800138000', { idNumber: ID_A, note: '夜班' })).toMatchObject({ idNumber: ID_A, note: '夜班' });
    expect(await refusalOf(() => updateWorker(ctx, '13900139000', { idNumber: ID_A }))).toEqual({ key: 'worker.id_taken', params: { phone: '138****8000' } });
    expect(await refusalOf(() => addWorker(ctx, { name: '王五', phone: '13700137000', occupation: 'rider', community: '夹马营社区', idNumber: ID_A }))).toEqual({
      key: 'worker.id_taken',
      params: { phone: '138****8000' },
    });
  });

  it('keeps a changed phone in the history masked, old and new', async () => {
    const ctx = await district();
    const { id } = await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
    await updateWorker(ctx, '13800138000', { newPhone: '13900139000' });
    expect(await historyOf(ctx, id)).toEqual([
      { action: 'create', changes: null },
      { action: 'update', changes: { phone: ['138****8000', '139****9000'] } },
    ]);
  });
});

describe('reveals', () => {
  it('logs one line per worker, however many, and nothing for none', async () => {
    const ctx = await district();
    const { id } = await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区' });
    await logReveal(ctx, [], ['phone'], '核对');
    await logReveal(
      ctx,
      Array.from({ length: 1001 }, () => id),
      ['phone', 'id_number'],
      '核对名单',
    );
    const rows = await ctx.db.selectFrom('access_log').select(['worker_id', 'fields', 'reason']).execute();
    expect(rows).toHaveLength(1001);
    expect(new Set(rows.map((r) => JSON.stringify(r)))).toEqual(new Set([JSON.stringify({ worker_id: id, fields: 'phone,id_number', reason: '核对名单' })]));
    expect(await refusalOf(() => logReveal(ctx, [id], ['phone'], ' '))).toEqual({ key: 'reveal.needs_reason', params: {} });
  });
});

describe('purging a worker', () => {
  it('masks every number they have had wherever it was typed, and leaves other numbers alone', async () => {
    const ctx = await district();
    const { id } = await addWorker(ctx, { name: '张三', phone: '13800138000', occupation: 'rider', community: '夹马营社区', idNumber: ID_A });
    // An older version kept history values unmasked: an old phone, an old ID, a seven-digit landline
    // (all the worker's), beside values that are not numbers of theirs.
    const legacy = { phone: ['13600136000', '13800138000'], id_number: [ID_B, ID_A], note: ['13500135000', null] };
    const odd = { phone: ['6123456', '123456', 'ab12345678', '1234567Y', 7654321] };
    for (const changes of [JSON.stringify(legacy), JSON.stringify(odd), 'not json']) {
      await sql`insert into worker_history (worker_id, at, operator, action, import_id, changes) values (${id}, 'x', 'x', 'update', null, ${changes})`.execute(ctx.db);
    }
    // Each number inside a longer run of digits, where no pattern would see a phone or an ID.
    const typed = (n: string) => `单号9${n}9`;
    const others = `备注 ab12345678 1234567Y 7654321 ${typed('13500135000')}`;
    const wish = await addWish(ctx, { title: typed('13600136000'), category: 'daily', worker: '13800138000' });
    await addWish(ctx, { title: '一辆电动车', category: 'daily', worker: '13800138000' });
    const housing = await applyHousing(ctx, { worker: '13800138000', household: 2, note: typed('6123456') });
    const dispute = await openDispute(ctx, { worker: '13800138000', type: '欠薪', via: 'hotline', summary: others, employer: typed(ID_B) });
    const event = (type: 'housing' | 'dispute', caseId: number, note: string) =>
      sql`insert into case_events (case_type, case_id, business_date, at, operator, from_status, to_status, note) values (${type}, ${caseId}, '2026-11-29', 'x', 'x', null, 'open', ${note})`.execute(
        ctx.db,
      );
    await event('housing', housing.id, typed('13600136000'));
    await event('dispute', dispute.id, typed('6123456'));
    await sql`insert into point_entries (worker_id, kind, points, business_date, note, reason, ref, operator, created_at)
      values (${id}, 'award', 1, '2026-11-01', ${typed('13600136000')}, null, ${others}, 'x', 'x')`.execute(ctx.db);
    await sql`insert into wish_events (wish_id, at, business_date, operator, from_status, to_status, note) values (${wish}, 'x', '2026-11-29', 'x', null, 'collected', ${typed(ID_B)})`.execute(
      ctx.db,
    );
    await logReveal(ctx, [id], ['phone'], `核对 ${typed('13600136000')}`);

    await purgeWorker(ctx, '13800138000', `本人要求 ${typed('6123456')}`);

    const texts = async (statement: string) => (await sql.raw<{ t: string | null }>(statement).execute(ctx.db)).rows.map((r) => r.t);
    expect(await texts('select title as t from wishes order by id')).toEqual([typed('136****6000'), '一辆电动车']);
    expect(await texts('select detail as t from wishes order by id')).toEqual([null, null]);
    expect(await texts('select note as t from housing_applications')).toEqual([typed('*******')]);
    // Numbers that were never the worker's phone or ID number stay as typed.
    expect(await texts('select summary as t from disputes')).toEqual([others]);
    expect(await texts('select employer as t from disputes')).toEqual([typed('440524********0014')]);
    expect(await texts('select note as t from case_events where note is not null order by id')).toEqual([typed('136****6000'), typed('*******')]);
    expect(await texts('select note as t from point_entries')).toEqual([typed('136****6000')]);
    expect(await texts('select ref as t from point_entries')).toEqual([others]);
    expect(await texts('select note as t from wish_events where note is not null')).toEqual([typed('440524********0014')]);
    expect(await texts('select reason as t from access_log')).toEqual([`核对 ${typed('136****6000')}`]);
    const audit = (await texts('select detail as t from audit_log where detail is not null')).join('\n');
    for (const number of ['13800138000', '13600136000', ID_A, ID_B, '6123456']) expect(audit).not.toContain(number);
    expect(audit).toContain(`本人要求 ${typed('*******')}`);
    expect(await historyOf(ctx, id)).toEqual([
      { action: 'create', changes: null },
      { action: 'update', changes: null },
      { action: 'update', changes: null },
      { action: 'update', changes: null },
      { action: 'purge', changes: null },
    ]);
  });
});
