import type { Command } from 'commander';
import { action, describe, formatOf, termOption, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { listHousing } from '../../domain/programme/cases.js';
import { housingView } from './shared.js';

export type HousingListOptions = { status?: string; json?: boolean; format?: string };

export function registerHousingList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'housing.list'), t).addOption(termOption('--status <status>', t('opt.case_status'), 'housing_status'));
  action(cmd, deps, runHousingList);
}

export async function runHousingList(env: CommandEnv, opts: HousingListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = (await env.withDb((ctx) => listHousing(ctx.db, { status: opts.status }))).map(housingView);
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'id', header: t('col.id'), value: (h) => h.id },
      { key: 'worker', header: t('col.worker'), value: (h) => h.worker },
      { key: 'phone', header: t('col.phone'), value: (h) => h.phone },
      { key: 'household', header: t('col.household'), value: (h) => h.household },
      { key: 'status', header: t('col.status'), value: (h) => h.status, shown: (h) => termLabel(t, 'housing_status', h.status) },
      { key: 'appliedOn', header: t('col.applied_on'), value: (h) => h.appliedOn },
      { key: 'reason', header: t('col.reason'), value: (h) => h.reason ?? h.address },
    ],
    rows,
  );
}
