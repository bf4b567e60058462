import type { Command } from 'commander';
import { action, type CommandEnv, type Deps } from '../../cli/command.js';
import { claimWish } from '../../domain/wishes/write.js';
import { moveCommand, printMoved } from './shared.js';

export type WishClaimOptions = { sponsor: string; pledge?: string; due?: string; date?: string; json?: boolean };

export function registerWishClaim(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = moveCommand(parent, t, 'claim', (c) =>
    c
      .requiredOption('--sponsor <name>', t('opt.sponsor'))
      .option('--pledge <yuan>', t('opt.pledge'))
      .option('--due <date>', t('opt.due'))
      .option('--date <date>', t('opt.claim_date')),
  );
  action(cmd, deps, runWishClaim);
}

export async function runWishClaim(env: CommandEnv, opts: WishClaimOptions, [id]: string[]): Promise<number | void> {
  await env.withDb((ctx) => claimWish(ctx, Number(id), opts));
  await printMoved(env, opts.json, Number(id));
}
