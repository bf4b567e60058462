import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listFunds } from '../../domain/funds/ledger.js';
import { fundColumns, fundView } from './shared.js';

export type FundListOptions = { action?: string; from?: string; to?: string; json?: boolean; format?: string };

export function registerFundList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'fund.list'), t)
    .option('--action <action>', t('opt.visit_action_filter'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'));
  action(cmd, deps, runFundList);
}

export async function runFundList(env: CommandEnv, opts: FundListOptions, _args: string[]): Promise<number | void> {
  const rows = (await env.withDb((ctx) => listFunds(ctx.db, opts))).map(fundView);
  await renderRows(env.io, formatOf(opts), fundColumns(env.t), rows);
}
