import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { restockGift } from '../../domain/points/catalogue.js';
import { printGift } from './shared.js';

export type GiftRestockOptions = { qty: number; note?: string; json?: boolean };

export function registerGiftRestock(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('restock'), t, 'gift.restock')
    .argument('<code>', t('arg.gift'))
    .requiredOption('--qty <n>', t('opt.qty'), intOption('--qty'))
    .option('--note <text>', t('opt.note'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runGiftRestock);
}

export async function runGiftRestock(env: CommandEnv, opts: GiftRestockOptions, [code]: string[]): Promise<number | void> {
  printGift(env, opts.json, await env.withDb((ctx) => restockGift(ctx, code!, opts.qty, opts.note)), 'gift.restocked');
}
