import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { EXIT } from '../../cli/exit-codes.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { amenityLabel } from '../../domain/stations/amenities.js';
import { auditStations, type StationAudit } from '../../domain/stations/audit.js';
import { normalizeText } from '../../domain/text/normalize.js';

export type StationAuditOptions = { community?: string; failOnGaps?: boolean; json?: boolean; format?: string };

export function registerStationAudit(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('audit'), t, 'station.audit'), t)
    .option('--community <name>', t('opt.community'))
    .option('--fail-on-gaps', t('opt.fail_on_gaps'));
  action(cmd, deps, runStationAudit);
}

export async function runStationAudit(env: CommandEnv, opts: StationAuditOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const community = opts.community ? normalizeText(opts.community) : undefined;
  const audit = await env.withDb((ctx) => auditStations(ctx.db, { today: ctx.clock.today(), community }));
  await printAudit(env, formatOf(opts), audit);
  if (opts.failOnGaps && audit.totals.withGaps > 0) {
    env.io.stderr.write(`${t('audit.gaps_found', { count: audit.totals.withGaps })}\n`);
    return EXIT.refused;
  }
  return EXIT.ok;
}

export async function printAudit(env: CommandEnv, format: ReturnType<typeof formatOf>, audit: StationAudit): Promise<void> {
  const { t } = env;
  if (format === 'json') {
    writeJson(env.io, audit);
    return;
  }
  await renderRows(
    env.io,
    format,
    [
      { key: 'code', header: t('col.code'), value: (r) => r.code },
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'community', header: t('col.community'), value: (r) => r.community },
      { key: 'score', header: t('col.score'), value: (r) => `${r.score}%` },
      {
        key: 'missing',
        header: t('col.missing'),
        value: (r) => r.missing.map(amenityLabel).join('、') || '—',
        shown: (r) => r.missing.map((a) => termLabel(t, 'amenity', a)).join('、') || '—',
      },
      { key: 'medicine', header: t('col.medicine'), value: (r) => `${t(`medicine.${r.medicine}`)}${r.medicineExpiresOn ? ` ${r.medicineExpiresOn}` : ''}` },
    ],
    audit.stations,
  );
  const { totals } = audit;
  const summary =
    totals.stations === 0
      ? t('audit.none')
      : t('audit.summary', { fully: totals.fullyEquipped, total: totals.stations, score: totals.averageScore, expired: totals.medicineExpired, expiring: totals.medicineExpiring });
  // The summary is part of the report on a terminal or in Markdown; in CSV it would break the rows.
  if (format === 'csv') env.note(summary);
  else env.io.stdout.write(`${format === 'md' ? '\n' : ''}${summary}\n`);
}
