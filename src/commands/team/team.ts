import { termLabel } from '../../cli/messages/index.js';
import type { Command } from 'commander';
import { action, describe, formatOf, withFormat, type CommandEnv, type Deps } from '../../cli/command.js';
import { renderRecord, renderRows, writeJson } from '../../cli/render.js';
import { addTeam, changeMembership, listTeams, showTeam, type Team } from '../../domain/points/teams.js';
import { maskPhone } from '../../domain/privacy.js';

function printTeam(env: CommandEnv, json: boolean | undefined, team: Team, key: string): void {
  if (json) writeJson(env.io, team);
  else env.done(`${env.t(key, { name: team.name, members: team.members })}\n`);
}

export function registerTeamAdd(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = describe(parent.command('add'), t, 'team.add')
    .argument('<name>', t('arg.team'))
    .requiredOption('--community <name>', t('opt.community'))
    .option('--focus <focus>', t('opt.focus'))
    .option('--json', t('opt.json'));
  action<{ community: string; focus?: string; json?: boolean }>(cmd, deps, async (env, opts, [name]) => {
    printTeam(env, opts.json, await env.withDb((ctx) => addTeam(ctx, { name: name!, community: opts.community, focus: opts.focus })), 'team.added');
  });
}

function registerMembership(parent: Command, deps: Deps, verb: 'join' | 'leave'): void {
  const { t } = deps;
  const cmd = describe(parent.command(verb), t, `team.${verb}`)
    .argument('<team>', t('arg.team'))
    .argument('<phones...>', t('arg.workers'))
    .option('--json', t('opt.json'));
  action<{ json?: boolean }>(cmd, deps, async (env, opts, [team, ...phones]) => {
    printTeam(env, opts.json, await env.withDb((ctx) => changeMembership(ctx, team!, phones, verb === 'leave')), `team.${verb}ed`);
  });
}

export const registerTeamJoin = (parent: Command, deps: Deps) => registerMembership(parent, deps, 'join');
export const registerTeamLeave = (parent: Command, deps: Deps) => registerMembership(parent, deps, 'leave');

export function registerTeamList(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('list'), t, 'team.list'), t);
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts) => {
    const teams = await env.withDb((ctx) => listTeams(ctx.db));
    await renderRows(env.io, formatOf(opts), [
      { key: 'name', header: t('col.name'), value: (r) => r.name },
      { key: 'community', header: t('col.community'), value: (r) => r.community },
      { key: 'focus', header: t('col.focus'), value: (r) => r.focus },
      { key: 'members', header: t('col.members'), value: (r) => r.members },
    ], teams);
  });
}

export function registerTeamShow(parent: Command, deps: Deps): void {
  const { t } = deps;
  const cmd = withFormat(describe(parent.command('show'), t, 'team.show'), t, ['table', 'json']).argument('<name>', t('arg.team'));
  action<{ json?: boolean; format?: string }>(cmd, deps, async (env, opts, [name]) => {
    const team = await env.withDb((ctx) => showTeam(ctx.db, name!));
    const members = team.memberList.map((m) => ({ ...m, phone: maskPhone(m.phone) }));
    const format = formatOf(opts);
    if (format === 'json') {
      writeJson(env.io, { ...team, memberList: members });
      return;
    }
    renderRecord(env.io, format, team, [[t('col.name'), team.name], [t('col.community'), team.community], [t('col.focus'), team.focus], [t('col.members'), team.members], [t('col.points'), team.points]]);
    env.io.stdout.write('\n');
    await renderRows(env.io, format, [
      { key: 'name', header: t('col.name'), value: (m) => m.name },
      { key: 'phone', header: t('col.phone'), value: (m) => m.phone },
      { key: 'occupation', header: t('col.occupation'), value: (m) => m.occupation, shown: (m) => termLabel(t, 'occupation', m.occupation) },
      { key: 'joinedOn', header: t('col.joined'), value: (m) => m.joinedOn },
      { key: 'points', header: t('col.points'), value: (m) => m.points },
    ], members);
  });
}
