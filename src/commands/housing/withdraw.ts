import type { Command } from 'commander';
import { action, describe, idArgument, type CommandEnv, type Deps } from '../../cli/command.js';
import { moveHousing } from '../../domain/programme/cases.js';
import { printHousing } from './shared.js';

export type HousingWithdrawOptions = { reason?: string; json?: boolean };

export function registerHousingWithdraw(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('withdraw'), t, 'housing.withdraw')
    .argument('<id>', t('arg.case'), idArgument('ID'))
    .option('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runHousingWithdraw);
}

export async function runHousingWithdraw(env: CommandEnv, opts: HousingWithdrawOptions, [id]: string[]): Promise<number | void> {
  printHousing(env, opts.json, await env.withDb((ctx) => moveHousing(ctx, Number(id), 'withdrawn', { reason: opts.reason })));
}
