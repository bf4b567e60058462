import type { Command } from 'commander';
import { action, type CommandEnv, type Deps } from '../../cli/command.js';
import { fulfilWish } from '../../domain/wishes/write.js';
import { moveCommand, printMoved } from './shared.js';

export type WishFulfilOptions = { cost?: string; date?: string; note?: string; evidence?: string; json?: boolean };

export function registerWishFulfil(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = moveCommand(parent, t, 'fulfil', (c) =>
    c
      .option('--cost <yuan>', t('opt.cost_yuan'))
      .option('--date <date>', t('opt.fulfil_date'))
      .option('--note <text>', t('opt.note'))
      .option('--evidence <path-or-url>', t('opt.evidence')),
  );
  action(cmd, deps, runWishFulfil);
}

export async function runWishFulfil(env: CommandEnv, opts: WishFulfilOptions, [id]: string[]): Promise<number | void> {
  await env.withDb((ctx) => fulfilWish(ctx, Number(id), opts));
  await printMoved(env, opts.json, Number(id));
}
