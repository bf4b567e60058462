import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { writeJson } from '../../cli/render.js';
import { addCommunity } from '../../domain/geo/communities.js';

export type CommunityAddOptions = { subdistrict?: string; json?: boolean };

export function registerCommunityAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'community.add')
    .argument('<name>', t('arg.community'))
    .option('--subdistrict <name>', t('opt.subdistrict'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runCommunityAdd);
}

export async function runCommunityAdd(env: CommandEnv, opts: CommunityAddOptions, [name]: string[]): Promise<number | void> {
  const community = await env.withDb((ctx) => addCommunity(ctx, { name: name!, subdistrict: opts.subdistrict }));
  if (opts.json) writeJson(env.io, community);
  else env.done(`${env.t('community.created', { name: community.name })}\n`);
}
