import type { Command } from 'commander';
import { action, describe, intOption, type CommandEnv, type Deps } from '../../../cli/command.js';
import { writeJson } from '../../../cli/render.js';
import { addSite } from '../../../domain/programme/childcare.js';

export type ChildcareSiteAddOptions = { community: string; capacity: number; courses?: string; from?: string; to?: string; partner?: string; json?: boolean };

/** `nuanxin childcare site add`. */
export function registerChildcareSiteAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'childcare.site.add')
    .argument('<name>', t('arg.site'))
    .requiredOption('--community <name>', t('opt.community'))
    .requiredOption('--capacity <n>', t('opt.capacity'), intOption('--capacity'))
    .option('--courses <list>', t('opt.courses'))
    .option('--from <date>', t('opt.from'))
    .option('--to <date>', t('opt.to'))
    .option('--partner <unit>', t('opt.childcare_partner'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runChildcareSiteAdd);
}

export async function runChildcareSiteAdd(env: CommandEnv, opts: ChildcareSiteAddOptions, [name]: string[]): Promise<number | void> {
  const created = await env.withDb((ctx) => addSite(ctx, { name: name!, ...opts }));
  if (opts.json) writeJson(env.io, created);
  else env.done(`${env.t('childcare.site_added', { name: created.name, capacity: created.capacity })}\n`);
}
