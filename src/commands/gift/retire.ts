import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { retireGift } from '../../domain/points/catalogue.js';
import { printGift } from './shared.js';

export type GiftRetireOptions = { json?: boolean };

export function registerGiftRetire(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('retire'), t, 'gift.retire').argument('<code>', t('arg.gift')).option('--json', t('opt.json'));
  action(cmd, deps, runGiftRetire);
}

export async function runGiftRetire(env: CommandEnv, opts: GiftRetireOptions, [code]: string[]): Promise<number | void> {
  printGift(env, opts.json, await env.withDb((ctx) => retireGift(ctx, code!)), 'gift.retired');
}
