import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRows } from '../../cli/render.js';
import { listTeams } from '../../domain/points/teams.js';

export type TeamListOptions = { json?: boolean; format?: string };

export function registerTeamList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'team.list'), t);
  action(cmd, deps, runTeamList);
}

export async function runTeamList(env: CommandEnv, opts: TeamListOptions, _args: string[]): Promise<number | void> {
  const { t } = env;
  const teams = await env.withDb((ctx) => listTeams(ctx.db));
  await renderRows(
    env.io,
    formatOf(opts),
    [
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'community', header: t('col.community'), value: (r) => r.community },
      { key: 'focus', header: t('col.focus'), value: (r) => r.focus },
      { key: 'members', header: t('col.members'), value: (r) => r.members },
    ],
    teams,
  );
}
