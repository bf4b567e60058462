import type { Command } from 'commander';
import { describe, idArgument, type CommandEnv } from '../../cli/command.js';
import type { Column } from '../../cli/render.js';
import { writeJson } from '../../cli/render.js';
import type { Ctx } from '../../domain/context.js';
import { maskPhone } from '../../domain/privacy.js';
import { numberSetting } from '../../domain/settings.js';
import { formatYuan } from '../../domain/text/money.js';
import { getWish, type Wish } from '../../domain/wishes/read.js';
import { termLabel, type Translate } from '../../cli/messages/index.js';

/** The wish as shown: who it is for masked, money in yuan. */
/** A wish's state as a person reads it, with the warnings a clerk acts on: `已认领 ⚠逾期`. */
export function wishStatusText(t: Translate, w: { status: string; overdue: boolean; stale: boolean }): string {
  return [termLabel(t, 'wish_status', w.status), w.overdue ? `⚠${t('wish.flag.overdue')}` : '', w.stale ? `⚠${t('wish.flag.stale')}` : ''].filter(Boolean).join(' ');
}

export function wishView(w: Wish) {
  return {
    id: w.id,
    title: w.title,
    category: w.category,
    for: w.worker ? `${w.worker} ${maskPhone(w.workerPhone) ?? ''}`.trim() : w.site,
    workerPhone: maskPhone(w.workerPhone),
    site: w.site,
    community: w.community,
    station: w.station,
    detail: w.detail,
    estimate: formatYuan(w.estimateFen),
    source: w.source,
    collectedOn: w.collectedOn,
    status: w.status,
    listedOn: w.listedOn,
    sponsor: w.sponsor,
    pledge: formatYuan(w.pledgeFen),
    claimedOn: w.claimedOn,
    dueOn: w.dueOn,
    cost: formatYuan(w.costFen),
    fulfilledOn: w.fulfilledOn,
    evidence: w.evidence,
    overdue: w.overdue,
    stale: w.stale,
  };
}

export function wishColumns(t: Translate): Column<ReturnType<typeof wishView>>[] {
  return [
    { key: 'id', header: t('col.id'), value: (w) => w.id },
    { key: 'title', header: t('col.title'), value: (w) => w.title },
    { key: 'category', header: t('col.category'), value: (w) => w.category, shown: (w) => termLabel(t, 'wish_category', w.category) },
    { key: 'for', header: t('col.for'), value: (w) => w.for },
    { key: 'community', header: t('col.community'), value: (w) => w.community },
    { key: 'status', header: t('col.status'), value: (w) => w.status, shown: (w) => wishStatusText(t, w) },
    { key: 'sponsor', header: t('col.sponsor'), value: (w) => w.sponsor },
    { key: 'dueOn', header: t('col.due'), value: (w) => w.dueOn },
    { key: 'estimate', header: t('col.estimate'), value: (w) => w.estimate },
    { key: 'pledge', header: t('col.pledge'), value: (w) => w.pledge },
    { key: 'cost', header: t('col.cost_yuan'), value: (w) => w.cost },
  ];
}

export async function viewProps(ctx: Ctx) {
  return { today: ctx.clock.today(), staleDays: await numberSetting(ctx.db, 'wishes.stale_days') };
}

/** A verb that moves one wish: `wish <verb> ID …`, its own options added by `configure` before --json. */
export function moveCommand(parent: Command, t: Translate, verb: string, configure: (cmd: Command) => Command): Command {
  return configure(describe(parent.command(verb), t, `wish.${verb}`).argument('<id>', t('arg.wish'), idArgument('ID'))).option('--json', t('opt.json'));
}

/** After a move: the wish's new state in one line, or the wish with --json. */
export async function printMoved(env: CommandEnv, json: boolean | undefined, id: number): Promise<void> {
  const wish = await env.withDb(async (ctx) => getWish(ctx.db, id, await viewProps(ctx)));
  if (json) writeJson(env.io, wishView(wish));
  else env.done(`${env.t('wish.moved', { id: wish.id, title: wish.title, status: termLabel(env.t, 'wish_status', wish.status) })}\n`);
}
