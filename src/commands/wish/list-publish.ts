import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { listWishes } from '../../domain/wishes/read.js';
import { publishWishes } from '../../domain/wishes/write.js';
import { viewProps, wishColumns, wishView } from './shared.js';

export type WishListPublishOptions = { category?: string; date?: string; json?: boolean };

export function registerWishListPublish(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('list-publish'), t, 'wish.list-publish')
    .option('--category <cat>', t('opt.wish_category'))
    .option('--date <date>', t('opt.publish_date'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runWishListPublish);
}

export async function runWishListPublish(env: CommandEnv, opts: WishListPublishOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const wishes = await env.withDb(async (ctx) => {
    const ids = await publishWishes(ctx, { category: opts.category, date: opts.date });
    return (await listWishes(ctx.db, { ids }, await viewProps(ctx))).map(wishView);
  });
  if (opts.json) writeJson(env.io, wishes);
  else {
    await renderRows(
      env.io,
      'table',
      wishColumns(t).filter((c) => ['id', 'title', 'category', 'for', 'community', 'estimate'].includes(c.key)),
      wishes,
    );
    env.note(t('wish.published', { count: wishes.length }));
  }
}
