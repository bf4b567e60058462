import type { Command } from 'commander';
import { action, describe, intOption, termOption, type CommandEnv, type Deps } from '../../../cli/command.js';
import { writeJson } from '../../../cli/render.js';
import { addVolunteers } from '../../../domain/programme/childcare.js';

export type ChildcareVolunteerAddOptions = { site: string; count: number; kind?: string; date?: string; json?: boolean };

/** `nuanxin childcare volunteer add --site NAME [--count N]`: volunteers are counted, not recorded as people. */
export function registerChildcareVolunteerAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'childcare.volunteer.add')
    .requiredOption('--site <name>', t('opt.site_name'))
    .option('--count <n>', t('opt.volunteer_count'), intOption('--count'), 1)
    .addOption(termOption('--kind <kind>', t('opt.volunteer_kind'), 'volunteer_kind'))
    .option('--date <date>', t('opt.volunteer_date'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runChildcareVolunteerAdd);
}

export async function runChildcareVolunteerAdd(env: CommandEnv, opts: ChildcareVolunteerAddOptions, _args: string[]): Promise<number | void> {
  const site = await env.withDb((ctx) => addVolunteers(ctx, opts.site, opts.count, { kind: opts.kind, date: opts.date }));
  if (opts.json) writeJson(env.io, site);
  else env.done(`${env.t('childcare.volunteers', { site: site.name, volunteers: site.volunteers })}\n`);
}
