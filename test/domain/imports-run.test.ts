// runImport, the guarantees every file import shares, driven with batches made here (no file reader):
// the report as a reader's batches describe it, row rejections beside written rows, strict and dry
// runs undone, the same bytes or the same rows never imported twice, and the import's record and audit.
import { describe, expect, it } from 'vitest';
import type { Tx } from '../../src/domain/context.js';
import { type ImportPlan, RowRejection, runImport } from '../../src/domain/imports/run.js';
import type { FileMeta, ParsedBatch } from '../../src/import/records.js';
import { freshCtx } from '../helpers/db.js';

type Row = { name: string };

const csv: FileMeta = { path: '/x/社区.csv', name: '社区.csv', size: 120, sha256: 'a'.repeat(64), encoding: 'gb18030', bom: false, delimiter: ',', format: 'csv' };
const xlsx: FileMeta = { ...csv, name: '社区.xlsx', sha256: 'b'.repeat(64), encoding: null, format: 'xlsx' };

/** Communities by name: '重复' is refused as a row, '故障' fails as something else would. */
function communityPlan(calls: string[] = []): ImportPlan<Row> {
  return {
    kind: 'communities-test',
    tables: ['communities'],
    async beforeBatch(_trx: Tx, values: Row[]) {
      calls.push(`before ${values.map((v) => v.name).join(',')}`);
    },
    async afterBatch() {
      calls.push('after');
    },
    async apply(trx, value): Promise<'inserted'> {
      if (value.name === '重复') throw new RowRejection({ key: 'reject.duplicate', params: { value: value.name } });
      if (value.name === '故障') throw new Error('disk went away');
      await trx.insertInto('communities').values({ name: value.name, subdistrict_id: null, created_at: 'x' }).execute();
      return 'inserted';
    },
  };
}

async function* batches(...list: ParsedBatch<Row>[]): AsyncGenerator<ParsedBatch<Row>> {
  yield* list;
}

const first: ParsedBatch<Row> = {
  header: ['社区名称'],
  headerRow: 3,
  preamble: [['2026年社区名单'], ['']],
  unknownColumns: ['备注'],
  sheet: { name: '名单', index: 1, nonEmpty: ['名单'] },
  items: [
    { row: 4, value: { name: '夹马营社区' } },
    { row: 5, reject: { key: 'reject.required', params: { field: 'name' } }, cells: [''] },
    { row: 6, value: { name: '重复' } },
  ],
  bytesRead: 60,
};
const last: ParsedBatch<Row> = {
  items: [{ row: 7, value: { name: '白塔社区' }, cells: ['白塔社区'] }],
  bytesRead: 120,
  skipped: { above_header: 2, blank: 1, totals: 1 },
  contentSha256: 'c'.repeat(64),
};

describe('runImport', () => {
  it('writes the valid rows, reports the rest with their rows and cells, and records the import', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
    try {
      const calls: string[] = [];
      const progress: number[] = [];
      const report = await runImport(ctx, xlsx, batches(first, last), communityPlan(calls), { source: '西关街道', onBytes: (n) => progress.push(n) });
      expect(report).toMatchObject({
        importId: 1,
        inserted: 2,
        rejected: 2,
        header: ['社区名称'],
        headerRow: 3,
        preamble: [['2026年社区名单'], ['']],
        unknownColumns: ['备注'],
        skipped: { above_header: 2, blank: 1, totals: 1 },
        sheet: { name: '名单', index: 1, nonEmpty: ['名单'] },
        file: { name: '社区.xlsx', format: 'xlsx', encoding: null, sheet: '名单' },
        written: true,
        dryRun: false,
      });
      expect(report.rejects).toEqual([
        { key: 'reject.required', params: { field: 'name' }, row: 5, cells: [''] },
        { key: 'reject.duplicate', params: { value: '重复' }, row: 6, cells: [] },
      ]);
      expect(calls).toEqual(['before 夹马营社区,重复', 'after', 'before 白塔社区', 'after']);
      expect(progress).toEqual([60, 120]);
      const record = await ctx.db.selectFrom('imports').selectAll().executeTakeFirstOrThrow();
      expect(record).toMatchObject({
        kind: 'communities-test',
        file_name: '社区.xlsx',
        encoding: 'xlsx',
        source: '西关街道',
        inserted: 2,
        rejected: 2,
        content_sha256: 'c'.repeat(64),
      });
      const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity', 'detail']).where('entity', '=', 'import').executeTakeFirstOrThrow();
      expect({ ...audit, detail: JSON.parse(audit.detail!) }).toEqual({
        action: 'import',
        entity: 'import',
        detail: { kind: 'communities-test', file: '社区.xlsx', sha256: 'b'.repeat(64), inserted: 2, updated: 0, unchanged: 0, rejected: 2 },
      });
    } finally {
      await close();
    }
  });

  it('keeps a report without a header as it was, and a CSV without a source as none', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      const report = await runImport(ctx, csv, batches({ items: [{ row: 2, value: { name: '夹马营社区' } }], contentSha256: 'd'.repeat(64) }), communityPlan());
      expect(report).toMatchObject({ header: [], headerRow: 1, preamble: [], unknownColumns: [], skipped: { above_header: 0, blank: 0, totals: 0 }, inserted: 1 });
      expect(report.sheet).toBeUndefined();
      expect(await ctx.db.selectFrom('imports').select(['source', 'encoding']).executeTakeFirstOrThrow()).toEqual({ source: null, encoding: 'gb18030' });
    } finally {
      await close();
    }
  });

  it('undoes a dry run, and a strict run with a reject, but not a strict run without one', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      const dry = await runImport(ctx, xlsx, batches(first, last), communityPlan(), { dryRun: true });
      expect(dry).toMatchObject({ importId: null, inserted: 2, rejected: 2, dryRun: true, written: false });
      const strict = await runImport(ctx, xlsx, batches(first, last), communityPlan(), { strict: true });
      expect(strict).toMatchObject({ importId: null, inserted: 2, rejected: 2 });
      expect(await ctx.db.selectFrom('communities').select('name').execute()).toEqual([]);
      expect(await ctx.db.selectFrom('imports').select('id').execute()).toEqual([]);
      const clean = await runImport(ctx, csv, batches({ items: [{ row: 2, value: { name: '夹马营社区' } }], contentSha256: 'e'.repeat(64) }), communityPlan(), { strict: true });
      // PostgreSQL's sequences do not roll back: the id is the next one, not necessarily 1.
      expect(clean).toMatchObject({ importId: expect.any(Number), inserted: 1, rejected: 0 });
      expect(await ctx.db.selectFrom('imports').select('id').execute()).toEqual([{ id: clean.importId }]);
    } finally {
      await close();
    }
  });

  it('imports the same bytes or the same rows once, and stops on a fault that is not a row’s', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29', now: '2026-11-29T02:00:00.000Z' });
    try {
      const rows = (content: string, name = '夹马营社区') => batches({ items: [{ row: 2, value: { name } }], contentSha256: content });
      await runImport(ctx, csv, rows('f'.repeat(64)), communityPlan());
      const sameBytes = await runImport(ctx, csv, rows('0'.repeat(64), '广化社区'), communityPlan());
      expect(sameBytes).toMatchObject({ importId: null, inserted: 0, written: false, alreadyImported: { id: 1, at: '2026-11-29T02:00:00.000Z' } });
      // A workbook's bytes say nothing (one file, several sheets): its rows do.
      const sameRows = await runImport(ctx, xlsx, rows('f'.repeat(64), '和平里社区'), communityPlan());
      expect(sameRows).toMatchObject({ importId: null, inserted: 0, alreadyImported: { id: 1 } });
      const otherSheet = await runImport(
        ctx,
        { ...xlsx, sha256: 'f'.repeat(64) },
        batches({ items: [{ row: 2, value: { name: '白塔社区' } }], contentSha256: '1'.repeat(64) }),
        communityPlan(),
      );
      expect(otherSheet).toMatchObject({ importId: expect.any(Number), inserted: 1 });
      const fault = runImport(ctx, { ...csv, sha256: '2'.repeat(64) }, batches({ items: [{ row: 2, value: { name: '故障' } }], contentSha256: '3'.repeat(64) }), communityPlan());
      await expect(fault).rejects.toThrow('disk went away');
      const noHash = runImport(ctx, { ...csv, sha256: '4'.repeat(64) }, batches({ items: [] }), communityPlan());
      await expect(noHash).rejects.toThrow('the file reader gave no content hash');
      expect((await ctx.db.selectFrom('imports').select('id').execute()).length).toBe(2);
    } finally {
      await close();
    }
  });

  it('keeps the content hash a reader gave before its last batch, a header without title lines, and reports bytes only when read', async () => {
    const { ctx, close } = await freshCtx({ today: '2026-11-29' });
    try {
      const progress: (number | undefined)[] = [];
      const report = await runImport(
        ctx,
        csv,
        batches(
          { header: ['社区名称'], items: [{ row: 2, value: { name: '夹马营社区' } }], contentSha256: '5'.repeat(64), bytesRead: 40 },
          { items: [{ row: 3, value: { name: '白塔社区' } }] },
        ),
        communityPlan(),
        { onBytes: (n) => progress.push(n) },
      );
      expect(report).toMatchObject({ inserted: 2, header: ['社区名称'], headerRow: 1, preamble: [], unknownColumns: [] });
      expect(progress).toEqual([40]);
      expect(await ctx.db.selectFrom('imports').select('content_sha256').executeTakeFirstOrThrow()).toEqual({ content_sha256: '5'.repeat(64) });
    } finally {
      await close();
    }
  });
});
