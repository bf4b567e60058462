import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { fundBalances } from '../../domain/funds/ledger.js';
import { formatYuan } from '../../domain/text/money.js';

export type FundBalanceOptions = { action?: string; json?: boolean; format?: string };

export function registerFundBalance(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('balance'), t, 'fund.balance'), t).option('--action <action>', t('opt.visit_action_filter'));
  action(cmd, deps, runFundBalance);
}

export async function runFundBalance(env: CommandEnv, opts: FundBalanceOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = (await env.withDb((ctx) => fundBalances(ctx.db, { action: opts.action }))).map((b) => ({
    ...b,
    in: formatYuan(b.inFen),
    out: formatYuan(b.outFen),
    balance: formatYuan(b.balanceFen),
  }));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'action', header: t('col.programme_action'), value: (b) => b.action, shown: (b) => termLabel(t, 'action', b.action) },
      { key: 'inFen', header: t('col.fund_in_fen'), value: (b) => b.inFen, shown: (b) => b.in },
      { key: 'outFen', header: t('col.fund_out_fen'), value: (b) => b.outFen, shown: (b) => b.out },
      { key: 'balanceFen', header: t('col.fund_balance_fen'), value: (b) => b.balanceFen, shown: (b) => b.balance },
    ],
    rows,
  );
}
