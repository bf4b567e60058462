import { Option, type Command } from 'commander';
import type { Writable } from 'node:stream';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { checkOutputTarget, put, writeAtomically } from '../../files/output-file.js';
import { neutraliseFormula } from '../../cli/render.js';
import { maskPersonalText } from '../../domain/privacy.js';
import { rawStream } from '../../cli/output-guard.js';
import { refuseWorkbookOnTerminal } from '../../cli/workbook-out.js';
import { outputFormat } from '../../cli/out-format.js';
import type { Ctx } from '../../domain/context.js';
import { filteredWorkers, streamWorkers, type Worker } from '../../domain/workers/read.js';
import { logReveal } from '../../domain/workers/write.js';
import { checkReveal, exportColumns, filterOptions, maskWorker, revealOptions, toFilter, type FilterFlags, type RevealFlags } from './shared.js';

export type WorkerExportOptions = FilterFlags & RevealFlags & { format?: 'csv' | 'json' | 'xlsx'; out?: string };

export function registerWorkerExport(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = revealOptions(filterOptions(describe(parent.command('export'), t, 'worker.export'), t), t)
    .addOption(new Option('--format <format>', t('opt.export_format')).choices(['csv', 'json', 'xlsx']))
    .option('--out <file>', t('opt.out'));
  action(cmd, deps, runWorkerExport);
}

export async function runWorkerExport(env: CommandEnv, opts: WorkerExportOptions, _args: string[]): Promise<number | void> {
  checkReveal(opts);
  // The file's name may choose the format (`--out 花名册.xlsx`); CSV for Excel otherwise.
  opts.format = outputFormat(opts, { fallback: 'csv', inferred: ['csv', 'json', 'xlsx'] }) as WorkerExportOptions['format'];
  if (opts.out) checkOutputTarget(opts.out, env.outputGuard());
  if (opts.format === 'xlsx') refuseWorkbookOnTerminal(env.io.stdout, opts.out);
  const filter = toFilter(opts);
  await env.withDb(async (ctx) => {
    if (opts.reveal) {
      const ids = (await filteredWorkers(ctx.db, filter).execute()).map((w) => w.id);
      await logReveal(ctx, ids, ['phone', 'id_number'], opts.reason!);
    }
    const write = (out: Writable) => exportTo(env, ctx, out, opts);
    if (opts.out) await writeAtomically(opts.out, write, env.outputGuard());
    // A workbook is bytes, its cells masked as they are made: past the text guard of stdout.
    else await write(opts.format === 'xlsx' ? rawStream(env.io.stdout) : env.io.stdout);
  });
}

/** Streams the roster: CSV for Excel (BOM, CRLF, formula-safe) or a JSON array. */
async function exportTo(env: CommandEnv, ctx: Ctx, out: Writable, opts: WorkerExportOptions): Promise<void> {
  const columns = exportColumns(env.t);
  // Without --reveal, every field is masked as stdout would be (a phone typed into the site or note too).
  const present = (w: Worker): Worker =>
    opts.reveal ? w : (Object.fromEntries(Object.entries(maskWorker(w)).map(([k, v]) => [k, typeof v === 'string' ? maskPersonalText(v) : v])) as Worker);
  if (opts.format === 'xlsx') {
    const { writeWorkbook } = await import('../../files/workbook-writer.js');
    async function* rows() {
      for await (const worker of streamWorkers(ctx.db, toFilter(opts))) {
        const w = present(worker);
        yield columns.map((c) => (c.shown ?? c.value)(w) as string | number | null);
      }
    }
    await writeWorkbook(out, [{ name: env.t('worker.export_sheet'), headers: columns.map((c) => c.header), rows: rows() }]);
    return;
  }
  const { stringify } = await import('csv-stringify/sync');
  const csvLine = (cells: unknown[]) => stringify([cells.map((c) => neutraliseFormula(c == null ? '' : String(c)))], { record_delimiter: '\r\n' });
  let first = true;
  await put(out, opts.format === 'csv' ? `\uFEFF${csvLine(columns.map((c) => c.header))}` : '[');
  let batch = '';
  for await (const worker of streamWorkers(ctx.db, toFilter(opts))) {
    const w = present(worker);
    // CSV is for people (labels in the run's language, read back by `worker import`); JSON keeps the codes.
    if (opts.format === 'csv') batch += csvLine(columns.map((c) => (c.shown ?? c.value)(w)));
    else {
      batch += `${first ? '\n' : ',\n'}${JSON.stringify(Object.fromEntries(columns.map((c) => [c.key, c.value(w) ?? null])))}`;
      first = false;
    }
    if (batch.length > 1 << 16) {
      await put(out, batch);
      batch = '';
    }
  }
  await put(out, opts.format === 'csv' ? batch : `${batch}\n]\n`);
}
