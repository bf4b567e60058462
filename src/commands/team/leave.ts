import type { Command } from 'commander';
import { action, type CommandEnv, type Deps } from '../../cli/command.js';
import { changeMembership } from '../../domain/points/teams.js';
import { membershipCommand, printTeam, type MembershipOptions } from './shared.js';

export type TeamLeaveOptions = MembershipOptions;

export function registerTeamLeave(parent: Command, deps: Deps): void {
  action(membershipCommand(parent, deps.t, 'leave'), deps, runTeamLeave);
}

export async function runTeamLeave(env: CommandEnv, opts: TeamLeaveOptions, [team, ...phones]: string[]): Promise<number | void> {
  printTeam(env, opts.json, await env.withDb((ctx) => changeMembership(ctx, team!, phones, true)), 'team.leaveed');
}
