import type { Command } from 'commander';
import { action, describe, type Deps } from '../../cli/command.js';
import { sqliteWorkerStore } from '../../db/worker-store.js';
import { rosterImportPlan } from '../../domain/workers/roster-import.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { UsageError } from '../../errors.js';
import { runImport } from '../../import/runner.js';
import { importOptions, runImportCommand, type ImportFlags } from '../shared/import-command.js';

type Options = ImportFlags & { blankClears?: boolean; deactivateMissing?: boolean; platform?: string; community?: string };

export function registerWorkerImport(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = importOptions(describe(parent.command('import'), t, 'worker.import'), t)
    .option('--blank-clears', t('opt.blank_clears'))
    .option('--deactivate-missing', t('opt.deactivate_missing'))
    .option('--platform <name>', t('opt.scope_platform'))
    .option('--community <name>', t('opt.scope_community'));
  action<Options>(cmd, deps, async (env, opts, [file]) => {
    const scope = { platform: opts.platform ? normalizeText(opts.platform) : undefined, community: opts.community ? normalizeText(opts.community) : undefined };
    if (opts.deactivateMissing && !scope.platform && !scope.community) throw new UsageError({ key: 'worker.deactivate_scope' });
    return runImportCommand(env, file!, opts, async (ctx, handle, info, records) => {
      const plan = rosterImportPlan(ctx, sqliteWorkerStore(handle.sqlite), {
        blankClears: opts.blankClears,
        deactivateMissing: opts.deactivateMissing ? scope : undefined,
      });
      const report = await runImport(ctx, info, records, plan, opts);
      return opts.deactivateMissing ? { ...report, extra: { deactivated: report.written || report.dryRun ? plan.deactivated() : 0 } } : report;
    });
  });
}
