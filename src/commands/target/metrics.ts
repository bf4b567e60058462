import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRows } from '../../cli/render.js';
import { actionNo } from '../../domain/plan/actions.js';
import { TARGET_METRICS } from '../../domain/plan/targets.js';
import { metricLabel } from './shared.js';

export type TargetMetricsOptions = { json?: boolean; format?: string };

export function registerTargetMetrics(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('metrics'), t, 'target.metrics'), t);
  action(cmd, deps, runTargetMetrics);
}

export async function runTargetMetrics(env: CommandEnv, opts: TargetMetricsOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const rows = Object.entries(TARGET_METRICS).flatMap(([act, metrics]) => metrics.map((metric) => ({ no: actionNo(act), action: act, metric })));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'no', header: t('col.no'), value: (r) => r.no },
      { key: 'action', header: t('col.programme_action'), value: (r) => r.action, shown: (r) => termLabel(t, 'action', r.action) },
      { key: 'metric', header: t('col.metric'), value: (r) => r.metric },
      { key: 'label', header: t('col.metric_label'), value: (r) => metricLabel(t, r.action, r.metric) },
    ],
    rows,
  );
}
