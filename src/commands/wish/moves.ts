import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, idArgument, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import type { Ctx } from '../../domain/context.js';
import { getWish, listWishes } from '../../domain/wishes/read.js';
import { cancelWish, claimWish, followUpWish, fulfilWish, publishWishes, releaseWish } from '../../domain/wishes/write.js';
import { viewProps, wishColumns, wishView } from './shared.js';

async function printMoved(env: CommandEnv, json: boolean | undefined, id: number): Promise<void> {
  const wish = await env.withDb(async (ctx) => getWish(ctx.db, id, await viewProps(ctx)));
  if (json) writeJson(env.io, wishView(wish));
  else env.done(`${env.t('wish.moved', { id: wish.id, title: wish.title, status: termLabel(env.t, 'wish_status', wish.status) })}\n`);
}

/** A verb that moves one wish: `wish <verb> ID …`. */
function registerMove<O extends { json?: boolean }>(
  parent: Command,
  deps: Deps,
  verb: string,
  configure: (cmd: Command) => Command,
  apply: (ctx: Ctx, id: number, opts: O) => Promise<void>,
): void {
  const cmd = configure(describe(parent.command(verb), deps.t, `wish.${verb}`).argument('<id>', deps.t('arg.wish'), idArgument('ID'))).option('--json', deps.t('opt.json'));
  action<O>(cmd, deps, async (env, opts, [id]) => {
    await env.withDb((ctx) => apply(ctx, Number(id), opts));
    await printMoved(env, opts.json, Number(id));
  });
}

export function registerWishClaim(parent: Command, deps: Deps): void {
  const { t } = deps;
  registerMove<{ sponsor: string; pledge?: string; due?: string; json?: boolean }>(
    parent, deps, 'claim',
    (c) => c.requiredOption('--sponsor <name>', t('opt.sponsor')).option('--pledge <yuan>', t('opt.pledge')).option('--due <date>', t('opt.due')),
    (ctx, id, o) => claimWish(ctx, id, o),
  );
}

export function registerWishFulfil(parent: Command, deps: Deps): void {
  const { t } = deps;
  registerMove<{ cost?: string; date?: string; note?: string; evidence?: string; json?: boolean }>(
    parent, deps, 'fulfil',
    (c) => c.option('--cost <yuan>', t('opt.cost_yuan')).option('--date <date>', t('opt.fulfil_date')).option('--note <text>', t('opt.note')).option('--evidence <path-or-url>', t('opt.evidence')),
    (ctx, id, o) => fulfilWish(ctx, id, o),
  );
}

export function registerWishFollowUp(parent: Command, deps: Deps): void {
  const { t } = deps;
  registerMove<{ note: string; json?: boolean }>(parent, deps, 'follow-up', (c) => c.requiredOption('--note <text>', t('opt.follow_note')), (ctx, id, o) => followUpWish(ctx, id, o.note));
}

export function registerWishRelease(parent: Command, deps: Deps): void {
  const { t } = deps;
  registerMove<{ reason: string; json?: boolean }>(parent, deps, 'release', (c) => c.requiredOption('--reason <text>', t('opt.reason')), (ctx, id, o) => releaseWish(ctx, id, o.reason));
}

export function registerWishCancel(parent: Command, deps: Deps): void {
  const { t } = deps;
  registerMove<{ reason: string; json?: boolean }>(parent, deps, 'cancel', (c) => c.requiredOption('--reason <text>', t('opt.reason')), (ctx, id, o) => cancelWish(ctx, id, o.reason));
}

export function registerWishPublish(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('list-publish'), t, 'wish.list-publish').option('--category <cat>', t('opt.wish_category')).option('--json', t('opt.json'));
  action<{ category?: string; json?: boolean }>(cmd, deps, async (env, opts) => {
    const wishes = await env.withDb(async (ctx) => {
      const ids = await publishWishes(ctx, { category: opts.category });
      return (await listWishes(ctx.db, { ids }, await viewProps(ctx))).map(wishView);
    });
    if (opts.json) writeJson(env.io, wishes);
    else {
      await renderRows(env.io, 'table', wishColumns(t).filter((c) => [t('col.id'), 'title', 'category', 'for', 'community', 'estimate'].includes(c.key)), wishes);
      env.note(t('wish.published', { count: wishes.length }));
    }
  });
}
