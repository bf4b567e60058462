import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { addGift } from '../../domain/points/catalogue.js';
import { printGift } from './shared.js';

export type GiftAddOptions = { name: string; cost: number; stock: number; donor?: string; json?: boolean };

export function registerGiftAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'gift.add')
    .argument('<code>', t('arg.gift'))
    .requiredOption('--name <name>', t('opt.gift_name'))
    .requiredOption('--cost <points>', t('opt.cost'), intOption('--cost'))
    .requiredOption('--stock <n>', t('opt.stock'), intOption('--stock'))
    .option('--donor <sponsor>', t('opt.donor'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runGiftAdd);
}

export async function runGiftAdd(env: CommandEnv, opts: GiftAddOptions, [code]: string[]): Promise<number | void> {
  printGift(env, opts.json, await env.withDb((ctx) => addGift(ctx, { code: code!, ...opts })), 'gift.added');
}
