import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listActionOwners, parseYear } from '../../domain/plan/actions.js';

export type ActionListOptions = { year?: string; json?: boolean; format?: string };

export function registerActionList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'action.list'), t).option('--year <yyyy>', t('opt.plan_year'));
  action(cmd, deps, runActionList);
}

export async function runActionList(env: CommandEnv, opts: ActionListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = await env.withDb((ctx) => listActionOwners(ctx.db, parseYear(opts.year ?? ctx.clock.today().slice(0, 4), ctx.clock.today())));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'no', header: t('col.no'), value: (r) => r.no },
      { key: 'action', header: t('col.programme_action'), value: (r) => r.action, shown: (r) => termLabel(t, 'action', r.action) },
      { key: 'year', header: t('col.plan_year'), value: (r) => r.year },
      { key: 'lead', header: t('col.lead_unit'), value: (r) => r.lead, shown: (r) => r.lead ?? t('action.no_lead') },
      { key: 'responsible', header: t('col.responsible_units'), value: (r) => r.responsible, shown: (r) => r.responsible.join(t('list.separator')) },
    ],
    rows,
  );
}
