import { type Command } from 'commander';
import { action, describe, formatOf, idArgument, intOption, withFormat, type Deps, termOption } from '../../cli/command.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import { attendanceImportPlan, attendanceRowParser } from '../../domain/programme/attendance-import.js';
import { addEvent, attend, attendees, getEvent, listEvents, type EventRow } from '../../domain/programme/events.js';
import { maskPhone } from '../../domain/privacy.js';
import { requireDate } from '../../domain/text/dates.js';
import { UsageError } from '../../errors.js';
import { type Translate, termLabel } from '../../cli/messages/index.js';
import { importInThread, runImportCommand, type ImportFlags } from '../shared/import-command.js';

const columns = (t: Translate) => [
  { key: 'id', header: t('col.id'), value: (e: EventRow) => e.id },
  { key: 'date', header: t('col.date'), value: (e: EventRow) => e.date },
  { key: 'type', header: t('col.type'), value: (e: EventRow) => e.type, shown: (e: EventRow) => termLabel(t, 'event_type', e.type) },
  { key: 'title', header: t('col.name'), value: (e: EventRow) => e.title },
  { key: 'community', header: t('col.community'), value: (e: EventRow) => e.community ?? e.station },
  { key: 'capacity', header: t('col.capacity'), value: (e: EventRow) => e.capacity },
  { key: 'attended', header: t('col.attended'), value: (e: EventRow) => e.attended },
  { key: 'waitlisted', header: t('col.waitlisted'), value: (e: EventRow) => e.waitlisted },
  { key: 'rule', header: t('col.rule'), value: (e: EventRow) => e.rule },
];

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
  action<{ type: string; title: string; date: string; community?: string; station?: string; capacity?: number; organiser?: string; rule?: string; json?: boolean }>(cmd, deps, async (env, opts) => {
    if (opts.community && opts.station) throw new UsageError({ key: 'usage.conflicting', params: { a: '--community', b: '--station' } });
    const event = await env.withDb((ctx) => addEvent(ctx, opts));
    if (opts.json) writeJson(env.io, event);
    else env.done(`${t('event.added', { id: event.id, title: event.title, date: event.date })}\n`);
  });
}

export function registerEventList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'event.list'), t)
    .addOption(termOption('--type <type>', t('opt.event_type'), 'event_type'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'))
    .option('--community <name>', t('opt.community'));
  action<{ type?: string; from?: string; to?: string; community?: string; json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const events = await env.withDb((ctx) => listEvents(ctx.db, { ...opts, from: opts.from && requireDate(opts.from, '--from'), to: opts.to && requireDate(opts.to, '--to') }));
    await renderRows(env.io, formatOf(opts), columns(t), events);
  });
}

export function registerEventShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'event.show'), t, ['table', 'json']).argument('<id>', t('arg.event'), idArgument('EVENT'));
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts, [id]) => {
    const { event, people } = await env.withDb(async (ctx) => ({ event: await getEvent(ctx.db, Number(id)), people: (await attendees(ctx.db, Number(id))).map((a) => ({ ...a, phone: maskPhone(a.phone) })) }));
    const format = formatOf(opts);
    if (format === 'json') {
      writeJson(env.io, { ...event, attendees: people });
      return;
    }
    renderRecord(env.io, format, event, columns(t).map((c) => [c.header, (c.shown ?? c.value)(event)] as [string, unknown]));
    env.io.stdout.write('\n');
    await renderRows(env.io, format, [
      { key: 'name', header: t('col.name'), value: (a) => a.name },
      { key: 'phone', header: t('col.phone'), value: (a) => a.phone },
      { key: 'status', header: t('col.status'), value: (a) => a.status, shown: (a) => termLabel(t, 'attendance_status', a.status) },
      { key: 'points', header: t('col.points'), value: (a) => (a.pointEntryId ? `#${a.pointEntryId}` : '') },
    ], people);
  });
}

export function registerEventAttend(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('attend'), t, 'event.attend')
    .argument('<event>', t('arg.event'), idArgument('EVENT'))
    .argument('[phones...]', t('arg.workers'))
    .option('--file <attendance.csv>', t('opt.attendance_file'))
    .option('--over-capacity', t('opt.over_capacity'))
    .option('--dry-run', t('opt.dry_run'))
    .option('--strict', t('opt.strict'))
    .option('--rejects <out.csv>', t('opt.rejects'))
    .option('--json', t('opt.json'));
  action<ImportFlags & { file?: string; overCapacity?: boolean }>(cmd, deps, async (env, opts, [eventId, ...phones]) => {
    const id = Number(eventId);
    if (opts.file && phones.length) throw new UsageError({ key: 'usage.conflicting', params: { a: 'PHONE…', b: '--file' } });
    if (opts.file) {
      return runImportCommand(env, opts.file, opts, async (ctx, _handle, info, onBytes) => {
        await getEvent(ctx.db, id);
        return importInThread(ctx, info, attendanceRowParser, attendanceImportPlan(ctx, id, opts), { ...opts, onBytes });
      });
    }
    if (phones.length === 0) throw new UsageError({ key: 'event.no_attendees' });
    const counts = await env.withDb((ctx) => attend(ctx, id, phones, opts));
    if (opts.json) writeJson(env.io, { event: id, ...counts });
    else env.done(`${t('event.attended', { id, ...counts })}\n`);
  });
}
