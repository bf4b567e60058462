import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import { reportMarkdown, reportTable, type ReportText } from '../../cli/reports/render.js';
import { toCsv } from '../../cli/render.js';
import { resolvePeriod } from '../../domain/reports/period.js';
import { weeklySections, type ListBlock, type Section } from '../../cli/reports/sections.js';
import { pointsByRule, wishesByCategory, workerBreakdown } from '../../domain/reports/breakdowns.js';
import { resolveScope } from '../../domain/reports/weekly.js';
import { auditStations } from '../../domain/stations/audit.js';
import { buildWeekly, periodOptions, renderWeekly, reportHeading, weeklyText, type PeriodFlags } from './weekly.js';

const AREA_FORMATS = ['table', 'json', 'csv', 'md'];

/** A report of one area: the weekly figures of that area plus its own breakdowns. */
async function areaReport(env: CommandEnv, opts: PeriodFlags, area: 'points' | 'wishes', extra: (scopeName?: string) => Promise<{ json: object; lists: ListBlock[] }>): Promise<void> {
  const report = await buildWeekly(env, opts);
  const more = await extra(opts.community);
  const sections: Section[] = weeklySections(env.t, report).filter((s) => s.key === area).map((s) => ({ ...s, lists: [...s.lists, ...more.lists] }));
  const format = reportFormat(opts);
  const content = format === 'json'
    ? `${JSON.stringify({ period: report.period, community: report.community, [area]: report[area], previous: { period: report.previous.period, [area]: report.previous[area] }, change: report.change[area], ...more.json }, null, 2)}\n`
    : await renderWeekly(env, format, report, weeklyText(env, await reportHeading(env), report, sections, `report.${area}_title`));
  await emitReport(env, opts.out, content);
}

export function registerReportPoints(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = reportOptions(periodOptions(describe(parent.command('points'), t, 'report.points'), t), t, AREA_FORMATS).option('--community <name>', t('opt.community'));
  action<PeriodFlags>(cmd, deps, async (env, opts) =>
    areaReport(env, opts, 'points', async (community) => {
      const rules = await env.withDb(async (ctx) => pointsByRule(ctx.db, resolvePeriod(opts, ctx.clock.today()), await resolveScope(ctx.db, community, ctx.clock.timeZone)));
      return { json: { by_rule: rules }, lists: [{ title: t('report.list.by_rule'), headers: [t('col.rule'), t('col.name'), t('col.awards'), t('col.points')], rows: rules.map((r) => [r.rule, r.name, r.awards, r.points]) }] };
    }),
  );
}

export function registerReportWishes(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = reportOptions(periodOptions(describe(parent.command('wishes'), t, 'report.wishes'), t), t, AREA_FORMATS).option('--community <name>', t('opt.community'));
  action<PeriodFlags>(cmd, deps, async (env, opts) =>
    areaReport(env, opts, 'wishes', async (community) => {
      const rows = await env.withDb(async (ctx) => wishesByCategory(ctx.db, await resolveScope(ctx.db, community, ctx.clock.timeZone)));
      return { json: { by_category: rows }, lists: [{ title: t('report.list.by_category'), headers: [t('col.category'), t('col.status'), t('report.count')], rows: rows.map((r) => [termLabel(t, 'wish_category', r.category), termLabel(t, 'wish_status', r.status), r.count]) }] };
    }),
  );
}

export function registerReportStations(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = reportOptions(describe(parent.command('stations'), t, 'report.stations'), t, AREA_FORMATS).option('--community <name>', t('opt.community'));
  action<PeriodFlags>(cmd, deps, async (env, opts) => {
    const audit = await env.withDb((ctx) => auditStations(ctx.db, { today: ctx.clock.today(), community: opts.community }));
    const format = reportFormat(opts);
    const text: ReportText = {
      generated: (await reportHeading(env)).generated,
      title: t('report.stations_title'),
      subtitle: t('audit.summary', { fully: audit.totals.fullyEquipped, total: audit.totals.stations, score: audit.totals.averageScore, expired: audit.totals.medicineExpired, expiring: audit.totals.medicineExpiring }),
      sections: [{
        key: 'stations',
        title: t('report.section.stations'),
        figures: [],
        lists: [
          { title: t('report.list.by_community'), headers: [t('col.community'), t('col.stations'), t('report.stations.fully_equipped'), t('col.score')], rows: audit.byCommunity.map((c) => [c.community, c.stations, c.fullyEquipped, `${c.averageScore}%`]) },
          { title: t('report.list.station_gaps'), headers: [t('col.code'), t('col.name'), t('col.community'), t('col.missing'), t('col.medicine')], rows: audit.stations.filter((s) => !s.compliant).map((s) => [s.code, s.name, s.community, s.missing.map((a) => termLabel(t, 'amenity', a)).join('、'), t(`medicine.${s.medicine}`)]) },
        ],
      }],
    };
    await emitReport(env, opts.out, format === 'json' ? `${JSON.stringify(audit, null, 2)}\n` : await listsOnly(env, format, text));
  });
}

export function registerReportWorkers(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = reportOptions(describe(parent.command('workers'), t, 'report.workers'), t, AREA_FORMATS).option('--community <name>', t('opt.community'));
  action<PeriodFlags>(cmd, deps, async (env, opts) => {
    const b = await env.withDb(async (ctx) => workerBreakdown(ctx.db, await resolveScope(ctx.db, opts.community, ctx.clock.timeZone)));
    const format = reportFormat(opts);
    const list = (title: string, rows: { key: string; count: number }[], label = (k: string) => k): ListBlock => ({ title, headers: [title, t('report.count')], rows: rows.map((r) => [label(r.key), r.count]) });
    const text: ReportText = {
      generated: (await reportHeading(env)).generated,
      title: t('report.workers_title'),
      subtitle: t('report.workers_total', { total: b.total }),
      sections: [{ key: 'workers', title: t('report.section.workers'), figures: [], lists: [list(t('col.occupation'), b.by_occupation, (k) => termLabel(t, 'occupation', k)), list(t('col.platform'), b.by_platform), list(t('col.community'), b.by_community)] }],
    };
    await emitReport(env, opts.out, format === 'json' ? `${JSON.stringify(b, null, 2)}\n` : await listsOnly(env, format, text));
  });
}

/** Reports made only of lists: CSV puts each list's title in the first column. */
async function listsOnly(env: CommandEnv, format: string, text: ReportText): Promise<string> {
  if (format === 'md') return reportMarkdown(env.t, text);
  if (format === 'csv') {
    const rows = text.sections.flatMap((s) => s.lists.flatMap((l) => l.rows.map((r) => [l.title, ...r.map((c) => String(c ?? ''))])));
    return toCsv([env.t('report.section'), ...(text.sections[0]?.lists[0]?.headers ?? [])], rows);
  }
  return reportTable(env.t, text);
}
