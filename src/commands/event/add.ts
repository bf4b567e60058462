import type { Command } from 'commander';
import { action, describe, intOption, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addEvent } from '../../domain/programme/events.js';
import { UsageError } from '../../errors.js';

export type EventAddOptions = {
  type: string;
  title: string;
  date: string;
  community?: string;
  station?: string;
  capacity?: number;
  organiser?: string;
  rule?: string;
  json?: boolean;
};

export function registerEventAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'event.add')
    .addOption(termOption('--type <type>', t('opt.event_type'), 'event_type').makeOptionMandatory())
    .requiredOption('--title <text>', t('opt.event_title'))
    .requiredOption('--date <date>', t('opt.event_date'))
    .option('--community <name>', t('opt.community'))
    .option('--station <code>', t('opt.event_station'))
    .option('--capacity <n>', t('opt.capacity'), intOption('--capacity'))
    .option('--organiser <text>', t('opt.organiser'))
    .option('--rule <code>', t('opt.event_rule'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runEventAdd);
}

export async function runEventAdd(env: CommandEnv, opts: EventAddOptions, _args: string[]): Promise<number | void> {
  if (opts.community && opts.station) throw new UsageError({ key: 'usage.conflicting', params: { a: '--community', b: '--station' } });
  const event = await env.withDb((ctx) => addEvent(ctx, opts));
  if (opts.json) writeJson(env.io, event);
  else env.done(`${env.t('event.added', { id: event.id, title: event.title, date: event.date })}\n`);
}
