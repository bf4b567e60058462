import type { Command } from 'commander';
import { action, describe, formatOf, type CommandEnv, type Deps } from '../../cli/command.js';
import { closeStation } from '../../domain/stations/write.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { printStation } from './shared.js';

export type StationCloseOptions = { reason: string; json?: boolean };

export function registerStationClose(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('close'), t, 'station.close')
    .argument('<code>', t('arg.station_code'))
    .requiredOption('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runStationClose);
}

export async function runStationClose(env: CommandEnv, opts: StationCloseOptions, [code]: string[]): Promise<number | void> {
  const station = await env.withDb((ctx) => closeStation(ctx, normalizeText(code), opts.reason));
  if (opts.json) printStation(env, formatOf(opts), station);
  else env.done(`${env.t('station.closed', { code: station.code })}\n`);
}
