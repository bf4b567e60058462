import type { Command } from 'commander';
import { action, describe, idArgument, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { updateDispute } from '../../domain/programme/cases.js';
import { printDispute } from './shared.js';

export type DisputeUpdateOptions = { status: string; outcome?: string; recovered?: string; json?: boolean };

export function registerDisputeUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('update'), t, 'dispute.update')
    .argument('<id>', t('arg.case'), idArgument('ID'))
    .addOption(termOption('--status <status>', t('opt.dispute_status'), 'dispute_status', ['mediating', 'referred', 'resolved', 'closed']).makeOptionMandatory())
    .option('--outcome <text>', t('opt.outcome'))
    .option('--recovered <yuan>', t('opt.recovered'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runDisputeUpdate);
}

export async function runDisputeUpdate(env: CommandEnv, opts: DisputeUpdateOptions, [id]: string[]): Promise<number | void> {
  printDispute(env, opts.json, await env.withDb((ctx) => updateDispute(ctx, Number(id), opts)));
}
