import type { Command } from 'commander';
import { action, type CommandEnv, type Deps } from '../../cli/command.js';
import { changeMembership } from '../../domain/points/teams.js';
import { membershipCommand, printTeam, type MembershipOptions } from './shared.js';

export type TeamJoinOptions = MembershipOptions;

export function registerTeamJoin(parent: Command, deps: Deps): void {
  action(membershipCommand(parent, deps.t, 'join'), deps, runTeamJoin);
}

export async function runTeamJoin(env: CommandEnv, opts: TeamJoinOptions, [team, ...phones]: string[]): Promise<number | void> {
  printTeam(env, opts.json, await env.withDb((ctx) => changeMembership(ctx, team!, phones, false)), 'team.joined');
}
