import type { Command } from 'commander';
import { action, describe, type CommandEnv, type Deps } from '../../cli/command.js';
import { addTeam } from '../../domain/points/teams.js';
import { printTeam } from './shared.js';

export type TeamAddOptions = { community?: string; focus?: string; json?: boolean };

export function registerTeamAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'team.add')
    .argument('<name>', t('arg.team'))
    .option('--community <name>', t('opt.team_community'))
    .option('--focus <focus>', t('opt.focus'))
    .option('--json', t('opt.json'));
  action(cmd, deps, runTeamAdd);
}

export async function runTeamAdd(env: CommandEnv, opts: TeamAddOptions, [name]: string[]): Promise<number | void> {
  printTeam(env, opts.json, await env.withDb((ctx) => addTeam(ctx, { name: name!, community: opts.community, focus: opts.focus })), 'team.added');
}
