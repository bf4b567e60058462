import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows, writeJson } from '../../cli/render.js';
import { parseAmenities } from '../../domain/stations/amenities.js';
import { listStations } from '../../domain/stations/read.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { STATUS_OPTION, stationColumns, stationView } from './shared.js';

export type StationListOptions = { community?: string; missing?: string; status?: 'open' | 'closed'; json?: boolean; format?: string };

export function registerStationList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'station.list'), t)
    .option('--community <name>', t('opt.community'))
    .option('--missing <amenity>', t('opt.missing'))
    .addOption(STATUS_OPTION(t));
  action(cmd, deps, runStationList);
}

export async function runStationList(env: CommandEnv, opts: StationListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const missing = opts.missing ? parseAmenities(opts.missing)[0] : undefined;
  const stations = await env.withDb((ctx) => listStations(ctx.db, { community: opts.community ? normalizeText(opts.community) : undefined, missing, status: opts.status }));
  const format = formatOf(opts);
  if (format === 'json') writeJson(env.io, stations.map(stationView));
  else await renderRows(env.io, format, stationColumns(t), stations);
}
