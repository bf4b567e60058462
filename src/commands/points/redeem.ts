import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { balanceOf } from '../../domain/points/ledger.js';
import { redeem } from '../../domain/points/operations.js';
import { printEntry } from './shared.js';

export type PointsRedeemOptions = { gift: string; qty: number; json?: boolean };

export function registerPointsRedeem(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('redeem'), t, 'points.redeem')
    .argument('<phone>', t('arg.worker'))
    .requiredOption('--gift <code>', t('opt.gift'))
    .option('--qty <n>', t('opt.qty'), intOption('--qty'), 1)
    .option('--json', t('opt.json'));
  action(cmd, deps, runPointsRedeem);
}

export async function runPointsRedeem(env: CommandEnv, opts: PointsRedeemOptions, [phone]: string[]): Promise<number | void> {
  const { entry, balance } = await env.withDb(async (ctx) => {
    const written = await redeem(ctx, { worker: phone!, gift: opts.gift, qty: opts.qty });
    return { entry: written, balance: (await balanceOf(ctx.db, written.workerId)).balance };
  });
  printEntry(env, opts.json, entry, balance);
}
