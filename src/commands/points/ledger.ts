import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { ledger } from '../../domain/points/queries.js';
import { requireDate } from '../../domain/text/dates.js';
import { ledgerColumns } from './shared.js';

export type PointsLedgerOptions = { worker?: string; rule?: string; from?: string; to?: string; json?: boolean; format?: string };

export function registerPointsLedger(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('ledger'), t, 'points.ledger'), t)
    .option('--worker <phone>', t('opt.worker'))
    .option('--rule <code>', t('opt.rule'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'));
  action(cmd, deps, runPointsLedger);
}

export async function runPointsLedger(env: CommandEnv, opts: PointsLedgerOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const filter = {
    worker: opts.worker,
    rule: opts.rule,
    from: opts.from ? requireDate(opts.from, '--from') : undefined,
    to: opts.to ? requireDate(opts.to, '--to') : undefined,
  };
  const rows = await env.withDb((ctx) => ledger(ctx.db, filter));
  await renderRows(env.io, formatOf(opts), ledgerColumns(t), rows);
}
