import type { Ctx, Tx } from '../domain/context.js';
import { inTransaction } from '../domain/context.js';
import { recordAudit } from '../domain/audit.js';
import { ValidationError, type MessageParams } from '../errors.js';
import { isBlank, type FileMeta as FileInfo, type RawRecord } from './records.js';
import { mapHeaders, type HeaderAliases, type HeaderMap } from './headers.js';

export type RowOutcome = 'inserted' | 'updated' | 'unchanged';
export type RejectReason = { key: string; params?: MessageParams };
export type Reject = RejectReason & { row: number; cells: string[] };

/** Thrown by a plan's parse/apply to refuse one row (the rest go on). */
export class RowRejection extends Error {
  constructor(readonly reason: RejectReason) {
    super(reason.key);
  }
}

export type ImportPlan<F extends string, V> = {
  kind: string;
  aliases: HeaderAliases<F>;
  required: readonly F[];
  /** Called once with the header, inside the transaction (load lookups, prepare statements). */
  begin?(trx: Tx, map: HeaderMap<F>): Promise<void> | void;
  /** Normalise and validate one record; throw RowRejection to refuse it. */
  parse(map: HeaderMap<F>, cells: string[], row: number): V | Promise<V>;
  /** A key that must not repeat within one file (the later row is rejected). */
  keyOf?(value: V): string | undefined;
  /** Write one row; throw RowRejection to refuse it. */
  apply(trx: Tx, value: V, importId: number, row: number): RowOutcome | Promise<RowOutcome>;
  /** Called once after the last row, inside the transaction. */
  end?(trx: Tx, importId: number): Promise<void> | void;
};

export type ImportOptions = { dryRun?: boolean; strict?: boolean; source?: string; onRow?: (row: number) => void };

export type ImportReport = {
  importId: number | null;
  file: { name: string; sha256: string; size: number; encoding: string };
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: Reject[];
  header: string[];
  unknownColumns: string[];
  dryRun: boolean;
  written: boolean;
  /** Counts particular to one kind of import (e.g. workers deactivated). */
  extra?: Record<string, number>;
  /** Set when a file with the same SHA-256 was imported before: nothing was done. */
  alreadyImported?: { id: number; at: string };
};

/** Signals "undo everything" (dry run, strict with rejects) without it being an error. */
class Rollback extends Error {}

/**
 * The guarantees every file import shares: one transaction (a crash leaves the
 * database as before), Excel row numbers, per-row rejects that do not stop the
 * valid rows (unless strict), never the same file twice, a recorded import.
 */
export async function runImport<F extends string, V>(
  ctx: Ctx,
  file: FileInfo,
  records: AsyncIterable<RawRecord>,
  plan: ImportPlan<F, V>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = {
    importId: null,
    file: { name: file.name, sha256: file.sha256, size: file.size, encoding: file.encoding },
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejects: [],
    header: [],
    unknownColumns: [],
    dryRun: Boolean(options.dryRun),
    written: false,
  };
  const previous = await ctx.db
    .selectFrom('imports')
    .select(['id', 'at'])
    .where('kind', '=', plan.kind)
    .where('sha256', '=', file.sha256)
    .executeTakeFirst();
  if (previous) return { ...report, alreadyImported: previous };

  try {
    await inTransaction(ctx, async (trx) => {
      const importId = await openImportRecord(trx, ctx, plan.kind, file, options.source);
      report.importId = importId;
      await processRecords(trx, records, plan, importId, report, options);
      await plan.end?.(trx, importId);
      report.rejected = report.rejects.length;
      await trx
        .updateTable('imports')
        .set({ inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected })
        .where('id', '=', importId)
        .execute();
      await recordAudit(trx, ctx, {
        action: 'import',
        entity: 'import',
        entityKey: importId,
        detail: { kind: plan.kind, file: file.name, sha256: file.sha256, inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected },
      });
      if (options.dryRun || (options.strict && report.rejected > 0)) throw new Rollback();
    });
    report.written = true;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    report.importId = null;
  }
  return report;
}

async function openImportRecord(trx: Tx, ctx: Ctx, kind: string, file: FileInfo, source?: string): Promise<number> {
  const row = await trx
    .insertInto('imports')
    .values({
      kind,
      file_name: file.name,
      sha256: file.sha256,
      size: file.size,
      at: ctx.clock.now().toISOString(),
      operator: ctx.actor.operator,
      source: source ?? null,
      encoding: file.encoding,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function processRecords<F extends string, V>(
  trx: Tx,
  records: AsyncIterable<RawRecord>,
  plan: ImportPlan<F, V>,
  importId: number,
  report: ImportReport,
  options: ImportOptions,
): Promise<void> {
  let map: HeaderMap<F> | undefined;
  const seen = new Map<string, number>();
  for await (const { row, cells } of records) {
    if (!map) {
      map = mapHeaders(cells, plan.aliases, plan.required);
      report.header = cells;
      report.unknownColumns = map.unknown;
      await plan.begin?.(trx, map);
      continue;
    }
    if (isBlank(cells)) continue;
    try {
      if (cells.length !== map.headers.length) {
        throw new RowRejection({ key: 'reject.cells', params: { found: cells.length, expected: map.headers.length } });
      }
      // Plans may be synchronous; awaiting only real promises keeps a million-row loop quick.
      const parsed = plan.parse(map, cells, row);
      const value = parsed instanceof Promise ? await parsed : parsed;
      const key = plan.keyOf?.(value);
      if (key !== undefined) {
        const first = seen.get(key);
        if (first !== undefined) throw new RowRejection({ key: 'reject.duplicate', params: { row: first } });
        seen.set(key, row);
      }
      const applied = plan.apply(trx, value, importId, row);
      report[applied instanceof Promise ? await applied : applied] += 1;
    } catch (error) {
      if (!(error instanceof RowRejection)) throw error;
      report.rejects.push({ ...error.reason, row, cells });
    }
    options.onRow?.(row);
  }
  if (!map) throw new ValidationError({ key: 'import.empty' });
}
