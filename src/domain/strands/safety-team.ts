// Action 6: the safety-publicity volunteer team recruited from the workers.
import { sql } from 'kysely';
import { scopeIds, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { pick, strand, type Db } from './strand.js';

export type TeamFigures = { members: number; all_team_members: number };

/** Workers on a team on the period's last day: on safety teams, and on any team. */
export async function teamFigures(db: Db, p: Period, scope: Scope): Promise<TeamFigures> {
  const members = async (focus?: string) => {
    let q = db
      .selectFrom('team_members as m')
      .innerJoin('teams as t', 't.id', 'm.team_id')
      .innerJoin('workers as w', 'w.id', 'm.worker_id')
      .select(sql<number>`count(distinct m.worker_id)`.as('n'))
      .where('m.joined_on', '<=', p.to)
      .where((eb) => eb.or([eb('m.left_on', 'is', null), eb('m.left_on', '>', p.to)]));
    if (focus) q = q.where('t.focus', '=', focus);
    // A district-wide team's members count where they live; a community's team, in its community.
    if (scope.communityIds) q = q.where(sql`coalesce(t.community_id, w.community_id)`, 'in', scopeIds(scope));
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return { members: await members('safety'), all_team_members: await members() };
}

export type TeamMembership = { name: string; community: string | null; joinedOn: string };

export const safetyTeamStrand = strand({
  area: 'safety_team',
  figures: teamFigures,
  // Not (yet) a section of the weekly JSON contract: the dashboard shows it.
  weekly: false,
  actions: [{ no: 6, key: 'safety_team', figures: pick(teamFigures, ['members', 'all_team_members']) }],
  record: {
    key: 'teams',
    title: 'worker.section.teams',
    load: (db, workerId): Promise<TeamMembership[]> =>
      db
        .selectFrom('team_members as m')
        .innerJoin('teams as t', 't.id', 'm.team_id')
        .leftJoin('communities as c', 'c.id', 't.community_id')
        .select(['t.name', 'c.name as community', 'm.joined_on as joinedOn'])
        .where('m.worker_id', '=', workerId)
        .where('m.left_on', 'is', null)
        .execute(),
    columns: [
      { label: 'name', value: (m) => m.name },
      { label: 'community', value: (m) => m.community },
      { label: 'joined', value: (m) => m.joinedOn },
    ],
  },
});
