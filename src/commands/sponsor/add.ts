import type { Command } from 'commander';
import { action, describe, termOption, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { maskPhone } from '../../domain/privacy.js';
import { addUnit } from '../../domain/units/units.js';

export type SponsorAddOptions = { type: string; contact?: string; phone?: string; json?: boolean };

export function registerSponsorAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'sponsor.add')
    .argument('<name>', t('arg.sponsor'))
    .addOption(termOption('--type <type>', t('opt.unit_type'), 'unit_type').makeOptionMandatory())
    .option('--contact <name>', t('opt.contact'))
    .option('--phone <phone>', t('opt.contact_phone'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runSponsorAdd);
}

export async function runSponsorAdd(env: CommandEnv, opts: SponsorAddOptions, [name]: string[]): Promise<number | void> {
  const sponsor = await env.withDb((ctx) => addUnit(ctx, { name: name!, ...opts }));
  if (opts.json) writeJson(env.io, { ...sponsor, contactPhone: maskPhone(sponsor.contactPhone) });
  else env.done(`${env.t('sponsor.added', { name: sponsor.name })}\n`);
}
