import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { getWish } from '../../domain/wishes/read.js';
import { type WishInput, addWish } from '../../domain/wishes/write.js';
import { UsageError } from '../../errors.js';
import { viewProps, wishView } from './shared.js';

export type WishAddOptions = WishInput & { json?: boolean };

export function registerWishAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'wish.add')
    .requiredOption('--title <text>', t('opt.wish_title'))
    .requiredOption('--category <cat>', t('opt.wish_category'))
    .option('--worker <phone>', t('opt.wish_worker'))
    .option('--site <name>', t('opt.wish_site'))
    .option('--detail <text>', t('opt.detail'))
    .option('--estimate <yuan>', t('opt.estimate'))
    .option('--source <source>', t('opt.wish_source'))
    .option('--collected-on <date>', t('opt.collected_on'))
    .option('--station <code>', t('opt.wish_station'))
    .option('--community <name>', t('opt.wish_community'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runWishAdd);
}

export async function runWishAdd(env: CommandEnv, opts: WishAddOptions, _args: string[]): Promise<number | void> {
  if (Boolean(opts.worker) === Boolean(opts.site)) throw new UsageError({ key: 'wish.worker_or_site' });
  const wish = await env.withDb(async (ctx) => getWish(ctx.db, await addWish(ctx, opts), await viewProps(ctx)));
  if (opts.json) writeJson(env.io, wishView(wish));
  else env.done(`${env.t('wish.added', { id: wish.id, title: wish.title })}\n`);
}
