import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { reportOptions } from '../../cli/reports/output.js';
import { wishesByCategory } from '../../domain/reports/breakdowns.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { AREA_FORMATS, areaReport, type PeriodFlags, periodOptions, scopeOptions } from './shared.js';

export type ReportWishesOptions = PeriodFlags;

export function registerReportWishes(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(periodOptions(describe(parent.command('wishes'), t, 'report.wishes'), t), t, AREA_FORMATS), t);
  action(cmd, deps, runReportWishes);
}

export async function runReportWishes(env: CommandEnv, opts: ReportWishesOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  await areaReport(env, opts, 'wishes', async () => {
    const rows = await env.withDb(async (ctx) => wishesByCategory(ctx.db, await resolveScope(ctx.db, opts, ctx.clock.timeZone)), { snapshot: true });
    return {
      json: { by_category: rows },
      lists: [
        {
          title: t('report.list.by_category'),
          headers: [t('col.category'), t('col.status'), t('report.count')],
          rows: rows.map((r) => [termLabel(t, 'wish_category', r.category), termLabel(t, 'wish_status', r.status), r.count]),
        },
      ],
    };
  });
}
