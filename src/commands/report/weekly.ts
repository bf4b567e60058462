import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import { weeklySections } from '../../cli/reports/sections.js';
import { resolvePeriod } from '../../domain/reports/period.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { weeklyReport } from '../../domain/reports/weekly.js';
import { emitCityReport, refuseCityWithPlace, sectionFigures } from './city.js';
import { buildWeekly, type PeriodFlags, periodOptions, renderWeekly, reportHeading, scopeOptions, weeklyText } from './shared.js';

export type ReportWeeklyOptions = PeriodFlags & { city?: boolean };

export function registerReportWeekly(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(periodOptions(describe(parent.command('weekly'), t, 'report.weekly'), t), t), t).option('--city', t('opt.report_city'));
  action(cmd, deps, runReportWeekly);
}

export async function runReportWeekly(env: CommandEnv, opts: ReportWeeklyOptions, _args: string[]): Promise<number | void> {
  if (opts.city) return runCityWeekly(env, opts);
  const report = await buildWeekly(env, opts);
  const text = weeklyText(env, await reportHeading(env), report, weeklySections(env.t, report));
  await emitReport(env, opts.out, await renderWeekly(env, reportFormat(opts), report, text));
}

/** `--city`: each district's weekly figures side by side, and the city's totals (no lists of named people). */
async function runCityWeekly(env: CommandEnv, opts: ReportWeeklyOptions): Promise<void> {
  refuseCityWithPlace(env, opts);
  const period = resolvePeriod(opts, env.clock.today());
  await emitCityReport(env, opts, {
    report: 'weekly',
    title: env.t('report.city.weekly_title', { week: period.week ?? `${period.from} – ${period.to}` }),
    about: () => ({ period }),
    build: async (db) => weeklyReport(db, period, await resolveScope(db, {}, env.clock.timeZone)),
    figures: (r) => sectionFigures(weeklySections(env.t, r), ['average_score']),
  });
}
