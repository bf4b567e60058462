import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../../cli/command.js';
import { termLabel } from '../../../cli/messages/index.js';
import { renderRows } from '../../../cli/render.js';
import { listRules } from '../../../domain/points/catalogue.js';

export type PointsRuleListOptions = { json?: boolean; format?: string };

export function registerPointsRuleList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'points.rule.list'), t);
  action(cmd, deps, runPointsRuleList);
}

export async function runPointsRuleList(env: CommandEnv, opts: PointsRuleListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rules = await env.withDb((ctx) => listRules(ctx.db));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'points', header: t('col.points'), value: (r) => r.points },
      { key: 'dailyCap', header: t('col.daily_cap'), value: (r) => r.dailyCap },
      { key: 'retired', header: t('col.status'), value: (r) => r.retired, shown: (r) => termLabel(t, 'catalogue_status', r.retired ? 'retired' : 'active') },
      { key: 'description', header: t('col.detail'), value: (r) => r.description },
    ],
    rules,
  );
}
