import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addDistrict } from '../../domain/admin/districts.js';

export type DistrictAddOptions = { json?: boolean };

export function registerDistrictAdd(parent: Command, deps: Deps): void {
  const cmd = describe(parent.command('add'), deps.t, 'district.add').argument('<name>', deps.t('arg.district')).option('--json', deps.t('opt.json'));
  action(cmd, deps, runDistrictAdd);
}

export async function runDistrictAdd(env: CommandEnv, opts: DistrictAddOptions, [name]: string[]): Promise<number | void> {
  const district = await env.withDb((ctx) => addDistrict(ctx, name!), { anyDistrict: true });
  if (opts.json) writeJson(env.io, district);
  else env.done(`${env.t('district.added', { name: district.name })}\n`);
}
