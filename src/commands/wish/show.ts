import { localTime } from '../../domain/clock.js';
import type { Command } from 'commander';
import { action, describe, formatOf, idArgument, withFormat, type Deps, termOption } from '../../cli/command.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import type { WishStatus } from '../../db/schema.js';
import { formatYuan } from '../../domain/text/money.js';
import { getWish, listWishes, timeline } from '../../domain/wishes/read.js';
import { viewProps, wishColumns, wishStatusText, wishView } from './shared.js';
import { termLabel } from '../../cli/messages/index.js';

export function registerWishShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'wish.show'), t, ['table', 'json']).argument('<id>', t('arg.wish'), idArgument('ID'));
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts, [id]) => {
    const { wish, events } = await env.withDb(async (ctx) => ({ wish: wishView(await getWish(ctx.db, Number(id), await viewProps(ctx))), events: await timeline(ctx.db, Number(id)) }));
    const shown = events.map((e) => ({ ...e, amount: formatYuan(e.amountFen), amountFen: undefined }));
    const format = formatOf(opts);
    renderRecord(env.io, format, { ...wish, timeline: shown }, [
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
        env.io.stdout.write(`  ${e.businessDate}  ${localTime(e.at, env.clock.timeZone)}  ${e.operator}  ${e.from ? termLabel(t, 'wish_status', e.from) : '—'} → ${termLabel(t, 'wish_status', e.to)}${e.sponsor ? `  ${e.sponsor}` : ''}${e.amount ? `  ¥${e.amount}` : ''}${e.dueOn ? `  ${t('wish.due_on', { date: e.dueOn })}` : ''}${e.note ? `  ${e.note}` : ''}\n`);
      }
    }
  });
}

type ListOptions = { status?: WishStatus; category?: string; sponsor?: string; community?: string; overdue?: boolean; stale?: boolean; json?: boolean; format?: string };

export function registerWishList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'wish.list'), t)
    .addOption(termOption('--status <status>', t('opt.wish_status'), 'wish_status'))
    .addOption(termOption('--category <cat>', t('opt.wish_category'), 'wish_category'))
    .option('--sponsor <name>', t('opt.sponsor'))
    .option('--community <name>', t('opt.community'))
    .option('--overdue', t('opt.overdue'))
    .option('--stale', t('opt.stale'));
  action<ListOptions>(cmd, deps, async (env, opts) => {
    const wishes = await env.withDb(async (ctx) => (await listWishes(ctx.db, opts, await viewProps(ctx))).map(wishView));
    if (formatOf(opts) === 'json') writeJson(env.io, wishes);
    else await renderRows(env.io, formatOf(opts), wishColumns(t), wishes);
  });
}
