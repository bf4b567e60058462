import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import { weeklySections } from '../../cli/reports/sections.js';
import { buildWeekly, periodOptions, renderWeekly, reportHeading, weeklyText, type PeriodFlags } from './shared.js';

export type ReportCommunityOptions = Omit<PeriodFlags, 'community' | 'subdistrict'>;

export function registerReportCommunity(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = reportOptions(periodOptions(describe(parent.command('community'), t, 'report.community'), t), t).argument('<name>', t('arg.community'));
  action(cmd, deps, runReportCommunity);
}

export async function runReportCommunity(env: CommandEnv, opts: ReportCommunityOptions, [name]: string[]): Promise<number | void> {
  const report = await buildWeekly(env, { ...opts, community: name });
  const text = weeklyText(env, await reportHeading(env), report, weeklySections(env.t, report), 'report.community_title');
  await emitReport(env, opts.out, await renderWeekly(env, reportFormat(opts), report, text));
}
