import { localTime } from '../../domain/clock.js';
import { Option, type Command } from 'commander';
import type { CommandEnv } from '../../cli/command.js';
import { EXIT } from '../../cli/exit-codes.js';
import { checkOutputTarget } from '../../files/output-file.js';
import { maskedParams, maskPersonalText } from '../../domain/privacy.js';
import { withTermLabels, type Translate } from '../../cli/messages/index.js';
import { progressBar } from '../../cli/progress.js';
import { writeJson } from '../../cli/render.js';
import type { Ctx } from '../../domain/context.js';
import type { OpenDb } from '../../db/open.js';
import { retryOnConflict } from '../../db/transaction.js';
import type { FileMeta as FileInfo } from '../../import/records.js';
import { parseInThread, type RowParser } from '../../import/parse-records.js';
import type { ParsedBatch, RejectReason } from '../../import/records.js';
import { UsageError, ValidationError } from '../../errors.js';
import { formatOfPath } from '../../cli/out-format.js';
import { runImport, type ImportOptions, type ImportPlan, type ImportReport } from '../../domain/imports/run.js';

// Listed here, not imported from decode.ts: decoding (csv-parse, iconv-lite) loads only when a file is imported.
const ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le'] as const;

export type ImportFlags = { dryRun?: boolean; strict?: boolean; encoding?: (typeof ENCODINGS)[number]; sheet?: string; rejects?: string; source?: string; json?: boolean };

/** The flags every file import shares. */
export function importOptions(cmd: Command, t: Translate): Command {
  return cmd
    .argument('<file>', t('arg.file'))
    .option('--dry-run', t('opt.dry_run'))
    .option('--strict', t('opt.strict'))
    .addOption(new Option('--encoding <encoding>', t('opt.encoding')).choices(ENCODINGS).default('auto'))
    .option('--sheet <sheet>', t('opt.sheet'))
    .option('--rejects <file>', t('opt.rejects'))
    .option('--source <name>', t('opt.source'))
    .option('--json', t('opt.json'));
}

export type ImportRun = (ctx: Ctx, handle: OpenDb, file: FileInfo, onBytes: (bytesRead: number) => void) => Promise<ImportReport>;

/** Inspect → stream → import → report, with the exit code the issue promises. */
export async function runImportCommand(env: CommandEnv, path: string, flags: ImportFlags, run: ImportRun): Promise<number> {
  const { t, io } = env;
  const { inspectFile } = await import('../../import/decode.js');
  // Refused before anything is written: the rejects file must not be the input or the database.
  if (flags.rejects) {
    // Never an .xls name over .xlsx bytes: Excel refuses a file whose name and content disagree.
    if (formatOfPath(flags.rejects) === 'xls') throw new UsageError({ key: 'usage.out_xls', params: { out: flags.rejects } });
    checkOutputTarget(flags.rejects, env.outputGuard([path]));
  }
  const inspected = await inspectFile(path, flags.encoding ?? 'auto');
  const file = inspected.format === 'csv' ? inspected : { ...inspected, sheet: flags.sheet };
  if (flags.sheet !== undefined && file.format === 'csv') env.warn(t('import.sheet_ignored', { file: file.name }));
  if (flags.encoding && flags.encoding !== 'auto' && file.format !== 'csv') env.warn(t('import.encoding_ignored', { file: file.name }));
  const bar = progressBar(io, env.quiet ? 0 : file.size, file.name);
  // On a server, an import that lost a write conflict to another clerk runs again from the file.
  const report = await env.withDb((ctx, handle) => retryOnConflict(() => run(ctx, handle, file, (bytes) => bar.update(bytes))));
  bar.done();
  const rejects = report.rejects.map((r) => ({ row: r.row, reason: rejectReason(t, r), cells: r.cells }));
  const sheet = report.sheet;
  if (sheet && flags.sheet === undefined && sheet.nonEmpty.length > 1) {
    env.warn(t('import.sheet_read', { sheet: sheet.name, index: sheet.index, others: sheet.nonEmpty.filter((n) => n !== sheet.name).join(t('list.separator')) }));
  }
  if (report.unknownColumns.length > 0) env.warn(t('import.unknown_columns', { columns: report.unknownColumns.join(', ') }));
  if (flags.rejects && rejects.length > 0) {
    const { writeRejects, writeRejectsWorkbook } = await import('../../import/rejects.js');
    const labels = { row: t('col.row'), reason: t('col.reason') };
    // A workbook's rejects are a workbook (its title rows kept), unless the clerk named a CSV file; a file named .xlsx is one.
    if (/\.xlsx$/i.test(flags.rejects) || (file.format !== 'csv' && !/\.(csv|txt|tsv)$/i.test(flags.rejects))) {
      const input = { path, sheet: sheet?.name ?? t('col.reason') };
      await writeRejectsWorkbook(flags.rejects, input, { header: report.header, preamble: report.preamble }, rejects, labels, env.outputGuard([path]));
    } else {
      await writeRejects(
        flags.rejects,
        { ...file, encoding: file.encoding ?? 'utf-8', bom: file.encoding ? file.bom : true },
        report.header,
        rejects,
        labels,
        env.outputGuard([path]),
      );
    }
    env.note(t('import.rejects_written', { path: flags.rejects }));
  }
  if (report.alreadyImported) env.warn(t('import.same_file', { ...report.alreadyImported, at: localTime(report.alreadyImported.at, env.clock.timeZone) }));
  if (flags.json) {
    writeJson(io, {
      import_id: report.importId,
      inserted: report.inserted,
      updated: report.updated,
      unchanged: report.unchanged,
      rejected: report.rejected,
      rejects: rejects.map(({ row, reason }) => ({ row, reason })),
      skipped: report.skipped,
      dry_run: report.dryRun,
      written: report.written,
      already_imported: report.alreadyImported ?? null,
      ...report.extra,
      ...(report.deactivate ? { deactivate: report.deactivate } : {}),
      file: report.file,
      unknown_columns: report.unknownColumns,
    });
  } else if (!report.alreadyImported) {
    for (const r of rejects) io.stdout.write(`${t('import.row', { row: r.row, reason: r.reason })}\n`);
    for (const w of report.deactivate ?? []) io.stdout.write(`${t(report.dryRun ? 'import.would_deactivate' : 'import.deactivated', { name: w.name, phone: w.phone ?? '—' })}\n`);
    const extra = Object.entries(report.extra ?? {})
      .map(([key, n]) => `, ${t(`import.extra.${key}`, { n })}`)
      .join('');
    io.stdout.write(
      `${t('import.summary', { inserted: report.inserted, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected })}${extra}${report.dryRun ? ` ${t('import.dry_run')}` : ''}\n`,
    );
    const { above_header, blank, totals } = report.skipped;
    if (above_header + totals > 0 || (file.format !== 'csv' && blank > 0)) env.note(t('import.skipped', { above_header, blank, totals }));
  }
  // After the report: a refusal the dry run found (exit 4), or rejected rows under --strict (exit 5),
  // reported by the one error mapping like any other.
  if (report.refusal) throw report.refusal;
  if (flags.strict && report.rejected > 0) throw new ValidationError({ key: 'import.strict_rejected', params: { count: report.rejected } });
  return EXIT.ok;
}

/** The file's records parsed in this thread (decoding loads only now). */
export async function parsedInThread<F extends string, V>(info: FileInfo, parser: RowParser<F, V>): Promise<AsyncIterable<ParsedBatch<V>>> {
  const { readRecordBatches } = await import('../../import/decode.js');
  const { headerScore } = await import('../../import/headers.js');
  return parseInThread(
    readRecordBatches(info, (cells) => headerScore(cells, parser.aliases, parser.required).complete),
    parser,
  );
}

/** Parse in this thread and write with `plan`: every import but the large rosters. */
export async function importInThread<F extends string, V>(ctx: Ctx, info: FileInfo, parser: RowParser<F, V>, plan: ImportPlan<V>, options: ImportOptions): Promise<ImportReport> {
  return runImport(ctx, info, await parsedInThread(info, parser), plan, options);
}

/** A reject's reason as the clerk reads it: codes as labels in the run's language, phone and ID numbers masked. */
function rejectReason(t: Translate, reject: RejectReason): string {
  return maskPersonalText(t(reject.key, withTermLabels(t, maskedParams(reject.key, reject.params ?? {}), reject.terms)));
}
