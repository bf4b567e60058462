import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { fundOut } from '../../domain/funds/ledger.js';
import { UsageError } from '../../errors.js';
import { printFund } from './shared.js';

export type FundOutOptions = { action: string; amount: string; purpose: string; for?: string[]; date?: string; community?: string; note?: string; json?: boolean };

export function registerFundOut(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('out'), t, 'fund.out')
    .requiredOption('--action <action>', t('opt.fund_action'))
    .requiredOption('--amount <yuan>', t('opt.fund_amount'))
    .requiredOption('--purpose <text>', t('opt.fund_purpose'))
    .option('--for <what...>', t('opt.fund_for'))
    .option('--date <date>', t('opt.fund_date'))
    .option('--community <name>', t('opt.community'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runFundOut);
}

export async function runFundOut(env: CommandEnv, opts: FundOutOptions, _args: string[]): Promise<number | void> {
  // `--for station ST0001`: the kind, then which one.
  if (opts.for && opts.for.length > 2) throw new UsageError({ key: 'fund.for_words' });
  const [kind, ref] = opts.for ?? [];
  printFund(env, opts.json, await env.withDb((ctx) => fundOut(ctx, { ...opts, for: kind, forRef: ref })));
}
