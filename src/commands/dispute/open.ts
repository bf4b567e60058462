import type { Command } from 'commander';
import { action, describe, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { openDispute, type DisputeInput } from '../../domain/programme/cases.js';
import { printDispute } from './shared.js';

export type DisputeOpenOptions = DisputeInput & { json?: boolean };

export function registerDisputeOpen(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('open'), t, 'dispute.open')
    .option('--worker <phone>', t('opt.dispute_worker'))
    .option('--caller <name>', t('opt.dispute_caller'))
    .option('--phone <phone>', t('opt.dispute_caller_phone'))
    .option('--community <name>', t('opt.dispute_community'))
    .option('--date <date>', t('opt.dispute_date'))
    .addOption(termOption('--type <type>', t('opt.dispute_type'), 'dispute_type').makeOptionMandatory())
    .addOption(termOption('--via <channel>', t('opt.dispute_via'), 'dispute_channel').makeOptionMandatory())
    .option('--employer <text>', t('opt.employer'))
    .option('--amount <yuan>', t('opt.amount'))
    .option('--summary <text>', t('opt.summary'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runDisputeOpen);
}

export async function runDisputeOpen(env: CommandEnv, opts: DisputeOpenOptions, _args: string[]): Promise<number | void> {
  printDispute(env, opts.json, await env.withDb((ctx) => openDispute(ctx, opts)));
}
