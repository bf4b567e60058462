import type { Command } from 'commander';
import { action, describe, formatOf, type CommandEnv, type Deps } from '../../cli/command.js';
import { reopenStation } from '../../domain/stations/write.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { printStation } from './shared.js';

export type StationReopenOptions = { json?: boolean };

export function registerStationReopen(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('reopen'), t, 'station.reopen').argument('<code>', t('arg.station_code')).option('--json', t('opt.json'));
  action(cmd, deps, runStationReopen);
}

export async function runStationReopen(env: CommandEnv, opts: StationReopenOptions, [code]: string[]): Promise<number | void> {
  const station = await env.withDb((ctx) => reopenStation(ctx, normalizeText(code)));
  if (opts.json) printStation(env, formatOf(opts), station);
  else env.done(`${env.t('station.reopened', { code: station.code })}\n`);
}
