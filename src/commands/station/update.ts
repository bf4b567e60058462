import type { Command } from 'commander';
import { action, describe, formatOf, type CommandEnv, type Deps } from '../../cli/command.js';
import { UsageError } from '../../errors.js';
import { updateStation } from '../../domain/stations/write.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { printStation, stationFieldOptions, toStationInput, type StationFlags } from './shared.js';

export type StationUpdateOptions = StationFlags & { json?: boolean };

export function registerStationUpdate(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = stationFieldOptions(describe(parent.command('update'), t, 'station.update').argument('<code>', t('arg.station_code')), t).option('--json', t('opt.json'));
  action(cmd, deps, runStationUpdate);
}

export async function runStationUpdate(env: CommandEnv, opts: StationUpdateOptions, [code]: string[]): Promise<number | void> {
  const { t } = env;
  const { json, createCommunity, ...fields } = opts;
  if (Object.values(fields).every((v) => v === undefined)) throw new UsageError({ key: 'usage.nothing_to_change' });
  const station = await env.withDb((ctx) => updateStation(ctx, normalizeText(code), toStationInput(fields), { createCommunity }));
  if (json) printStation(env, formatOf(opts), station);
  else env.done(`${t('station.updated', { code: station.code })}\n`);
}
