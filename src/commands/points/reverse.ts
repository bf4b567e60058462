import type { Command } from 'commander';
import { action, describe, idArgument, type CommandEnv, type Deps } from '../../cli/command.js';
import { balanceOf } from '../../domain/points/ledger.js';
import { reverse } from '../../domain/points/operations.js';
import { printEntry } from './shared.js';

export type PointsReverseOptions = { reason: string; json?: boolean };

export function registerPointsReverse(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('reverse'), t, 'points.reverse')
    .argument('<entry-id>', t('arg.entry'), idArgument('ENTRY_ID'))
    .requiredOption('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runPointsReverse);
}

export async function runPointsReverse(env: CommandEnv, opts: PointsReverseOptions, [id]: string[]): Promise<number | void> {
  const { entry, balance } = await env.withDb(async (ctx) => {
    const written = await reverse(ctx, Number(id), opts.reason);
    return { entry: written, balance: (await balanceOf(ctx.db, written.workerId)).balance };
  });
  printEntry(env, opts.json, entry, balance);
}
