import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { emitReport, reportFormat, reportOptions } from '../../cli/reports/output.js';
import type { ReportText } from '../../cli/reports/render.js';
import { resolveScope } from '../../domain/reports/scope.js';
import { auditStations } from '../../domain/stations/audit.js';
import { AREA_FORMATS, listsOnly, type ReportFlags, reportHeading, scopeOptions } from './shared.js';

export type ReportStationsOptions = ReportFlags;

export function registerReportStations(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = scopeOptions(reportOptions(describe(parent.command('stations'), t, 'report.stations'), t, AREA_FORMATS), t);
  action(cmd, deps, runReportStations);
}

export async function runReportStations(env: CommandEnv, opts: ReportStationsOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const { audit, scope } = await env.withDb(
    async (ctx) => {
      const scope = await resolveScope(ctx.db, opts, ctx.clock.timeZone);
      return { audit: await auditStations(ctx.db, { today: ctx.clock.today(), communityIds: scope.communityIds }), scope };
    },
    { snapshot: true },
  );
  const format = reportFormat(opts);
  const text: ReportText = {
    generated: (await reportHeading(env)).generated,
    title: t('report.stations_title'),
    subtitle: t('audit.summary', {
      fully: audit.totals.fullyEquipped,
      total: audit.totals.stations,
      score: audit.totals.averageScore,
      expired: audit.totals.medicineExpired,
      expiring: audit.totals.medicineExpiring,
    }),
    sections: [
      {
        key: 'stations',
        title: t('report.section.stations'),
        figures: [],
        lists: [
          {
            title: t('report.list.by_community'),
            headers: [t('col.community'), t('col.stations'), t('report.stations.fully_equipped'), t('col.score')],
            rows: audit.byCommunity.map((c) => [c.community, c.stations, c.fullyEquipped, `${c.averageScore}%`]),
          },
          {
            title: t('report.list.station_gaps'),
            headers: [t('col.code'), t('col.name'), t('col.community'), t('col.missing'), t('col.medicine')],
            rows: audit.stations
              .filter((s) => !s.compliant)
              .map((s) => [s.code, s.name, s.community, s.missing.map((a) => termLabel(t, 'amenity', a)).join('、'), t(`medicine.${s.medicine}`)]),
          },
        ],
      },
    ],
  };
  await emitReport(
    env,
    opts.out,
    format === 'json'
      ? `${JSON.stringify({ community: scope.community ?? null, subdistrict: scope.subdistrict ?? null, ...audit }, null, 2)}\n`
      : await listsOnly(env, format, text),
  );
}
