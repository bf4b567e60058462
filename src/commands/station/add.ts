import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, requireFlags, type CommandEnv, type Deps } from '../../cli/command.js';
import { listCommunities } from '../../domain/geo/communities.js';
import { STANDARD_ITEMS } from '../../domain/stations/amenities.js';
import { addStation } from '../../domain/stations/write.js';
import { printStation, stationFieldOptions, toStationInput, type StationFlags } from './shared.js';

type Options = StationFlags & { json?: boolean };

export function registerStationAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = stationFieldOptions(describe(parent.command('add'), t, 'station.add').option('--code <code>', t('opt.station_code')), t).option(
    '--json',
    t('opt.json'),
  );
  action<Options>(cmd, deps, async (env, opts) => {
    const flags = await completeByPrompt(env, opts);
    const station = await env.withDb((ctx) => addStation(ctx, toStationInput(flags), { createCommunity: flags.createCommunity }));
    if (opts.json) printStation(env, formatOf(opts), station);
    else env.io.stdout.write(`${t('station.created', { code: station.code, name: station.name })}\n`);
  });
}

/** On a terminal, asks for what the flags left out; off one, missing required flags are a usage error. */
async function completeByPrompt(env: CommandEnv, opts: Options): Promise<Options> {
  const missing = [!opts.name && '--name', !opts.community && '--community'].filter(Boolean) as string[];
  if (missing.length === 0) return opts;
  if (!env.interactive) requireFlags(env, missing);
  const { t, prompter } = env;
  const askAll = Object.keys(opts).filter((k) => k !== 'json').length === 0;
  const communities = await env.withDb((ctx) => listCommunities(ctx.db));
  const answers: Options = { ...opts };
  answers.name ??= await prompter.input({ message: t('prompt.name'), required: true });
  if (!answers.community) {
    answers.community = communities.length
      ? await prompter.select({ message: t('prompt.community'), choices: communities.map((c) => ({ name: `${c.name}${c.subdistrict ? ` (${c.subdistrict})` : ''}`, value: c.name })) })
      : await prompter.input({ message: t('prompt.community'), required: true });
  }
  if (!askAll) return answers;
  const optional = async (message: string) => (await prompter.input({ message })) || undefined;
  answers.code = await optional(t('prompt.code'));
  answers.address = await optional(t('prompt.address'));
  answers.host = await optional(t('prompt.host'));
  answers.contact = await optional(t('prompt.contact_name'));
  answers.phone = await optional(t('prompt.contact_phone'));
  answers.hours = await optional(t('prompt.hours'));
  const amenities = await prompter.checkbox({
    message: t('prompt.amenities'),
    choices: STANDARD_ITEMS.map((a) => ({ name: termLabel(t, 'amenity', a), value: a })),
  });
  answers.amenities = amenities.join(',');
  answers.opened = await optional(t('prompt.opened'));
  return answers;
}
