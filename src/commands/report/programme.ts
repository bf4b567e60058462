import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { reportHtml } from '../../cli/reports/html.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import { reportCsv, reportMarkdown, reportTable, reportWorkbook, type ReportText } from '../../cli/reports/render.js';
import type { Section } from '../../cli/reports/sections.js';
import type { Translate } from '../../cli/messages/index.js';
import { smallMultiples } from '../../cli/reports/svg.js';
import { resolvePeriod } from '../../domain/reports/period.js';
import { programmeReport, type ProgrammeReport } from '../../domain/reports/programme.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { targetsOfPlace } from '../../domain/plan/targets.js';
import { emitCityReport, refuseCityWithPlace, sectionFigures } from './city.js';
import { periodOptions, reportHeading, scopeOptions, type PeriodFlags } from './shared.js';
import { targetsList } from './targets.js';

export type ReportProgrammeOptions = PeriodFlags & { city?: boolean };

export function programmeSections(t: Translate, r: ProgrammeReport): Section[] {
  return r.actions.map((a) => ({
    key: a.key,
    title: `${a.no}. ${t(`programme.${a.key}`)}`,
    figures: a.tracked ? a.figures.map((f) => ({ key: f.key, label: t(`programme.${a.key}.${f.key}`), current: f.current, previous: f.previous, change: f.change })) : [],
    lists: a.tracked ? [] : [{ title: t('programme.not_tracked'), headers: [], rows: [] }],
  }));
}

export function registerReportProgramme(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(periodOptions(describe(parent.command('programme').alias('program'), t, 'report.programme'), t), t), t).option(
    '--city',
    t('opt.report_city'),
  );
  action(cmd, deps, runReportProgramme);
}

export async function runReportProgramme(env: CommandEnv, opts: ReportProgrammeOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  if (opts.city) return runCityProgramme(env, opts);
  const report = await env.withDb(
    async (ctx) => {
      const period = resolvePeriod(opts, ctx.clock.today());
      const figures = await programmeReport(ctx.db, period, await resolveScope(ctx.db, opts, ctx.clock.timeZone));
      // The year's targets for this very place, as of the period's last day.
      const targets = await targetsOfPlace(ctx.db, {
        year: Number(period.to.slice(0, 4)),
        community: opts.community,
        subdistrict: opts.subdistrict,
        today: period.to,
        timeZone: ctx.clock.timeZone,
      });
      return { ...figures, targets };
    },
    { snapshot: true },
  );
  const format = reportFormat(opts);
  const heading = await reportHeading(env);
  const text: ReportText = {
    generated: heading.generated,
    title: t('report.programme_title', { community: heading.scope(report.community, report.subdistrict) }),
    subtitle: `${t('report.period_line', { from: report.period.from, to: report.period.to, prevFrom: report.previous_period.from, prevTo: report.previous_period.to })} · ${t('report.workers_line', report.workers)}`,
    sections: [
      ...programmeSections(t, report),
      ...(report.targets.length ? [{ key: 'targets', title: t('report.section.targets'), figures: [], lists: [targetsList(t, report.targets)] }] : []),
    ],
  };
  // Untracked strands are left out of the tables and named in one closing note.
  const textFor = (withNotes: boolean) => ({ ...text, sections: text.sections.filter((s) => withNotes || s.figures.length || s.key === 'targets') });
  let content: string | Buffer;
  if (format === 'json') content = `${JSON.stringify(report, null, 2)}\n`;
  else if (format === 'md')
    content =
      reportMarkdown(t, textFor(false)) +
      report.actions
        .filter((a) => !a.tracked)
        .map((a) => `\n- ${a.no}. ${t(`programme.${a.key}`)}: ${t('programme.not_tracked')}`)
        .join('') +
      '\n';
  else if (format === 'csv') content = await reportCsv(t, textFor(false));
  else if (format === 'xlsx') content = await reportWorkbook(t, textFor(false));
  else if (format === 'html') {
    // One small chart per action, each on its own scale: stations, cases and points are not one axis.
    const panels = report.actions
      .filter((a) => a.tracked)
      .map((a) => ({
        title: `${a.no}. ${t(`programme.${a.key}`)}`,
        rows: a.figures.map((f) => ({ label: t(`programme.${a.key}.${f.key}`), values: [f.current, f.previous] })),
        series: [t('report.current'), t('report.previous')],
        scale: 'row' as const,
      }));
    content = reportHtml(t, textFor(false), [smallMultiples({ title: t('report.chart.programme'), panels })], heading.generated);
  } else {
    content = await reportTable(t, textFor(false));
    const untracked = report.actions.filter((a) => !a.tracked).map((a) => `${a.no}. ${t(`programme.${a.key}`)}`);
    if (untracked.length) content += `\n${t('programme.not_tracked')}: ${untracked.join('；')}\n`;
  }
  await emitReport(env, opts.out, content);
}

/** `--city`: each district's figures of the Ten Ones side by side, and the city's totals. */
async function runCityProgramme(env: CommandEnv, opts: ReportProgrammeOptions): Promise<void> {
  refuseCityWithPlace(env, opts);
  const period = resolvePeriod(opts, env.clock.today());
  await emitCityReport(env, opts, {
    report: 'programme',
    title: env.t('report.city.programme_title'),
    about: () => ({ period }),
    build: async (db) => programmeReport(db, period, await resolveScope(db, {}, env.clock.timeZone)),
    figures: (r) => sectionFigures(programmeSections(env.t, r)),
  });
}
