import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { statement } from '../../domain/points/queries.js';
import { maskPhone } from '../../domain/privacy.js';
import { ledgerColumns } from './shared.js';

export type PointsStatementOptions = { month?: string; json?: boolean; format?: string };

export function registerPointsStatement(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('statement'), t, 'points.statement'), t)
    .argument('<phone>', t('arg.worker'))
    .option('--month <yyyy-mm>', t('opt.month'));
  action(cmd, deps, runPointsStatement);
}

export async function runPointsStatement(env: CommandEnv, opts: PointsStatementOptions, [phone]: string[]): Promise<number | void> {
  const { t } = env;
  const month = opts.month ?? (await Promise.resolve(env.clock.today().slice(0, 7)));
  const s = await env.withDb((ctx) => statement(ctx.db, phone!, month));
  const format = formatOf(opts);
  const worker = { ...s.worker, phone: maskPhone(s.worker.phone) };
  const entries = s.entries.map((e) => ({ ...e, phone: maskPhone(e.phone) }));
  if (format === 'json') {
    writeJson(env.io, { ...s, worker, entries });
    return;
  }
  const heading = t('points.statement_heading', { name: worker.name, phone: worker.phone ?? '', month: s.month, from: s.from, to: s.to });
  const md = format === 'md';
  env.io.stdout.write(`${md ? '## ' : ''}${heading}\n${md ? '\n' : ''}${t('points.opening', { points: s.opening })}\n${md ? '\n' : ''}`);
  await renderRows(
    env.io,
    format,
    ledgerColumns(t).filter((c) => !['worker', 'phone'].includes(c.key)),
    entries,
  );
  env.io.stdout.write(`${md ? '\n' : ''}${t('points.closing', { points: s.closing })}\n`);
}
