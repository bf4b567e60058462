import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { importRoster } from '../../domain/workers/roster-import.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { UsageError } from '../../errors.js';
import { communityIndex } from '../../domain/geo/communities.js';
import { rosterParser, type RosterParseOptions, type RosterRow } from '../../domain/workers/roster-parse.js';
import type { ParsedBatch, FileMeta } from '../../import/records.js';
import { importOptions, parsedInThread, runImportCommand, type ImportFlags } from '../shared/import-command.js';

export type WorkerImportOptions = ImportFlags & { blankClears?: boolean; deactivateMissing?: boolean; force?: boolean; platform?: string; community?: string };

export function registerWorkerImport(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = importOptions(describe(parent.command('import'), t, 'worker.import'), t)
    .option('--blank-clears', t('opt.blank_clears'))
    .option('--deactivate-missing', t('opt.deactivate_missing'))
    .option('--platform <name>', t('opt.scope_platform'))
    .option('--community <name>', t('opt.scope_community'))
    .option('--force', t('opt.deactivate_force'));
  action(cmd, deps, runWorkerImport);
}

export async function runWorkerImport(env: CommandEnv, opts: WorkerImportOptions, [file]: string[]): Promise<number | void> {
  const scope = { platform: opts.platform ? normalizeText(opts.platform) : undefined, community: opts.community ? normalizeText(opts.community) : undefined };
  if (opts.deactivateMissing && !scope.platform && !scope.community) throw new UsageError({ key: 'worker.deactivate_scope' });
  return runImportCommand(env, file!, opts, async (ctx, handle, info, onBytes) => {
    const parseOptions = { today: ctx.clock.today(), communities: [...(await communityIndex(ctx.db))], blankClears: opts.blankClears };
    const batches = await rosterBatches(env, info, parseOptions);
    return importRoster(ctx, handle.workerStore, info, batches, {
      ...opts,
      onBytes,
      deactivateMissing: opts.deactivateMissing ? { ...scope, force: opts.force, dryRun: opts.dryRun } : undefined,
    });
  });
}

/**
 * Parsing and validating a roster takes about as long as writing it: a worker
 * thread does the first while this thread writes, when the bundle is built
 * (from source, as in unit tests, it runs in this thread).
 */
async function rosterBatches(env: CommandEnv, info: FileMeta, options: RosterParseOptions): Promise<AsyncIterable<ParsedBatch<RosterRow>>> {
  const { parseInWorker, parseWorkerAvailable } = await import('../../import/parse-in-worker.js');
  // A workbook is read whole before its first row: a worker thread would only add a second heap.
  if (info.format === 'csv' && parseWorkerAvailable(env.io.env)) return parseInWorker<RosterRow>(info, { name: 'roster', options });
  return parsedInThread(info, rosterParser(options));
}
