import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { balanceOf } from '../../domain/points/ledger.js';
import { award } from '../../domain/points/operations.js';
import { printEntry } from './shared.js';

export type PointsAwardOptions = { rule: string; date?: string; note?: string; ref?: string; points?: number; reason?: string; json?: boolean };

export function registerPointsAward(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('award'), t, 'points.award')
    .argument('<phone>', t('arg.worker'))
    .requiredOption('--rule <code>', t('opt.rule'))
    .option('--date <date>', t('opt.business_date'))
    .option('--note <text>', t('opt.note'))
    .option('--ref <id>', t('opt.ref'))
    .option('--points <n>', t('opt.points_override'), intOption('--points'))
    .option('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runPointsAward);
}

export async function runPointsAward(env: CommandEnv, opts: PointsAwardOptions, [phone]: string[]): Promise<number | void> {
  const { entry, balance } = await env.withDb(async (ctx) => {
    const written = await award(ctx, { worker: phone!, rule: opts.rule, date: opts.date, note: opts.note, ref: opts.ref, points: opts.points, reason: opts.reason });
    return { entry: written, balance: (await balanceOf(ctx.db, written.workerId)).balance };
  });
  printEntry(env, opts.json, entry, balance);
}
