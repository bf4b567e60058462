import type { Command } from 'commander';
import { action, describe, idArgument, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { attendanceImportPlan, attendanceRowParser } from '../../domain/programme/attendance-import.js';
import { attend, getEvent } from '../../domain/programme/events.js';
import { UsageError } from '../../errors.js';
import { importInThread, runImportCommand, type ImportFlags } from '../shared/import-command.js';

export type EventAttendOptions = ImportFlags & { file?: string; overCapacity?: boolean; headcount?: number; note?: string };

export function registerEventAttend(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('attend'), t, 'event.attend')
    .argument('<event>', t('arg.event'), idArgument('EVENT'))
    .argument('[phones...]', t('arg.workers'))
    .option('--file <file>', t('opt.attendance_file'))
    .option('--over-capacity', t('opt.over_capacity'))
    .option('--headcount <n>', t('opt.headcount'), intOption('--headcount'))
    .option('--note <text>', t('opt.headcount_note'))
    .option('--dry-run', t('opt.dry_run'))
    .option('--strict', t('opt.strict'))
    .option('--sheet <sheet>', t('opt.sheet'))
    .option('--rejects <file>', t('opt.rejects'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runEventAttend);
}

export async function runEventAttend(env: CommandEnv, opts: EventAttendOptions, [eventId, ...phones]: string[]): Promise<number | void> {
  const id = Number(eventId);
  if (opts.sheet !== undefined && !opts.file) throw new UsageError({ key: 'usage.flag_needs', params: { flag: '--sheet', needs: '--file' } });
  if (opts.file && phones.length) throw new UsageError({ key: 'usage.conflicting', params: { a: 'PHONE…', b: '--file' } });
  if (opts.file && opts.headcount !== undefined) throw new UsageError({ key: 'usage.conflicting', params: { a: '--headcount', b: '--file' } });
  if (opts.note !== undefined && opts.headcount === undefined) throw new UsageError({ key: 'usage.flag_needs', params: { flag: '--note', needs: '--headcount' } });
  if (opts.file) {
    return runImportCommand(env, opts.file, opts, async (ctx, _handle, info, onBytes) => {
      await getEvent(ctx.db, id);
      return importInThread(ctx, info, attendanceRowParser, attendanceImportPlan(ctx, id, opts), { ...opts, onBytes });
    });
  }
  if (phones.length === 0 && opts.headcount === undefined) throw new UsageError({ key: 'event.no_attendees' });
  const counts = await env.withDb((ctx) => attend(ctx, id, phones, opts));
  if (opts.json) writeJson(env.io, { event: id, ...counts });
  else if (phones.length === 0) env.done(`${env.t('event.headcount_set', { id, headcount: counts.headcount ?? 0 })}\n`);
  else env.done(`${env.t('event.attended', { id, attended: counts.attended, waitlisted: counts.waitlisted })}\n`);
}
