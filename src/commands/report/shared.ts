import type { Command } from 'commander';
import type { CommandEnv } from '../../cli/command.js';
import { toCsv } from '../../cli/render.js';
import { reportHtml, weeklyCharts } from '../../cli/reports/html.js';
import { emitReport, reportFormat, type ReportFormat } from '../../cli/reports/output.js';
import { reportCsv, reportMarkdown, reportTable, reportWorkbook, type ReportText } from '../../cli/reports/render.js';
import { weeklySections, type ListBlock, type Section } from '../../cli/reports/sections.js';
import { localTime } from '../../domain/clock.js';
import { resolvePeriod } from '../../domain/reports/period.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { weeklyReport, type WeeklyReport } from '../../domain/reports/weekly.js';
import { getSetting } from '../../domain/settings.js';
import { sessionDistrictName } from '../../domain/admin/districts.js';

/** What every report takes: its format, --out, and the community it is about. */
export type ReportFlags = { community?: string; subdistrict?: string; format?: string; json?: boolean; out?: string };

/** A report over a period: --week, or --from and --to. */
export type PeriodFlags = ReportFlags & { week?: string; from?: string; to?: string };

/** --community C or --subdistrict S: who the report is about (neither: the whole district). */
export function scopeOptions(cmd: Command, t: (k: string) => string): Command {
  return cmd.option('--community <name>', t('opt.community')).option('--subdistrict <name>', t('opt.report_subdistrict'));
}

export function periodOptions(cmd: Command, t: (k: string) => string): Command {
  return cmd.option('--week <yyyy-Www>', t('opt.week')).option('--from <date>', t('opt.from')).option('--to <date>', t('opt.to'));
}

/** The formats of a report of one area (no HTML page). */
export const AREA_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'];

export async function buildWeekly(env: CommandEnv, flags: PeriodFlags): Promise<WeeklyReport> {
  return env.withDb(
    async (ctx) => {
      const period = resolvePeriod(flags, ctx.clock.today());
      return weeklyReport(ctx.db, period, await resolveScope(ctx.db, flags, ctx.clock.timeZone));
    },
    { snapshot: true },
  );
}

/** Who a report is about (the community or 街道, else the district's name from `config set district.name`) and when it was made. */
export async function reportHeading(env: CommandEnv): Promise<ReportHeading> {
  // The setting, else the district's own name (on a server, the one this session works in).
  const district = await env.withDb(async (ctx) => (await getSetting(ctx.db, 'district.name')) || (await sessionDistrictName(ctx.db)), { snapshot: true });
  return {
    scope: (community, subdistrict) => community ?? subdistrict ?? (district || env.t('report.district')),
    generated: localTime(env.clock.now().toISOString(), env.clock.timeZone),
  };
}

export type ReportHeading = { scope: (community: string | null, subdistrict?: string | null) => string; generated: string };

export function weeklyText(env: CommandEnv, heading: ReportHeading, report: WeeklyReport, sections: Section[], titleKey = 'report.weekly_title'): ReportText {
  const { t } = env;
  const p = report.period;
  return {
    generated: heading.generated,
    title: t(titleKey, { community: heading.scope(report.community, report.subdistrict), week: p.week ?? `${p.from} – ${p.to}` }),
    subtitle: t('report.period_line', { from: p.from, to: p.to, prevFrom: report.previous.period.from, prevTo: report.previous.period.to }),
    sections,
  };
}

/** Renders a weekly-shaped report in any format; JSON is the stable contract. */
export async function renderWeekly(env: CommandEnv, format: ReportFormat, report: WeeklyReport, text: ReportText): Promise<string | Buffer> {
  const { t } = env;
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  if (format === 'xlsx') return reportWorkbook(t, text);
  if (format === 'md') return reportMarkdown(t, text);
  if (format === 'csv') return reportCsv(t, text);
  if (format === 'html') return reportHtml(t, text, weeklyCharts(t, report), text.generated);
  return reportTable(t, text);
}

/** A report of one area: the weekly figures of that area plus its own breakdowns. */
export async function areaReport(env: CommandEnv, opts: PeriodFlags, area: 'points' | 'wishes', extra: () => Promise<{ json: object; lists: ListBlock[] }>): Promise<void> {
  const report = await buildWeekly(env, opts);
  const more = await extra();
  const sections: Section[] = weeklySections(env.t, report)
    .filter((s) => s.key === area)
    .map((s) => ({ ...s, lists: [...s.lists, ...more.lists] }));
  const format = reportFormat(opts);
  const content =
    format === 'json'
      ? `${JSON.stringify({ period: report.period, community: report.community, subdistrict: report.subdistrict, [area]: report[area], previous: { period: report.previous.period, [area]: report.previous[area] }, change: report.change[area], ...more.json }, null, 2)}\n`
      : await renderWeekly(env, format, report, weeklyText(env, await reportHeading(env), report, sections, `report.${area}_title`));
  await emitReport(env, opts.out, content);
}

/** Reports made only of lists: CSV puts each list's title in the first column. */
export async function listsOnly(env: CommandEnv, format: string, text: ReportText): Promise<string | Buffer> {
  if (format === 'md') return reportMarkdown(env.t, text);
  if (format === 'xlsx') return reportWorkbook(env.t, text);
  if (format === 'csv') {
    const rows = text.sections.flatMap((s) => s.lists.flatMap((l) => l.rows.map((r) => [l.title, ...r.map((c) => String(c ?? ''))])));
    return toCsv([env.t('report.section'), ...(text.sections[0]?.lists[0]?.headers ?? [])], rows);
  }
  return reportTable(env.t, text);
}
