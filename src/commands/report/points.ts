import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { reportOptions } from '../../cli/reports/output.js';
import { pointsByRule } from '../../domain/reports/breakdowns.js';
import { resolvePeriod } from '../../domain/reports/period.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { AREA_FORMATS, areaReport, type PeriodFlags, periodOptions, scopeOptions } from './shared.js';

export type ReportPointsOptions = PeriodFlags;

export function registerReportPoints(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(periodOptions(describe(parent.command('points'), t, 'report.points'), t), t, AREA_FORMATS), t);
  action(cmd, deps, runReportPoints);
}

export async function runReportPoints(env: CommandEnv, opts: ReportPointsOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  await areaReport(env, opts, 'points', async () => {
    const rules = await env.withDb(async (ctx) => pointsByRule(ctx.db, resolvePeriod(opts, ctx.clock.today()), await resolveScope(ctx.db, opts, ctx.clock.timeZone)), {
      snapshot: true,
    });
    return {
      json: { by_rule: rules },
      lists: [
        {
          title: t('report.list.by_rule'),
          headers: [t('col.rule'), t('col.name'), t('col.awards'), t('col.points')],
          rows: rules.map((r) => [r.rule, r.name, r.awards, r.points]),
        },
      ],
    };
  });
}
