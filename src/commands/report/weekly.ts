import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import { weeklySections } from '../../cli/reports/sections.js';
import { buildWeekly, type PeriodFlags, periodOptions, renderWeekly, reportHeading, scopeOptions, weeklyText } from './shared.js';

export type ReportWeeklyOptions = PeriodFlags;

export function registerReportWeekly(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(periodOptions(describe(parent.command('weekly'), t, 'report.weekly'), t), t), t);
  action(cmd, deps, runReportWeekly);
}

export async function runReportWeekly(env: CommandEnv, opts: ReportWeeklyOptions, _args: string[]): Promise<number | void> {
  const report = await buildWeekly(env, opts);
  const text = weeklyText(env, await reportHeading(env), report, weeklySections(env.t, report));
  await emitReport(env, opts.out, await renderWeekly(env, reportFormat(opts), report, text));
}
