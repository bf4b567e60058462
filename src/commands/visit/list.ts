import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listVisits } from '../../domain/outreach/visits.js';

export type VisitListOptions = { from?: string; to?: string; action?: string; community?: string; json?: boolean; format?: string };

export function registerVisitList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'visit.list'), t)
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'))
    .option('--action <action>', t('opt.visit_action_filter'))
    .option('--community <name>', t('opt.community'));
  action(cmd, deps, runVisitList);
}

export async function runVisitList(env: CommandEnv, opts: VisitListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listVisits(ctx.db, opts));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (v) => v.id },
      { key: 'date', header: t('col.date'), value: (v) => v.date },
      { key: 'unit', header: t('col.visit_unit'), value: (v) => v.unit },
      { key: 'place', header: t('col.visit_place'), value: (v) => v.place },
      { key: 'community', header: t('col.community'), value: (v) => v.community },
      { key: 'by', header: t('col.visit_by'), value: (v) => v.by },
      { key: 'workersMet', header: t('col.workers_met'), value: (v) => v.workersMet },
      { key: 'action', header: t('col.programme_action'), value: (v) => v.action, shown: (v) => (v.action ? termLabel(t, 'action', v.action) : '') },
      { key: 'opinions', header: t('col.opinions_heard'), value: (v) => v.opinions },
      { key: 'note', header: t('col.note'), value: (v) => v.note },
    ],
    rows,
  );
}
