import type { Command } from 'commander';
import { action, describe, idArgument, intOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { saveWorkbook } from '../../cli/workbook-out.js';
import { getEvent } from '../../domain/programme/events.js';
import { getStation } from '../../domain/stations/read.js';

export type EventSheetOptions = { out?: string; rows?: number };

export function registerEventSheet(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('sheet'), t, 'event.sheet')
    .argument('<event>', t('arg.event'), idArgument('EVENT'))
    .option('--out <file>', t('opt.sheet_out'))
    .option('--rows <n>', t('opt.sheet_rows'), intOption('--rows', 1_000));
  action(cmd, deps, runEventSheet);
}

/** Rows printed when the event sets no capacity: one A4 page and a bit. */
const DEFAULT_ROWS = 30;

/**
 * A sign-in sheet to print: the event's title, date and place above
 * numbered rows of 序号/姓名/手机号码/签名, A4 with the header on every page.
 * Filled in and scanned or typed back, it imports with `event attend --file`.
 */
export async function runEventSheet(env: CommandEnv, opts: EventSheetOptions, [id]: string[]): Promise<number | void> {
  const { t } = env;
  const { event, station } = await env.withDb(async (ctx) => {
    const event = await getEvent(ctx.db, Number(id));
    return { event, station: event.station ? await getStation(ctx.db, event.station) : undefined };
  });
  const rows = opts.rows ?? event.capacity ?? DEFAULT_ROWS;
  // The place as people know it: the station's name (its code means nothing on paper), then the community.
  const place = [station?.name, event.community].filter(Boolean).join(' · ') || '—';
  await saveWorkbook(env, opts.out, [
    {
      name: t('event.sheet_name'),
      title: [t('event.sheet_title', { title: event.title }), t('event.sheet_line', { date: event.date, place, id: event.id })],
      headers: [t('event.sheet_no'), t('event.sheet_person'), t('event.sheet_phone'), t('event.sheet_signature')],
      rows: Array.from({ length: rows }, (_, i) => [i + 1, null, null, null]),
      widths: [8, 16, 20, 28],
      textColumns: [2],
      rowHeight: 26,
      print: {},
    },
  ]);
}
