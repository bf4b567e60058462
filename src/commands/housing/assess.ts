import type { Command } from 'commander';
import { action, describe, idArgument, type CommandEnv, type Deps } from '../../cli/command.js';
import { moveHousing } from '../../domain/programme/cases.js';
import { UsageError } from '../../errors.js';
import { printHousing } from './shared.js';

export type HousingAssessOptions = { eligible?: boolean; ineligible?: boolean; reason?: string; json?: boolean };

export function registerHousingAssess(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('assess'), t, 'housing.assess')
    .argument('<id>', t('arg.case'), idArgument('ID'))
    .option('--eligible', t('opt.eligible'))
    .option('--ineligible', t('opt.ineligible'))
    .option('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runHousingAssess);
}

export async function runHousingAssess(env: CommandEnv, opts: HousingAssessOptions, [id]: string[]): Promise<number | void> {
  if (Boolean(opts.eligible) === Boolean(opts.ineligible)) throw new UsageError({ key: 'housing.eligible_or_not' });
  printHousing(env, opts.json, await env.withDb((ctx) => moveHousing(ctx, Number(id), opts.eligible ? 'eligible' : 'ineligible', { reason: opts.reason })));
}
