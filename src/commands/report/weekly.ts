import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { reportHtml, weeklyCharts } from '../../cli/reports/html.js';
import { emitReport, reportFormat, reportOptions, type ReportFormat } from '../../cli/reports/output.js';
import { reportCsv, reportMarkdown, reportTable, type ReportText } from '../../cli/reports/render.js';
import { weeklySections, type Section } from '../../cli/reports/sections.js';
import { localTime } from '../../domain/clock.js';
import { resolvePeriod } from '../../domain/reports/period.js';
import { getSetting } from '../../domain/settings.js';
import { resolveScope, weeklyReport, type WeeklyReport } from '../../domain/reports/weekly.js';

export type PeriodFlags = { week?: string; from?: string; to?: string; community?: string; format?: string; json?: boolean; out?: string };

export function periodOptions(cmd: Command, t: (k: string) => string): Command {
  return cmd.option('--week <yyyy-Www>', t('opt.week')).option('--from <date>', t('opt.from')).option('--to <date>', t('opt.to'));
}

export async function buildWeekly(env: CommandEnv, flags: PeriodFlags, community = flags.community): Promise<WeeklyReport> {
  return env.withDb(async (ctx) => {
    const period = resolvePeriod(flags, ctx.clock.today());
    return weeklyReport(ctx.db, period, await resolveScope(ctx.db, community, ctx.clock.timeZone));
  });
}

/** Who a report is about (the community, else the district's name from `config set district.name`) and when it was made. */
export async function reportHeading(env: CommandEnv): Promise<ReportHeading> {
  const district = await env.withDb((ctx) => getSetting(ctx.db, 'district.name'));
  return { scope: (community) => community ?? (district || env.t('report.district')), generated: localTime(env.clock.now().toISOString(), env.clock.timeZone) };
}

export type ReportHeading = { scope: (community: string | null) => string; generated: string };

export function weeklyText(env: CommandEnv, heading: ReportHeading, report: WeeklyReport, sections: Section[], titleKey = 'report.weekly_title'): ReportText {
  const { t } = env;
  const p = report.period;
  return {
    generated: heading.generated,
    title: t(titleKey, { community: heading.scope(report.community), week: p.week ?? `${p.from} – ${p.to}` }),
    subtitle: t('report.period_line', { from: p.from, to: p.to, prevFrom: report.previous.period.from, prevTo: report.previous.period.to }),
    sections,
  };
}

/** Renders a weekly-shaped report in any format; JSON is the stable contract. */
export async function renderWeekly(env: CommandEnv, format: ReportFormat, report: WeeklyReport, text: ReportText): Promise<string> {
  const { t } = env;
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'md') return reportMarkdown(t, text);
  if (format === 'csv') return reportCsv(t, text);
  if (format === 'html') return reportHtml(t, text, weeklyCharts(t, report), text.generated);
  return reportTable(t, text);
}

export function registerReportWeekly(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = reportOptions(periodOptions(describe(parent.command('weekly'), t, 'report.weekly'), t), t).option('--community <name>', t('opt.community'));
  action<PeriodFlags>(cmd, deps, async (env, opts) => {
    const report = await buildWeekly(env, opts);
    const text = weeklyText(env, await reportHeading(env), report, weeklySections(env.t, report));
    await emitReport(env, opts.out, await renderWeekly(env, reportFormat(opts), report, text));
  });
}

export function registerReportCommunity(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = reportOptions(periodOptions(describe(parent.command('community'), t, 'report.community'), t), t).argument('<name>', t('arg.community'));
  action<PeriodFlags>(cmd, deps, async (env, opts, [name]) => {
    const report = await buildWeekly(env, opts, name);
    const text = weeklyText(env, await reportHeading(env), report, weeklySections(env.t, report), 'report.community_title');
    await emitReport(env, opts.out, await renderWeekly(env, reportFormat(opts), report, text));
  });
}
