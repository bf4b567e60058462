// db check's own invariants (SQLite: the damage is written past the schema's guards, as a hand edit or
// a broken tool could): each names exactly the rows at fault and nothing in sound data; and the
// check as a whole runs every step, turning one that throws into a finding instead of stopping.
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/domain/admin/check.js';
import { INVARIANTS } from '../../src/domain/admin/invariants.js';
import { addStation, closeStation } from '../../src/domain/stations/write.js';
import { addWorker, purgeWorker } from '../../src/domain/workers/write.js';
import { freshCtx } from '../helpers/db.js';
import { onPostgres } from '../helpers/pg.js';

describe.skipIf(onPostgres)('[SQLite] db check’s own invariants', () => {
  it('names each row at fault, and nothing while the data is sound', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
    try {
      expect(INVARIANTS.map((i) => i.name)).toEqual([
        'station amenities are standard items',
        'closed stations have a reason and date',
        'purged workers hold no personal data',
        "purged workers' notes hold no phone or ID number",
        'import counts match their rows',
      ]);
      // The points entries below are written past the points ledger too: only these checks are read here.
      const mine = new Set(INVARIANTS.map((i) => i.name));
      const run = async () => (await checkDatabase([], ctx.db)).checks.filter((c) => mine.has(c.name)).flatMap((c) => c.problems.map((p) => [c.name, p.key, p.params]));
      await addStation(ctx, { code: 'ST01', name: '夹马营驿站', community: '夹马营社区', amenities: 'seating,water' }, { createCommunity: true });
      await addStation(ctx, { code: 'ST02', name: '西关驿站', community: '夹马营社区' });
      await addStation(ctx, { code: 'ST03', name: '和平里驿站', community: '夹马营社区' });
      await closeStation(ctx, 'ST02', '房屋到期');
      for (const [name, phone] of [
        ['张三', '13800138000'],
        ['李四', '13900139000'],
        ['王五', '13700137000'],
      ] as const) {
        await addWorker(ctx, { name, phone, occupation: 'rider', community: '夹马营社区' });
      }
      await purgeWorker(ctx, '13800138000', '本人要求');
      await purgeWorker(ctx, '13900139000', '本人要求');
      const entry = (worker: number, text: { note?: string; reason?: string; ref?: string }) =>
        sql`insert into point_entries (worker_id, kind, points, business_date, note, reason, ref, operator, created_at)
            values (${worker}, 'award', 1, '2026-11-01', ${text.note ?? null}, ${text.reason ?? null}, ${text.ref ?? null}, 'x', 'x')`.execute(ctx.db);
      await entry(1, { note: '代购药品', reason: '跑腿', ref: 'A-1' });
      await entry(3, { note: '电话 13700137000' }); // not purged: its note is its own business
      await sql`insert into imports (kind, file_name, sha256, size, at, operator, inserted) values ('workers', 'a.csv', 'x', 1, 'x', 'x', 1)`.execute(ctx.db);
      await sql`update workers set import_id = 1 where id = 3`.execute(ctx.db);
      expect(await run()).toEqual([]);

      await sql`pragma ignore_check_constraints = on`.execute(ctx.db);
      await sql`pragma foreign_keys = off`.execute(ctx.db);
      await sql`insert into station_amenities (station_id, amenity) values (1, 'sofa')`.execute(ctx.db);
      await sql`update stations set closed_reason = null where code = 'ST02'`.execute(ctx.db);
      await sql`update stations set status = 'closed', closed_reason = '拆迁', closed_on = null where code = 'ST03'`.execute(ctx.db);
      await sql`update workers set phone = '13800138000' where id = 1`.execute(ctx.db);
      await sql`update workers set id_number = '11010519491231002X' where id = 2`.execute(ctx.db);
      await entry(1, { note: '电话 13800138000' });
      await entry(2, { reason: '身份证 11010519491231002X' });
      await entry(2, { ref: '13900139000' });
      await sql`update imports set inserted = 0 where id = 1`.execute(ctx.db);
      expect(await run()).toEqual([
        ['station amenities are standard items', 'dbcheck.detail.station_amenity', { code: 'ST01', amenity: 'sofa' }],
        ['closed stations have a reason and date', 'dbcheck.detail.station', { code: 'ST02' }],
        ['closed stations have a reason and date', 'dbcheck.detail.station', { code: 'ST03' }],
        ['purged workers hold no personal data', 'dbcheck.detail.worker', { id: 1 }],
        ['purged workers hold no personal data', 'dbcheck.detail.worker', { id: 2 }],
        ["purged workers' notes hold no phone or ID number", 'dbcheck.detail.point_entry', { id: 3 }],
        ["purged workers' notes hold no phone or ID number", 'dbcheck.detail.point_entry', { id: 4 }],
        ["purged workers' notes hold no phone or ID number", 'dbcheck.detail.point_entry', { id: 5 }],
        ['import counts match their rows', 'dbcheck.detail.import_count', { id: 1, recorded: 0, found: 1 }],
      ]);
    } finally {
      await close();
    }
  });
});

describe.skipIf(onPostgres)('[SQLite] db check as a whole', () => {
  it('runs the engine’s checks first, reports a step that throws as a finding, and goes on', async () => {
    const { ctx, close } = await freshCtx();
    try {
      const report = await checkDatabase(
        [
          { name: 'integrity', run: async () => [] },
          { name: 'guards', run: async () => [{ key: 'dbcheck.detail.raw', params: { text: 'trigger missing' } }] },
          {
            name: 'damaged',
            run: () => {
              throw new Error('database disk image is malformed');
            },
          },
          { name: 'odd', run: () => Promise.reject('not an Error') },
        ],
        ctx.db,
      );
      expect(report.ok).toBe(false);
      expect(report.checks.slice(0, 4)).toEqual([
        { name: 'integrity', ok: true, problems: [] },
        { name: 'guards', ok: false, problems: [{ key: 'dbcheck.detail.raw', params: { text: 'trigger missing' } }] },
        { name: 'damaged', ok: false, problems: [{ key: 'dbcheck.detail.could_not_run', params: { reason: 'database disk image is malformed' } }] },
        { name: 'odd', ok: false, problems: [{ key: 'dbcheck.detail.could_not_run', params: { reason: 'not an Error' } }] },
      ]);
      // Every domain invariant still ran after them, and found nothing in an empty database.
      expect(report.checks.slice(4).every((c) => c.ok)).toBe(true);
      expect(report.checks.length).toBeGreaterThan(4 + INVARIANTS.length);
      expect((await checkDatabase([{ name: 'integrity', run: async () => [] }], ctx.db)).ok).toBe(true);
    } finally {
      await close();
    }
  });
});
