import type { Command } from 'commander';
import { action, describe, formatOf, idArgument, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import { attendees, getEvent } from '../../domain/programme/events.js';
import { maskPhone } from '../../domain/privacy.js';
import { eventColumns } from './shared.js';

export type EventShowOptions = { json?: boolean; format?: string };

export function registerEventShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'event.show'), t, ['table', 'json']).argument('<id>', t('arg.event'), idArgument('EVENT'));
  action(cmd, deps, runEventShow);
}

export async function runEventShow(env: CommandEnv, opts: EventShowOptions, [id]: string[]): Promise<number | void> {
  const { t } = env;
  const { event, people } = await env.withDb(async (ctx) => ({
    event: await getEvent(ctx.db, Number(id)),
    people: (await attendees(ctx.db, Number(id))).map((a) => ({ ...a, phone: maskPhone(a.phone) })),
  }));
  const format = formatOf(opts);
  if (format === 'json') {
    writeJson(env.io, { ...event, attendees: people });
    return;
  }
  renderRecord(
    env.io,
    format,
    event,
    eventColumns(t).map((c) => [c.header, (c.shown ?? c.value)(event)] as [string, unknown]),
  );
  env.io.stdout.write('\n');
  await renderRows(
    env.io,
    format,
    [
      { key: 'name', header: t('col.name'), value: (a) => a.name },
      { key: 'phone', header: t('col.phone'), value: (a) => a.phone },
      { key: 'status', header: t('col.status'), value: (a) => a.status, shown: (a) => termLabel(t, 'attendance_status', a.status) },
      { key: 'points', header: t('col.points'), value: (a) => (a.pointEntryId ? `#${a.pointEntryId}` : '') },
    ],
    people,
  );
}
