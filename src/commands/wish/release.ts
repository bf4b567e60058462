import type { Command } from 'commander';
import { action, type CommandEnv, type Deps } from '../../cli/command.js';
import { releaseWish } from '../../domain/wishes/write.js';
import { moveCommand, printMoved } from './shared.js';

export type WishReleaseOptions = { reason: string; json?: boolean };

export function registerWishRelease(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = moveCommand(parent, t, 'release', (c) => c.requiredOption('--reason <text>', t('opt.reason')));
  action(cmd, deps, runWishRelease);
}

export async function runWishRelease(env: CommandEnv, opts: WishReleaseOptions, [id]: string[]): Promise<number | void> {
  await env.withDb((ctx) => releaseWish(ctx, Number(id), opts.reason));
  await printMoved(env, opts.json, Number(id));
}
