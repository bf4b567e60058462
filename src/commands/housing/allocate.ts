import type { Command } from 'commander';
import { action, describe, idArgument, type CommandEnv, type Deps } from '../../cli/command.js';
import { moveHousing } from '../../domain/programme/cases.js';
import { printHousing } from './shared.js';

export type HousingAllocateOptions = { address: string; json?: boolean };

export function registerHousingAllocate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('allocate'), t, 'housing.allocate')
    .argument('<id>', t('arg.case'), idArgument('ID'))
    .requiredOption('--address <text>', t('opt.address'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runHousingAllocate);
}

export async function runHousingAllocate(env: CommandEnv, opts: HousingAllocateOptions, [id]: string[]): Promise<number | void> {
  printHousing(env, opts.json, await env.withDb((ctx) => moveHousing(ctx, Number(id), 'allocated', { address: opts.address })));
}
