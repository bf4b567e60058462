import type { Command } from 'commander';
import { action, describe, formatOf, idArgument, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRecord } from '../../cli/render.js';
import { localTime } from '../../domain/clock.js';
import { formatYuan } from '../../domain/text/money.js';
import { listPublicity } from '../../domain/outreach/publicity.js';
import { getWish, timeline } from '../../domain/wishes/read.js';
import { viewProps, wishStatusText, wishView } from './shared.js';

export type WishShowOptions = { json?: boolean; format?: string };

export function registerWishShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'wish.show'), t, ['table', 'json']).argument('<id>', t('arg.wish'), idArgument('ID'));
  action(cmd, deps, runWishShow);
}

export async function runWishShow(env: CommandEnv, opts: WishShowOptions, [id]: string[]): Promise<number | void> {
  const { t } = env;
  const { wish, events, publicity } = await env.withDb(async (ctx) => ({
    wish: wishView(await getWish(ctx.db, Number(id), await viewProps(ctx))),
    events: await timeline(ctx.db, Number(id)),
    // Its follow-up reports (跟踪报道).
    publicity: await listPublicity(ctx.db, { wish: Number(id) }),
  }));
  const shown = events.map((e) => ({ ...e, amount: formatYuan(e.amountFen), amountFen: undefined }));
  const format = formatOf(opts);
  renderRecord(env.io, format, { ...wish, timeline: shown, publicity }, [
    [t('col.id'), wish.id],
    [t('col.title'), wish.title],
    [t('col.category'), termLabel(t, 'wish_category', wish.category)],
    [t('col.for'), wish.for],
    [t('col.community'), wish.community],
    [t('col.detail'), wish.detail],
    [t('col.estimate'), wish.estimate],
    [t('col.status'), wishStatusText(t, wish)],
    [t('col.sponsor'), wish.sponsor],
    [t('col.pledge'), wish.pledge],
    [t('col.due'), wish.dueOn],
    [t('col.cost_yuan'), wish.cost],
    [t('col.evidence'), wish.evidence],
  ]);
  if (format !== 'json') {
    env.io.stdout.write(`\n${t('col.timeline')}\n`);
    for (const e of shown) {
      env.io.stdout.write(
        `  ${e.businessDate}  ${localTime(e.at, env.clock.timeZone)}  ${e.operator}  ${e.from ? termLabel(t, 'wish_status', e.from) : '—'} → ${termLabel(t, 'wish_status', e.to)}${e.sponsor ? `  ${e.sponsor}` : ''}${e.amount ? `  ¥${e.amount}` : ''}${e.dueOn ? `  ${t('wish.due_on', { date: e.dueOn })}` : ''}${e.note ? `  ${e.note}` : ''}\n`,
      );
    }
    if (publicity.length) {
      env.io.stdout.write(`\n${t('wish.publicity')}\n`);
      for (const p of publicity)
        env.io.stdout.write(
          `  ${p.date}  ${termLabel(t, 'publicity_channel', p.channel)}  ${p.title}${p.reach !== null ? `  ${t('wish.publicity_reach', { reach: p.reach })}` : ''}${p.url ? `  ${p.url}` : ''}\n`,
        );
    }
  }
}
