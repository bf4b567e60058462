import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import type { ReportText } from '../../cli/reports/render.js';
import type { ListBlock } from '../../cli/reports/sections.js';
import { workerBreakdown } from '../../domain/reports/breakdowns.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { AREA_FORMATS, listsOnly, type ReportFlags, reportHeading, scopeOptions } from './shared.js';

export type ReportWorkersOptions = ReportFlags;

export function registerReportWorkers(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(describe(parent.command('workers'), t, 'report.workers'), t, AREA_FORMATS), t);
  action(cmd, deps, runReportWorkers);
}

export async function runReportWorkers(env: CommandEnv, opts: ReportWorkersOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const { b, scope } = await env.withDb(
    async (ctx) => {
      const scope = await resolveScope(ctx.db, opts, ctx.clock.timeZone);
      return { b: await workerBreakdown(ctx.db, scope), scope };
    },
    { snapshot: true },
  );
  const format = reportFormat(opts);
  const list = (title: string, rows: { key: string; count: number }[], label = (k: string) => k): ListBlock => ({
    title,
    headers: [title, t('report.count')],
    rows: rows.map((r) => [label(r.key), r.count]),
  });
  const text: ReportText = {
    generated: (await reportHeading(env)).generated,
    title: t('report.workers_title'),
    subtitle: t('report.workers_total', { total: b.total }),
    sections: [
      {
        key: 'workers',
        title: t('report.section.workers'),
        figures: [],
        lists: [list(t('col.occupation'), b.by_occupation, (k) => termLabel(t, 'occupation', k)), list(t('col.platform'), b.by_platform), list(t('col.community'), b.by_community)],
      },
    ],
  };
  await emitReport(
    env,
    opts.out,
    format === 'json' ? `${JSON.stringify({ community: scope.community ?? null, subdistrict: scope.subdistrict ?? null, ...b }, null, 2)}\n` : await listsOnly(env, format, text),
  );
}
