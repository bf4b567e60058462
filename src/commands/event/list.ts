import type { Command } from 'commander';
import { action, describe, formatOf, termOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listEvents } from '../../domain/programme/events.js';
import { requireDate } from '../../domain/text/dates.js';
import { eventColumns } from './shared.js';

export type EventListOptions = { type?: string; from?: string; to?: string; community?: string; json?: boolean; format?: string };

export function registerEventList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'event.list'), t)
    .addOption(termOption('--type <type>', t('opt.event_type'), 'event_type'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'))
    .option('--community <name>', t('opt.community'));
  action(cmd, deps, runEventList);
}

export async function runEventList(env: CommandEnv, opts: EventListOptions, _args: string[]): Promise<number | void> {
  const events = await env.withDb((ctx) => listEvents(ctx.db, { ...opts, from: opts.from && requireDate(opts.from, '--from'), to: opts.to && requireDate(opts.to, '--to') }));
  await renderRows(env.io, formatOf(opts), eventColumns(env.t), events);
}
