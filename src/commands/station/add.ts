import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, requireFlags, type CommandEnv, type Deps } from '../../cli/command.js';
import { listUnits } from '../../domain/units/units.js';
import { listCommunities } from '../../domain/geo/communities.js';
import { STANDARD_ITEMS } from '../../domain/stations/amenities.js';
import { addStation, checkStationFields, type StationInput } from '../../domain/stations/write.js';
import { checkedBy, type Validate } from '../../cli/prompter.js';
import { normalizeText } from '../../domain/text/normalize.js';
import { askMedicineExpiry, printStation, stationFieldOptions, toStationInput, type StationFlags } from './shared.js';
import { withCommunityOffer } from '../shared/community-offer.js';

export type StationAddOptions = StationFlags & { json?: boolean; subdistrict?: string };

export function registerStationAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = stationFieldOptions(describe(parent.command('add'), t, 'station.add').option('--code <code>', t('opt.station_code')), t)
    .option('--subdistrict <name>', t('opt.subdistrict_new'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runStationAdd);
}

export async function runStationAdd(env: CommandEnv, opts: StationAddOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const flags = await completeByPrompt(env, opts);
  flags.medicineExpires ??= await askMedicineExpiry(env, flags.amenities);
  const station = await withCommunityOffer(env, () =>
    env.withDb((ctx) => addStation(ctx, toStationInput(flags), { createCommunity: flags.createCommunity, subdistrict: flags.subdistrict })),
  );
  if (opts.json) printStation(env, formatOf(opts), station);
  else env.done(`${t('station.created', { code: station.code, name: station.name })}\n`);
}

/** On a terminal, asks for what the flags left out; off one, missing required flags are a usage error. */
async function completeByPrompt(env: CommandEnv, opts: StationAddOptions): Promise<StationAddOptions> {
  const missing = [!opts.name && '--name', !opts.community && '--community'].filter(Boolean) as string[];
  if (missing.length === 0) return opts;
  if (!env.interactive) requireFlags(env, missing);
  const { t, prompter } = env;
  const today = env.clock.today();
  // Each answer is checked as it is typed, by the rule the write would apply.
  const field = (key: keyof StationInput) => checkedBy(t, (value) => checkStationFields({ [key]: value }, today));
  const askAll = Object.keys(opts).filter((k) => k !== 'json').length === 0;
  const answers: StationAddOptions = { ...opts };
  answers.name ??= await prompter.input({ message: t('prompt.name'), required: true });
  if (!answers.community) Object.assign(answers, await askCommunity(env));
  if (!askAll) return answers;
  const optional = async (message: string, validate?: Validate) =>
    (await prompter.input({ message, validate: (v) => (v.trim() === '' || !validate ? true : validate(v)) })) || undefined;
  answers.code = await optional(t('prompt.code'));
  answers.address = await optional(t('prompt.address'));
  answers.host = await askHost(env);
  answers.contact = await optional(t('prompt.contact_name'));
  answers.phone = await optional(t('prompt.contact_phone'), field('contactPhone'));
  answers.hours = await optional(t('prompt.hours'));
  const amenities = await prompter.checkbox({
    message: t('prompt.amenities'),
    choices: STANDARD_ITEMS.map((a) => ({ name: termLabel(t, 'amenity', a), value: a })),
  });
  answers.amenities = amenities.join(',');
  answers.opened = await optional(t('prompt.opened'), field('openedOn'));
  return answers;
}

/** The host: one of the registered units, or none (a host is a unit; `unit add` registers one). */
async function askHost(env: CommandEnv): Promise<string | undefined> {
  const { t, prompter } = env;
  const units = await env.withDb((ctx) => listUnits(ctx.db));
  if (units.length === 0) return undefined;
  const NONE = '\u0000none';
  const picked = await prompter.select({
    message: t('prompt.host'),
    choices: [{ name: t('prompt.host_none'), value: NONE }, ...units.map((u) => ({ name: u.name, value: u.name }))],
  });
  return picked === NONE ? undefined : picked;
}

/**
 * The station's community: picked from the list, or typed; a name that does
 * not exist yet is offered for creation, with the 街道 it belongs to.
 */
async function askCommunity(env: CommandEnv): Promise<Pick<StationAddOptions, 'community' | 'createCommunity' | 'subdistrict'>> {
  const { t, prompter } = env;
  const communities = await env.withDb((ctx) => listCommunities(ctx.db));
  const NEW = '\u0000new';
  const picked = communities.length
    ? await prompter.select({
        message: t('prompt.community'),
        choices: [
          ...communities.map((c) => ({ name: c.subdistrict ? t('prompt.community_choice', { name: c.name, subdistrict: c.subdistrict }) : c.name, value: c.name })),
          { name: t('prompt.community_new'), value: NEW },
        ],
      })
    : NEW;
  if (picked !== NEW) return { community: picked };
  for (;;) {
    const name = normalizeText(await prompter.input({ message: t('prompt.community_name'), required: true }));
    if (communities.some((c) => c.name === name)) return { community: name };
    if (await prompter.confirm({ message: t('prompt.community_create', { name }), default: true })) {
      const subdistrict = await prompter.input({ message: t('prompt.subdistrict', { name }) });
      return { community: name, createCommunity: true, subdistrict: normalizeText(subdistrict) || undefined };
    }
  }
}
