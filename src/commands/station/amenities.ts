import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, type CommandEnv, type Deps } from '../../cli/command.js';
import { UsageError } from '../../errors.js';
import { STANDARD_ITEMS } from '../../domain/stations/amenities.js';
import { setStationAmenities } from '../../domain/stations/write.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { askMedicineExpiry, printStation } from './shared.js';

export type StationAmenitiesOptions = { set?: string; unset?: string; medicineExpires?: string; json?: boolean };

export function registerStationAmenities(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('amenities'), t, 'station.amenities')
    .argument('<code>', t('arg.station_code'))
    .option('--set <list>', t('opt.set_amenities'))
    .option('--unset <list>', t('opt.unset_amenities'))
    .option('--medicine-expires <date>', t('opt.medicine_expires'))
    .option('--json', t('opt.json'));
  cmd.addHelpText('after', `\n${STANDARD_ITEMS.map((a) => `  ${a.padEnd(11)} ${termLabel(t, 'amenity', a)}`).join('\n')}\n`);
  action(cmd, deps, runStationAmenities);
}

export async function runStationAmenities(env: CommandEnv, opts: StationAmenitiesOptions, [code]: string[]): Promise<number | void> {
  const { t } = env;
  if (!opts.set && !opts.unset && !opts.medicineExpires) throw new UsageError({ key: 'usage.nothing_to_change' });
  opts.medicineExpires ??= await askMedicineExpiry(env, opts.set);
  const station = await env.withDb((ctx) => setStationAmenities(ctx, normalizeText(code), { set: opts.set, unset: opts.unset, medicineExpires: opts.medicineExpires }));
  if (opts.json) printStation(env, formatOf(opts), station);
  else env.done(`${t('station.updated', { code: station.code })}: ${station.amenities.map((a) => termLabel(t, 'amenity', a)).join(t('list.separator'))}\n`);
}
