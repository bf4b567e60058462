import type { Command } from 'commander';
import { action, describe, idArgument, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { linkDispute, updateDispute } from '../../domain/programme/cases.js';
import { UsageError } from '../../errors.js';
import { printDispute } from './shared.js';

export type DisputeUpdateOptions = { status?: string; worker?: string; outcome?: string; recovered?: string; json?: boolean };

export function registerDisputeUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('update'), t, 'dispute.update')
    .argument('<id>', t('arg.case'), idArgument('ID'))
    .addOption(termOption('--status <status>', t('opt.dispute_status'), 'dispute_status', ['mediating', 'referred', 'resolved', 'closed']))
    .option('--worker <phone>', t('opt.dispute_link'))
    .option('--outcome <text>', t('opt.outcome'))
    .option('--recovered <yuan>', t('opt.recovered'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runDisputeUpdate);
}

export async function runDisputeUpdate(env: CommandEnv, opts: DisputeUpdateOptions, [id]: string[]): Promise<number | void> {
  if (!opts.status && !opts.worker) throw new UsageError({ key: 'dispute.update_what' });
  const updated = await env.withDb(async (ctx) => {
    // Linking a caller's case to the worker first, so a move in the same command is the worker's.
    const linked = opts.worker ? await linkDispute(ctx, Number(id), opts.worker) : undefined;
    return opts.status ? updateDispute(ctx, Number(id), { ...opts, status: opts.status }) : linked!;
  });
  // A caller who gave another name than the roster's: said, so a wrong link is noticed and corrected.
  if (opts.worker && updated.caller && updated.worker && updated.caller !== updated.worker)
    env.warn(env.t('dispute.caller_named', { caller: updated.caller, worker: updated.worker }));
  printDispute(env, opts.json, updated);
}
