import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listVisits } from '../../domain/programme/care.js';
import { requireDate } from '../../domain/text/dates.js';
import { visitView } from './shared.js';

export type CareListOptions = { from?: string; to?: string; json?: boolean; format?: string };

export function registerCareList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'care.list'), t)
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'));
  action(cmd, deps, runCareList);
}

export async function runCareList(env: CommandEnv, opts: CareListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = (await env.withDb((ctx) => listVisits(ctx.db, { from: opts.from && requireDate(opts.from, '--from'), to: opts.to && requireDate(opts.to, '--to') }))).map(visitView);
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (v) => v.id },
      { key: 'date', header: t('col.date'), value: (v) => v.date },
      { key: 'worker', header: t('col.worker'), value: (v) => v.worker },
      { key: 'phone', header: t('col.phone'), value: (v) => v.phone },
      { key: 'kind', header: t('col.kind'), value: (v) => v.kind, shown: (v) => termLabel(t, 'visit_kind', v.kind) },
      { key: 'by', header: t('col.by'), value: (v) => v.by },
      { key: 'support', header: t('col.support'), value: (v) => v.support },
      { key: 'note', header: t('col.note'), value: (v) => v.note },
    ],
    rows,
  );
}
