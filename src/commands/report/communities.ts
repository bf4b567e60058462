import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { toCsv } from '../../cli/render.js';
import type { Translate } from '../../cli/messages/index.js';
import { reportHtml } from '../../cli/reports/html.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import type { ReportText } from '../../cli/reports/render.js';
import type { ListBlock } from '../../cli/reports/sections.js';
import { communitiesReport, type CommunitiesReport } from '../../domain/reports/communities.js';
import { resolvePeriod } from '../../domain/reports/period.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { listsOnly, periodOptions, reportHeading, scopeOptions, type PeriodFlags } from './shared.js';

export type ReportCommunitiesOptions = PeriodFlags & { year?: string };

export function registerReportCommunities(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(periodOptions(describe(parent.command('communities'), t, 'report.communities'), t), t), t).option('--year <yyyy>', t('opt.report_year'));
  action(cmd, deps, runReportCommunities);
}

/** A column's label: the workers' from the weekly report, an action's figure from the dashboard, under the action's name. */
export function columnLabel(t: Translate, column: string): string {
  const [area, key] = column.split('.') as [string, string];
  return area === 'workers' ? t(`report.workers.${key}`) : `${t(`programme.${area}`)} · ${t(`programme.${area}.${key}`)}`;
}

function table(t: Translate, report: CommunitiesReport): ListBlock {
  return {
    title: t('report.communities.list'),
    headers: [t('col.subdistrict'), t('col.community'), ...report.columns.map((c) => columnLabel(t, c))],
    rows: report.rows.map((r) => [
      r.level === 'district' ? t('report.communities.district_total') : (r.subdistrict ?? t('report.communities.no_subdistrict')),
      r.level === 'community' ? r.community : r.level === 'subdistrict' ? t('report.communities.subtotal') : '',
      ...report.columns.map((c) => r.figures[c] ?? 0),
    ]),
  };
}

export async function runReportCommunities(env: CommandEnv, opts: ReportCommunitiesOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const report = await env.withDb(async (ctx) => communitiesReport(ctx.db, resolvePeriod(opts, ctx.clock.today()), await resolveScope(ctx.db, opts, ctx.clock.timeZone)), {
    snapshot: true,
  });
  const format = reportFormat(opts);
  if (format === 'json') {
    await emitReport(env, opts.out, `${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const heading = await reportHeading(env);
  const p = report.period;
  const text: ReportText = {
    generated: heading.generated,
    title: t('report.communities_title', { scope: heading.scope(report.community, report.subdistrict) }),
    subtitle: t('report.communities_period', { from: p.from, to: p.to }),
    sections: [{ key: 'communities', title: t('report.section.communities'), figures: [], lists: [table(t, report)] }],
  };
  // CSV is the one table itself, ready for Excel (no section column: there is one list).
  const block = text.sections[0]!.lists[0]!;
  const content =
    format === 'html'
      ? reportHtml(t, text, [], heading.generated)
      : format === 'csv'
        ? await toCsv(
            block.headers,
            block.rows.map((r) => r.map((c) => String(c ?? ''))),
          )
        : await listsOnly(env, format, text);
  await emitReport(env, opts.out, content);
}
