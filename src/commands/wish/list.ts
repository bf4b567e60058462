import type { Command } from 'commander';
import { action, describe, formatOf, termOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import type { WishStatus } from '../../db/schema.js';
import { listWishes } from '../../domain/wishes/read.js';
import { viewProps, wishColumns, wishView } from './shared.js';

export type WishListOptions = { status?: WishStatus; category?: string; sponsor?: string; community?: string; overdue?: boolean; stale?: boolean; json?: boolean; format?: string };

export function registerWishList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'wish.list'), t)
    .addOption(termOption('--status <status>', t('opt.wish_status'), 'wish_status'))
    .addOption(termOption('--category <cat>', t('opt.wish_category'), 'wish_category'))
    .option('--sponsor <name>', t('opt.sponsor'))
    .option('--community <name>', t('opt.community'))
    .option('--overdue', t('opt.overdue'))
    .option('--stale', t('opt.stale'));
  action(cmd, deps, runWishList);
}

export async function runWishList(env: CommandEnv, opts: WishListOptions, _args: string[]): Promise<number | void> {
  const wishes = await env.withDb(async (ctx) => (await listWishes(ctx.db, opts, await viewProps(ctx))).map(wishView));
  if (formatOf(opts) === 'json') writeJson(env.io, wishes);
  else await renderRows(env.io, formatOf(opts), wishColumns(env.t), wishes);
}
