import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel, type Translate } from '../../cli/messages/index.js';
import { reportHtml } from '../../cli/reports/html.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import type { ReportText } from '../../cli/reports/render.js';
import type { ListBlock } from '../../cli/reports/sections.js';
import { parseYear } from '../../domain/plan/actions.js';
import { targetsReport, type TargetProgress } from '../../domain/plan/targets.js';
import { metricLabel, placeLabel } from '../target/shared.js';
import { actionFigureLabel, emitCityReport, refuseCityWithPlace } from './city.js';
import { listsOnly, reportHeading, scopeOptions, type ReportFlags } from './shared.js';

export type ReportTargetsOptions = ReportFlags & { year?: string; city?: boolean };

export function registerReportTargets(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(describe(parent.command('targets'), t, 'report.targets'), t), t)
    .option('--year <yyyy>', t('opt.plan_year'))
    .option('--city', t('opt.report_city'));
  action(cmd, deps, runReportTargets);
}

/** The targets as one table: target, actual, % reached, what is missing, and the flag. */
export function targetsList(t: Translate, targets: TargetProgress[], title = t('report.targets.list')): ListBlock {
  return {
    title,
    headers: [
      t('col.no'),
      t('col.programme_action'),
      t('col.metric'),
      t('col.place'),
      t('col.target'),
      t('col.actual'),
      t('col.percent_reached'),
      t('col.missing_to_target'),
      t('col.target_status'),
    ],
    rows: targets.map((r) => [
      r.no,
      termLabel(t, 'action', r.action),
      metricLabel(t, r.action, r.metric),
      placeLabel(t, r),
      r.value,
      r.actual,
      `${r.percent}%`,
      r.missing,
      t(`target.status.${r.status}`),
    ]),
  };
}

export async function runReportTargets(env: CommandEnv, opts: ReportTargetsOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  if (opts.city) return runCityTargets(env, opts);
  const report = await env.withDb(
    (ctx) =>
      targetsReport(ctx.db, {
        year: parseYear(opts.year ?? ctx.clock.today().slice(0, 4), ctx.clock.today()),
        community: opts.community,
        subdistrict: opts.subdistrict,
        today: ctx.clock.today(),
        timeZone: ctx.clock.timeZone,
      }),
    { snapshot: true },
  );
  const format = reportFormat(opts);
  if (format === 'json') {
    await emitReport(env, opts.out, `${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const heading = await reportHeading(env);
  const text: ReportText = {
    generated: heading.generated,
    title: t('report.targets_title', { scope: heading.scope(report.community, report.subdistrict), year: report.year }),
    subtitle: t('report.targets_subtitle', { asOf: report.as_of, elapsed: report.elapsed_percent, count: report.targets.length }),
    sections: [{ key: 'targets', title: t('report.section.targets'), figures: [], lists: [targetsList(t, report.targets)] }],
  };
  const content = format === 'html' ? reportHtml(t, text, [], heading.generated) : await listsOnly(env, format, text);
  await emitReport(env, opts.out, report.targets.length === 0 && format === 'table' ? `${content}${t('report.targets.none')}\n` : content);
}

/** `--city`: each district's own targets (set for the whole district) and what it has reached, and the city's sums. */
async function runCityTargets(env: CommandEnv, opts: ReportTargetsOptions): Promise<void> {
  refuseCityWithPlace(env, opts);
  const { t } = env;
  const today = env.clock.today();
  const year = parseYear(opts.year ?? today.slice(0, 4), today);
  await emitCityReport(env, opts, {
    report: 'targets',
    title: t('report.city.targets_title', { year }),
    about: () => ({ year }),
    build: (db) => targetsReport(db, { year, today, timeZone: env.clock.timeZone }),
    figures: (r) =>
      r.targets
        .filter((target) => target.scope === 'district')
        .flatMap((target) => [
          {
            key: `${target.action}.${target.metric}.target`,
            label: `${actionFigureLabel(t, target.action, target.metric)} · ${t('report.city.target')}`,
            value: target.value,
            additive: true,
          },
          {
            key: `${target.action}.${target.metric}.actual`,
            label: `${actionFigureLabel(t, target.action, target.metric)} · ${t('report.city.actual')}`,
            value: target.actual,
            additive: true,
          },
        ]),
  });
}
