import type { Command } from 'commander';
import { action, describe, idArgument, type CommandEnv, type Deps } from '../../cli/command.js';
import { reverseFund } from '../../domain/funds/ledger.js';
import { printFund } from './shared.js';

export type FundReverseOptions = { reason: string; json?: boolean };

export function registerFundReverse(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('reverse'), t, 'fund.reverse')
    .argument('<id>', t('arg.fund_entry'), idArgument('ID'))
    .requiredOption('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runFundReverse);
}

export async function runFundReverse(env: CommandEnv, opts: FundReverseOptions, [id]: string[]): Promise<number | void> {
  printFund(env, opts.json, await env.withDb((ctx) => reverseFund(ctx, Number(id), opts.reason)));
}
