import { localTime } from '../../domain/clock.js';
import { actionText, describeChanges } from '../../cli/history.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRecord, renderTitledTable, writeJson } from '../../cli/render.js';
import { workerRecord, type WorkerRecord } from '../../domain/programme/worker-record.js';
import { RECORD_PARTS } from '../../domain/strands/index.js';
import type { RecordPart } from '../../domain/strands/strand.js';
import { formatYuan } from '../../domain/text/money.js';
import { checkReveal, presenter, revealOptions, workerFields, type RevealFlags } from './shared.js';
import { termLabel } from '../../cli/messages/index.js';

export type WorkerShowOptions = RevealFlags & { json?: boolean; format?: string };

export function registerWorkerShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = revealOptions(withFormat(describe(parent.command('show'), t, 'worker.show'), t, ['table', 'json']).argument('<phone-or-id>', t('arg.worker')), t);
  action(cmd, deps, runWorkerShow);
}

type Row = Record<string, unknown>;
const rowsOf = (record: WorkerRecord, part: RecordPart<unknown>) => (record as unknown as Record<string, Row[]>)[part.key] ?? [];

/** A strand's rows as shown: other people's numbers removed, amounts in fen also given in yuan. */
function presentRow(part: RecordPart<unknown>, row: Row): Row {
  const yuan = Object.entries(part.yuan ?? {}).map(([key, fen]) => [key, formatYuan(row[fen] as number | null)]);
  return { ...row, phone: undefined, ...Object.fromEntries(yuan) };
}

export async function runWorkerShow(env: CommandEnv, opts: WorkerShowOptions, [key]: string[]): Promise<number | void> {
  checkReveal(opts);
  const record = await env.withDb(async (ctx) => {
    const found = await workerRecord(ctx.db, key!, ctx.clock.today());
    const present = await presenter(ctx, opts, [found.worker]);
    return { ...found, worker: present(found.worker) };
  });
  // Other people's numbers never appear here; the worker's own only with --reveal.
  const masked = {
    ...record,
    points: { ...record.points, recent: record.points.recent.map((e) => ({ ...e, phone: undefined })) },
    ...Object.fromEntries(RECORD_PARTS.map((part) => [part.key, rowsOf(record, part).map((row) => presentRow(part, row))])),
  };
  const format = formatOf(opts);
  if (format === 'json') {
    const { worker, ...sections } = masked;
    writeJson(env.io, { ...worker, ...sections });
    return;
  }
  renderRecord(env.io, format, masked.worker, workerFields(env, masked.worker));
  await printSections(env, record);
}

function section(env: CommandEnv, title: string, headers: string[], rows: unknown[][]): Promise<void> {
  return renderTitledTable(env.io, title, headers, rows);
}

/** A strand's table, from its declaration: closed-list values by their label, fen as yuan. */
async function strandSection(env: CommandEnv, part: RecordPart<unknown>, rows: Row[]): Promise<void> {
  const { t } = env;
  const cell = (column: RecordPart<unknown>['columns'][number], row: Row) => {
    const value = column.value(row);
    if (column.term && typeof value === 'string') return termLabel(t, column.term, value);
    return column.money ? formatYuan(value as number | null) : value;
  };
  await section(
    env,
    t(part.title),
    part.columns.map((c) => t(`col.${c.label}`)),
    rows.map((row) => part.columns.map((c) => cell(c, row))),
  );
}

async function printSections(env: CommandEnv, r: WorkerRecord): Promise<void> {
  const { t } = env;
  env.io.stdout.write(`\n${t('worker.section.points', { balance: r.points.balance, earned: r.points.earned, redeemed: r.points.redeemed })}\n`);
  await section(
    env,
    t('worker.section.recent'),
    [t('col.id'), t('col.date'), t('col.kind'), t('col.points'), t('col.rule')],
    r.points.recent.map((e) => [e.id, e.businessDate, termLabel(t, 'point_kind', e.kind), e.points, e.rule ?? e.gift]),
  );
  await section(
    env,
    t('worker.section.wishes'),
    [t('col.id'), t('col.title'), t('col.category'), t('col.status'), t('col.sponsor')],
    r.wishes.map((w) => [w.id, w.title, termLabel(t, 'wish_category', w.category), termLabel(t, 'wish_status', w.status), w.sponsor]),
  );
  for (const part of RECORD_PARTS) await strandSection(env, part, rowsOf(r, part));
  env.io.stdout.write(`\n${t('col.history')}\n`);
  for (const h of r.history)
    env.io.stdout.write(
      `  ${localTime(h.at, env.clock.timeZone)}  ${h.operator}  ${actionText(t, h.action)}${h.importId ? ` #${h.importId}` : ''}  ${describeChanges(t, h.changes, 'worker')}\n`,
    );
}
