import type { Command } from 'commander';
import { action, type CommandEnv, type Deps } from '../../cli/command.js';
import { cancelWish } from '../../domain/wishes/write.js';
import { moveCommand, printMoved } from './shared.js';

export type WishCancelOptions = { reason: string; json?: boolean };

export function registerWishCancel(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = moveCommand(parent, t, 'cancel', (c) => c.requiredOption('--reason <text>', t('opt.reason')));
  action(cmd, deps, runWishCancel);
}

export async function runWishCancel(env: CommandEnv, opts: WishCancelOptions, [id]: string[]): Promise<number | void> {
  await env.withDb((ctx) => cancelWish(ctx, Number(id), opts.reason));
  await printMoved(env, opts.json, Number(id));
}
