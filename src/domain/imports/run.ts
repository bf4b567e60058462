import type { NuanxinError } from '../../errors.js';
import type { Ctx, Tx } from '../context.js';
import { inTransaction } from '../context.js';
import { isWriteConflict } from '../../db/errors.js';
import { lockForWriting } from '../../db/transaction.js';
import { recordAudit } from '../audit.js';
import { RowRejection } from '../../import/parse-records.js';
import type { FileMeta, ParsedBatch, RejectReason, SheetChoice, SkippedRows } from '../../import/records.js';

export { RowRejection } from '../../import/parse-records.js';
export type { RejectReason } from '../../import/records.js';

export type RowOutcome = 'inserted' | 'updated' | 'unchanged';
export type Reject = RejectReason & { row: number; cells: string[] };

/** How parsed rows are written: one kind of import's rules. */
export type ImportPlan<V> = {
  kind: string;
  /** The tables its rows write: held against other writers for the import's length (see lockForWriting). */
  tables: readonly string[];
  /** Called once before the first row, inside the transaction. */
  begin?(trx: Tx): Promise<void> | void;
  /** Called before a batch's rows are written, with their values (to read ahead what they will ask). */
  beforeBatch?(trx: Tx, values: V[]): Promise<void>;
  /** Called after a batch's rows are written (to write what they left buffered). */
  afterBatch?(trx: Tx): Promise<void>;
  /** Write one row; throw RowRejection to refuse it. */
  apply(trx: Tx, value: V, importId: number, row: number): RowOutcome | Promise<RowOutcome>;
  /** Called once after the last row, inside the transaction. */
  end?(trx: Tx, importId: number): Promise<void> | void;
};

export type ImportOptions = { dryRun?: boolean; strict?: boolean; source?: string; onBytes?: (bytesRead: number) => void };

export type ImportReport = {
  importId: number | null;
  file: { name: string; sha256: string; size: number; encoding: string | null; format: FileMeta['format']; sheet: string | null };
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: Reject[];
  header: string[];
  /** The header's row number and the rows above it (a workbook's title lines). */
  headerRow: number;
  preamble: string[][];
  unknownColumns: string[];
  /** Title rows, empty rows and 合计 rows: read, not records. */
  skipped: SkippedRows;
  /** For a workbook: the sheet read, and the visible sheets with anything in them. */
  sheet?: SheetChoice;
  dryRun: boolean;
  written: boolean;
  /** Counts particular to one kind of import (e.g. workers deactivated). */
  extra?: Record<string, number>;
  /** With --deactivate-missing: who was (or, in a dry run, would be) deactivated, masked. */
  deactivate?: { name: string; phone: string | null }[];
  /** A dry run that the real run would refuse: reported after everything else, with its exit code. */
  refusal?: NuanxinError;
  /** Set when a file with the same SHA-256 was imported before: nothing was done. */
  alreadyImported?: { id: number; at: string };
};

/** Signals "undo everything" (dry run, strict with rejects, already imported) without it being an error. */
class Rollback extends Error {}

/** An import of the same file (by bytes, or by parsed rows) landed before; this one changes nothing. */
class AlreadyImported extends Rollback {
  constructor(readonly previous: { id: number; at: string }) {
    // Stryker disable next-line StringLiteral: never shown (runImport turns it into the report's alreadyImported)
    super('already imported');
  }
}

/** A file with this hash was imported before (the import then changes nothing). */
export async function previousImport(db: Ctx['db'] | Tx, kind: string, hash: { sha256?: string; content?: string }): Promise<{ id: number; at: string } | undefined> {
  let query = db.selectFrom('imports').select(['id', 'at']).where('kind', '=', kind);
  if (hash.sha256) query = query.where('sha256', '=', hash.sha256);
  // Stryker disable next-line ConditionalExpression: without a content hash, content_sha256 = undefined matches no import either
  else if (hash.content) query = query.where('content_sha256', '=', hash.content);
  else return undefined;
  return query.orderBy('id').executeTakeFirst();
}

export function emptyReport(file: FileMeta, dryRun: boolean): ImportReport {
  return {
    importId: null,
    file: { name: file.name, sha256: file.sha256, size: file.size, encoding: file.encoding, format: file.format, sheet: null },
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejects: [],
    header: [],
    headerRow: 1,
    preamble: [],
    unknownColumns: [],
    skipped: { above_header: 0, blank: 0, totals: 0 },
    dryRun,
    written: false,
  };
}

/**
 * The guarantees every file import shares: one transaction (a crash leaves the
 * database as before), Excel row numbers, per-row rejects that do not stop the
 * valid rows (unless strict), never the same file twice, a recorded import.
 *
 * "Never twice" is decided inside the write transaction (which holds the
 * write lock from its first statement): by the bytes before any row is
 * written, and by the parsed rows at the end, where a unique index on
 * (kind, content_sha256) backs the check — so of two clerks importing the
 * same file at once, exactly one imports.
 */
export async function runImport<V>(ctx: Ctx, file: FileMeta, batches: AsyncIterable<ParsedBatch<V>>, plan: ImportPlan<V>, options: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport(file, Boolean(options.dryRun));
  let written: string | undefined;
  try {
    await inTransaction(
      ctx,
      async (trx) => {
        await lockForWriting(trx, plan.tables);
        // A workbook's bytes hold several sheets: only its parsed rows (the sheet read) say whether it was imported.
        const sameBytes = file.format === 'csv' ? await previousImport(trx, plan.kind, { sha256: file.sha256 }) : undefined;
        if (sameBytes) throw new AlreadyImported(sameBytes);
        const importId = await openImportRecord(trx, ctx, plan.kind, file, options.source);
        report.importId = importId;
        await plan.begin?.(trx);
        const content = await writeRows(trx, batches, plan, importId, report, options);
        written = content;
        const sameRows = await previousImport(trx, plan.kind, { content });
        if (sameRows) throw new AlreadyImported(sameRows);
        await plan.end?.(trx, importId);
        report.rejected = report.rejects.length;
        await closeImportRecord(trx, ctx, { kind: plan.kind, file, importId, report, content });
        if (options.dryRun || (options.strict && report.rejected > 0)) throw new Rollback();
      },
      // Stryker disable next-line ObjectLiteral,BooleanLiteral: a retry is PostgreSQL's (after a serialization conflict); SQLite's writer holds the lock
      { retry: false },
    );
    report.written = true;
  } catch (error) {
    // Two clerks importing the same file at once on PostgreSQL: the loser's conflict means the winner's import.
    const winner = isWriteConflict(error) ? await previousImport(ctx.db, plan.kind, file.format === 'csv' ? { sha256: file.sha256 } : { content: written }) : undefined;
    if (winner) return { ...emptyReport(file, Boolean(options.dryRun)), file: report.file, sheet: report.sheet, alreadyImported: winner };
    if (!(error instanceof Rollback)) throw error;
    report.importId = null;
    if (error instanceof AlreadyImported) return { ...emptyReport(file, Boolean(options.dryRun)), file: report.file, sheet: report.sheet, alreadyImported: error.previous };
  }
  return report;
}

async function openImportRecord(trx: Tx, ctx: Ctx, kind: string, file: FileMeta, source?: string): Promise<number> {
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
      // A workbook has no text encoding: its format says how it was read.
      encoding: file.encoding ?? file.format,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function closeImportRecord(trx: Tx, ctx: Ctx, props: { kind: string; file: FileMeta; importId: number; report: ImportReport; content: string }): Promise<void> {
  const { kind, file, importId, report, content } = props;
  const counts = { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected };
  await trx
    .updateTable('imports')
    .set({ ...counts, content_sha256: content })
    .where('id', '=', importId)
    .execute();
  await recordAudit(trx, ctx, { action: 'import', entity: 'import', entityKey: importId, detail: { kind, file: file.name, sha256: file.sha256, ...counts, ...report.extra } });
}

async function writeRows<V>(trx: Tx, batches: AsyncIterable<ParsedBatch<V>>, plan: ImportPlan<V>, importId: number, report: ImportReport, options: ImportOptions): Promise<string> {
  let content: string | undefined;
  for await (const batch of batches) {
    if (batch.contentSha256) content = batch.contentSha256;
    if (batch.sheet) {
      report.sheet = batch.sheet;
      report.file.sheet = batch.sheet.name;
    }
    if (batch.skipped) report.skipped = batch.skipped;
    if (batch.header) {
      report.header = batch.header;
      report.headerRow = batch.headerRow ?? 1;
      report.preamble = batch.preamble ?? [];
      report.unknownColumns = batch.unknownColumns ?? [];
    }
    if (plan.beforeBatch)
      await plan.beforeBatch(
        trx,
        batch.items.flatMap((item) => ('reject' in item ? [] : [item.value])),
      );
    for (const item of batch.items) {
      if ('reject' in item) {
        report.rejects.push({ ...item.reject, row: item.row, cells: item.cells });
        continue;
      }
      try {
        // Plans may be synchronous; awaiting only real promises keeps a million-row loop quick.
        const applied = plan.apply(trx, item.value, importId, item.row);
        report[applied instanceof Promise ? await applied : applied] += 1;
      } catch (error) {
        if (!(error instanceof RowRejection)) throw error;
        report.rejects.push({ ...error.reason, row: item.row, cells: item.cells ?? [] });
      }
    }
    if (plan.afterBatch) await plan.afterBatch(trx);
    if (batch.bytesRead !== undefined) options.onBytes?.(batch.bytesRead);
  }
  // Every reader ends with the content hash; its absence is a bug, not a file problem.
  if (!content) throw new Error('the file reader gave no content hash');
  return content;
}
