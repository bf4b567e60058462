import type { Command } from 'commander';
import { describe, type CommandEnv } from '../../cli/command.js';
import type { Translate } from '../../cli/messages/index.js';
import { writeJson } from '../../cli/render.js';
import type { Team } from '../../domain/points/teams.js';

/** A write's confirmation (`key` says which): one line, or the team with --json. */
export function printTeam(env: CommandEnv, json: boolean | undefined, team: Team, key: string): void {
  if (json) writeJson(env.io, team);
  else env.done(`${env.t(key, { name: team.name, members: team.members })}\n`);
}

export type MembershipOptions = { json?: boolean };

/** `team join|leave TEAM PHONE…`: the two verbs take the same words. */
export function membershipCommand(parent: Command, t: Translate, verb: 'join' | 'leave'): Command {
  return describe(parent.command(verb), t, `team.${verb}`).argument('<team>', t('arg.team')).argument('<phones...>', t('arg.workers')).option('--json', t('opt.json'));
}
