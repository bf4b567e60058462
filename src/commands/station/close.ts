import type { Command } from 'commander';
import { action, describe, formatOf, type Deps } from '../../cli/command.js';
import { closeStation, reopenStation } from '../../domain/stations/write.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { printStation } from './shared.js';

export function registerStationClose(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('close'), t, 'station.close')
    .argument('<code>', t('arg.station_code'))
    .requiredOption('--reason <text>', t('opt.reason'))
    .option('--json', t('opt.json'));
  action<{ reason: string; json?: boolean }>(cmd, deps, async (env, opts, [code]) => {
    const station = await env.withDb((ctx) => closeStation(ctx, normalizeText(code), opts.reason));
    if (opts.json) printStation(env, formatOf(opts), station);
    else env.done(`${t('station.closed', { code: station.code })}\n`);
  });
}

export function registerStationReopen(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('reopen'), t, 'station.reopen').argument('<code>', t('arg.station_code')).option('--json', t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts, [code]) => {
    const station = await env.withDb((ctx) => reopenStation(ctx, normalizeText(code)));
    if (opts.json) printStation(env, formatOf(opts), station);
    else env.done(`${t('station.reopened', { code: station.code })}\n`);
  });
}
