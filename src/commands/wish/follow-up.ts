import type { Command } from 'commander';
import { action, type CommandEnv, type Deps } from '../../cli/command.js';
import { followUpWish } from '../../domain/wishes/write.js';
import { moveCommand, printMoved } from './shared.js';

export type WishFollowUpOptions = { note: string; json?: boolean };

export function registerWishFollowUp(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = moveCommand(parent, t, 'follow-up', (c) => c.requiredOption('--note <text>', t('opt.follow_note')));
  action(cmd, deps, runWishFollowUp);
}

export async function runWishFollowUp(env: CommandEnv, opts: WishFollowUpOptions, [id]: string[]): Promise<number | void> {
  await env.withDb((ctx) => followUpWish(ctx, Number(id), opts.note));
  await printMoved(env, opts.json, Number(id));
}
