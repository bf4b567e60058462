import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { termLabel } from '../../cli/messages/index.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import { showTeam } from '../../domain/points/teams.js';
import { maskPhone } from '../../domain/privacy.js';

export type TeamShowOptions = { json?: boolean; format?: string };

export function registerTeamShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'team.show'), t, ['table', 'json']).argument('<name>', t('arg.team'));
  action(cmd, deps, runTeamShow);
}

export async function runTeamShow(env: CommandEnv, opts: TeamShowOptions, [name]: string[]): Promise<number | void> {
  const { t } = env;
  const team = await env.withDb((ctx) => showTeam(ctx.db, name!));
  const members = team.memberList.map((m) => ({ ...m, phone: maskPhone(m.phone) }));
  const format = formatOf(opts);
  if (format === 'json') {
    writeJson(env.io, { ...team, memberList: members });
    return;
  }
  renderRecord(env.io, format, team, [
    [t('col.name'), team.name],
    [t('col.community'), team.community],
    [t('col.focus'), team.focus],
    [t('col.members'), team.members],
    [t('col.points'), team.points],
  ]);
  env.io.stdout.write('\n');
  await renderRows(
    env.io,
    format,
    [
      { key: 'name', header: t('col.name'), value: (m) => m.name },
      { key: 'phone', header: t('col.phone'), value: (m) => m.phone },
      { key: 'occupation', header: t('col.occupation'), value: (m) => m.occupation, shown: (m) => termLabel(t, 'occupation', m.occupation) },
      { key: 'joinedOn', header: t('col.joined'), value: (m) => m.joinedOn },
      { key: 'points', header: t('col.points'), value: (m) => m.points },
    ],
    members,
  );
}
