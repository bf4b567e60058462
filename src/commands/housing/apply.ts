import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { applyHousing } from '../../domain/programme/cases.js';
import { printHousing } from './shared.js';

export type HousingApplyOptions = { worker: string; household?: number; note?: string; json?: boolean };

export function registerHousingApply(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('apply'), t, 'housing.apply')
    .requiredOption('--worker <phone>', t('opt.wish_worker'))
    .option('--household <n>', t('opt.household'), intOption('--household'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runHousingApply);
}

export async function runHousingApply(env: CommandEnv, opts: HousingApplyOptions, _args: string[]): Promise<number | void> {
  printHousing(env, opts.json, await env.withDb((ctx) => applyHousing(ctx, opts)));
}
