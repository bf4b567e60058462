import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { fundIn } from '../../domain/funds/ledger.js';
import { printFund } from './shared.js';

export type FundInOptions = { from: string; amount: string; action: string; date?: string; community?: string; note?: string; json?: boolean };

export function registerFundIn(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('in'), t, 'fund.in')
    .requiredOption('--from <unit>', t('opt.fund_from'))
    .requiredOption('--amount <yuan>', t('opt.fund_amount'))
    .requiredOption('--action <action>', t('opt.fund_action'))
    .option('--date <date>', t('opt.fund_date'))
    .option('--community <name>', t('opt.community'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runFundIn);
}

export async function runFundIn(env: CommandEnv, opts: FundInOptions, _args: string[]): Promise<number | void> {
  printFund(env, opts.json, await env.withDb((ctx) => fundIn(ctx, opts)));
}
