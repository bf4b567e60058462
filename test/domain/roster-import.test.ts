// The roster import's writing half, driven with parsed rows made here (no file reader), on both
// engines: new phones inserted, known ones updated field by field with the old values kept in the
// worker's history (ID numbers masked), an ID number that is someone else's refused, and
// --deactivate-missing: its scope, its refusals (an empty file, an empty scope, too large a share),
// a dry run that says who and what the real run would refuse, and the deactivations it writes.
import { afterEach, describe, expect, it } from 'vitest';
import type { Ctx, Tx } from '../../src/domain/context.js';
import { addCommunity } from '../../src/domain/geo/communities.js';
import { maskIdNumber, maskPhone } from '../../src/domain/privacy.js';
import { importRoster, type RosterOptions } from '../../src/domain/workers/roster-import.js';
import type { RosterRow } from '../../src/domain/workers/roster-parse.js';
import type { WorkerColumns } from '../../src/domain/workers/validate.js';
import type { ImportOptions } from '../../src/domain/imports/run.js';
import type { FileMeta, ParsedBatch } from '../../src/import/records.js';
import type { OpenDb } from '../../src/db/open.js';
import { freshCtx } from '../helpers/db.js';
import { refusalOf } from '../helpers/refusal.js';

const ID_A = '11010519491231002X';
const ID_B = '440524188001010014';
const ID_C = '110101199003070019';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

type District = { ctx: Ctx; opened: OpenDb; west: number; east: number };

async function district(): Promise<District> {
  const fresh = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
  closers.push(fresh.close);
  const west = (await addCommunity(fresh.ctx, { name: '夹马营社区', subdistrict: '西关街道' })).id;
  const east = (await addCommunity(fresh.ctx, { name: '东关社区', subdistrict: '东关街道' })).id;
  return { ctx: fresh.ctx, opened: fresh.opened, west, east };
}

let files = 0;
/** A file never imported before (its own bytes and rows). */
function file(): FileMeta {
  files += 1;
  const sha = files.toString(16).padStart(64, '0');
  return { path: `/x/花名册${files}.csv`, name: `花名册${files}.csv`, size: 100, sha256: sha, encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' };
}

const row = (phone: string, columns: WorkerColumns): RosterRow => ({ phone, columns: { occupation: 'rider', ...columns } });

async function run(d: District, rows: (RosterRow | 'reject')[], options: RosterOptions & ImportOptions = {}) {
  const meta = file();
  const batch: ParsedBatch<RosterRow> = {
    items: rows.map((value, i) => (value === 'reject' ? { row: i + 2, reject: { key: 'reject.required', params: { field: 'phone' } }, cells: [''] } : { row: i + 2, value })),
    contentSha256: meta.sha256,
  };
  async function* batches() {
    yield batch;
  }
  return importRoster(d.ctx, (trx: Tx) => d.opened.workerStore(trx), meta, batches(), options);
}

async function workers(d: District) {
  return d.ctx.db.selectFrom('workers').select(['phone', 'name', 'platform', 'id_number', 'community_id', 'active', 'deactivated_reason', 'import_id']).orderBy('id').execute();
}

async function history(d: District) {
  const rows = await d.ctx.db
    .selectFrom('worker_history as h')
    .innerJoin('workers as w', 'w.id', 'h.worker_id')
    .select(['w.phone', 'h.action', 'h.import_id', 'h.changes'])
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({ ...r, changes: r.changes === null ? null : JSON.parse(r.changes) }));
}

describe('importing a roster', () => {
  it('inserts new phones, updates the changed fields of known ones with their history, leaves the same alone', async () => {
    const d = await district();
    const first = await run(d, [
      row('13800138000', { name: '张伟', platform: '美团', community_id: d.west }),
      row('13700137000', { name: '刘洋', platform: '美团', community_id: d.west, note: '夜班' }),
      row('13600136000', { name: '王芳', platform: '饿了么', id_number: ID_A, community_id: d.east }),
    ]);
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const second = await run(d, [
      row('13800138000', { name: '张伟', platform: '饿了么', community_id: d.west }),
      row('13700137000', { name: '刘洋', platform: '美团', community_id: d.west }), // no note given: kept
      row('13600136000', { name: '王芳', id_number: ID_B }),
      row('13500135000', { name: '赵敏', platform: '美团', id_number: ID_C, community_id: d.east }),
    ]);
    expect(second).toMatchObject({ inserted: 1, updated: 2, unchanged: 1, rejected: 0 });
    expect(await workers(d)).toEqual([
      expect.objectContaining({ phone: '13800138000', platform: '饿了么', import_id: first.importId }),
      expect.objectContaining({ phone: '13700137000', platform: '美团' }),
      expect.objectContaining({ phone: '13600136000', platform: '饿了么', id_number: ID_B, community_id: d.east }),
      expect.objectContaining({ phone: '13500135000', name: '赵敏', id_number: ID_C, import_id: second.importId }),
    ]);
    expect(await history(d)).toEqual([
      { phone: '13800138000', action: 'import', import_id: second.importId, changes: { platform: ['美团', '饿了么'] } },
      { phone: '13600136000', action: 'import', import_id: second.importId, changes: { id_number: [maskIdNumber(ID_A), maskIdNumber(ID_B)] } },
    ]);
    expect(maskIdNumber(ID_A)).not.toContain('19491231');
    // Blank clears: a field given as empty is cleared, and the history says from what.
    const third = await run(d, [row('13700137000', { name: '刘洋', note: null })], { blankClears: true });
    expect(third).toMatchObject({ updated: 1 });
    expect((await history(d)).at(-1)).toEqual({ phone: '13700137000', action: 'import', import_id: third.importId, changes: { note: ['夜班', null] } });
  });

  it('refuses an ID number that is another worker’s, naming that worker’s phone masked', async () => {
    const d = await district();
    await run(d, [row('13600136000', { name: '王芳', id_number: ID_A })]);
    const report = await run(d, [row('13900139000', { name: '冒用', id_number: ID_A }), row('13800138000', { name: '张伟', id_number: ID_B })]);
    expect(report).toMatchObject({ inserted: 1, rejected: 1 });
    expect(report.rejects).toEqual([{ key: 'reject.id_taken', params: { phone: maskPhone('13600136000') }, row: 2, cells: [] }]);
    expect(maskPhone('13600136000')).not.toBe('13600136000');
    // A worker's own ID number on their own row is no conflict.
    expect(await run(d, [row('13600136000', { name: '王芳芳', id_number: ID_A })])).toMatchObject({ updated: 1, rejected: 0 });
  });
});

describe('--deactivate-missing', () => {
  /** Five 美团 riders in 夹马营, one 饿了么 rider, one 美团 rider in 东关. */
  async function roster(d: District) {
    const riders = ['13800138001', '13800138002', '13800138003', '13800138004', '13800138005'].map((p, i) =>
      row(p, { name: `骑手${i + 1}`, platform: '美团', community_id: d.west }),
    );
    await run(d, [
      ...riders,
      row('13900139000', { name: '饿了么骑手', platform: '饿了么', community_id: d.west }),
      row('13700137000', { name: '东关骑手', platform: '美团', community_id: d.east }),
    ]);
    return riders;
  }

  it('deactivates the scope’s active workers the file does not list, up to a fifth of them', async () => {
    const d = await district();
    const riders = await roster(d);
    // 美团 in 夹马营 and 东关: six; the file lists five, so one is missing (a sixth: under the limit).
    const report = await run(d, riders, { deactivateMissing: { platform: '美团' } });
    expect(report).toMatchObject({ unchanged: 5, extra: { deactivated: 1 }, deactivate: [{ name: '东关骑手', phone: maskPhone('13700137000') }] });
    expect(report.refusal).toBeUndefined();
    const after = await workers(d);
    expect(after.filter((w) => w.active === 0)).toEqual([expect.objectContaining({ phone: '13700137000', deactivated_reason: `missing from import #${report.importId}` })]);
    expect((await history(d)).filter((h) => h.action === 'deactivate')).toEqual([
      { phone: '13700137000', action: 'deactivate', import_id: report.importId, changes: { active: [1, 0] } },
    ]);
  });

  it('keeps to the community named: exactly a fifth missing is allowed', async () => {
    const d = await district();
    const riders = await roster(d);
    // 夹马营: the five 美团 riders and the 饿了么 one; the file lists five of the six, one missing is under a fifth.
    const report = await run(d, [...riders.slice(0, 4), row('13900139000', { name: '饿了么骑手', platform: '饿了么', community_id: d.west })], {
      deactivateMissing: { community: '夹马营社区' },
    });
    expect(report.deactivate).toEqual([{ name: '骑手5', phone: maskPhone('13800138005') }]);
    // Both scopes at once: 美团 in 夹马营, five; four listed is exactly 20%.
    const d2 = await district();
    const riders2 = await roster(d2);
    const both = await run(d2, riders2.slice(1), { deactivateMissing: { platform: '美团', community: '夹马营社区' } });
    expect(both).toMatchObject({ extra: { deactivated: 1 }, deactivate: [{ name: '骑手1' }] });
    expect((await workers(d2)).filter((w) => w.active === 0).map((w) => w.phone)).toEqual(['13800138001']);
  });

  it('refuses more than a fifth missing unless forced; a dry run says who and that it would be refused', async () => {
    const d = await district();
    const riders = await roster(d);
    const options = { deactivateMissing: { platform: '美团', community: '夹马营社区' } };
    expect(await refusalOf(() => run(d, riders.slice(0, 3), options))).toEqual({
      key: 'worker.deactivate_too_many',
      params: { count: 2, total: 5, percent: 40, limit: 20 },
      hint: 'worker.deactivate_too_many.hint',
    });
    expect((await workers(d)).every((w) => w.active === 1)).toBe(true);
    const dry = await run(d, riders.slice(0, 3), { dryRun: true, deactivateMissing: { ...options.deactivateMissing, dryRun: true } });
    expect(dry).toMatchObject({ dryRun: true, written: false, extra: { deactivated: 2 }, deactivate: [{ name: '骑手4' }, { name: '骑手5' }] });
    expect(dry.refusal).toMatchObject({ key: 'worker.deactivate_too_many', params: { count: 2, total: 5 } });
    expect((await workers(d)).every((w) => w.active === 1)).toBe(true);
    const forced = await run(d, riders.slice(0, 3), { deactivateMissing: { ...options.deactivateMissing, force: true } });
    expect(forced).toMatchObject({ extra: { deactivated: 2 } });
    expect(forced.refusal).toBeUndefined();
    expect((await workers(d)).filter((w) => w.active === 0).map((w) => w.phone)).toEqual(['13800138004', '13800138005']);
  });

  it('counts nobody deactivated when a strict run is undone by a rejected row', async () => {
    const d = await district();
    const riders = await roster(d);
    const report = await run(d, [...riders.slice(1), 'reject'], { strict: true, deactivateMissing: { platform: '美团', community: '夹马营社区' } });
    expect(report).toMatchObject({ written: false, rejected: 1, extra: { deactivated: 0 }, deactivate: [] });
    expect((await workers(d)).every((w) => w.active === 1)).toBe(true);
  });

  it('refuses a file that lists nobody, and a scope nobody is in', async () => {
    const d = await district();
    await roster(d);
    expect(await refusalOf(() => run(d, ['reject'], { deactivateMissing: { platform: '美团' } }))).toEqual({
      key: 'worker.deactivate_no_rows',
      params: {},
      hint: 'worker.deactivate_no_rows.hint',
    });
    expect(await refusalOf(() => run(d, [row('13800138001', { name: '骑手1' })], { deactivateMissing: { platform: '滴滴' } }))).toEqual({
      key: 'worker.deactivate_empty_scope',
      params: { scope: '滴滴' },
    });
    expect(await refusalOf(() => run(d, [row('13800138001', { name: '骑手1' })], { deactivateMissing: { community: '白塔社区' } }))).toEqual({
      key: 'worker.deactivate_empty_scope',
      params: { scope: '白塔社区' },
    });
    expect((await workers(d)).every((w) => w.active === 1)).toBe(true);
  });

  it('a dry run of a file imported before names nobody to deactivate', async () => {
    const d = await district();
    const riders = await roster(d);
    const meta = file();
    const again = (options: RosterOptions & ImportOptions) => {
      async function* batches() {
        yield { items: riders.slice(1).map((value, i) => ({ row: i + 2, value })), contentSha256: meta.sha256 } as ParsedBatch<RosterRow>;
      }
      return importRoster(d.ctx, (trx: Tx) => d.opened.workerStore(trx), meta, batches(), options);
    };
    const scope = { platform: '美团', community: '夹马营社区' };
    expect(await again({ deactivateMissing: { ...scope, force: true } })).toMatchObject({ written: true, extra: { deactivated: 1 } });
    const dry = await again({ dryRun: true, deactivateMissing: { ...scope, dryRun: true } });
    expect(dry).toMatchObject({ alreadyImported: { id: expect.any(Number) }, extra: { deactivated: 0 }, deactivate: [] });
  });

  it('without --deactivate-missing, the report has no such counts', async () => {
    const d = await district();
    const report = await run(d, [row('13800138001', { name: '骑手1' })]);
    expect(report.extra).toBeUndefined();
    expect(report.deactivate).toBeUndefined();
  });
});
