import { sql } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { findWorker } from '../workers/read.js';

/** `community` null: a team for the whole district. */
export type Team = { id: number; name: string; community: string | null; focus: string | null; members: number };
export type TeamMember = { workerId: number; name: string; phone: string | null; occupation: string; joinedOn: string; points: number };

// Stryker disable next-line StringLiteral: the inner column's name is never read; SQLite takes an empty one, PostgreSQL refuses it (its run kills this)
const COUNT = 'n';

async function findTeam(db: Db, name: string): Promise<Team> {
  const row = await db
    .selectFrom('teams as t')
    .leftJoin('communities as c', 'c.id', 't.community_id')
    .select((eb) => [
      't.id',
      't.name',
      'c.name as community',
      't.focus',
      eb.selectFrom('team_members as m').select(eb.fn.countAll<number>().as(COUNT)).whereRef('m.team_id', '=', 't.id').where('m.left_on', 'is', null).as('members'),
    ])
    .where('t.name', '=', normalizeText(name))
    .executeTakeFirst();
  if (!row) throw new NotFoundError({ key: 'team.not_found', params: { name }, hintKey: 'team.not_found.hint' });
  return { ...row, members: Number(row.members ?? 0) };
}

export async function addTeam(ctx: Ctx, input: { name: string; community?: string; focus?: string }): Promise<Team> {
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  await inTransaction(ctx, async (trx) => {
    const community = optionalText(input.community) ? await resolveCommunity(trx, ctx, input.community!) : null;
    const clash = await trx.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'team.exists', params: { name } });
    await trx
      .insertInto('teams')
      .values({ name, community_id: community?.id ?? null, focus: optionalText(input.focus) ?? null, created_at: ctx.clock.now().toISOString() })
      .execute();
    await recordAudit(trx, ctx, { action: 'create', entity: 'team', entityKey: name, detail: { community: community?.name ?? null, focus: optionalText(input.focus) ?? null } });
  });
  return findTeam(ctx.db, name);
}

export async function listTeams(db: Db): Promise<Team[]> {
  const rows = await db.selectFrom('teams').select('name').orderBy('name').execute();
  return Promise.all(rows.map((r) => findTeam(db, r.name)));
}

/** Joins (or, with `leave`, removes) workers; all or nothing. */
export async function changeMembership(ctx: Ctx, teamName: string, workers: string[], leave: boolean): Promise<Team> {
  await inTransaction(ctx, async (trx) => {
    const team = await findTeam(trx, teamName);
    for (const key of workers) {
      const worker = await findWorker(trx, key);
      const current = await trx
        .selectFrom('team_members')
        .select('id')
        .where('team_id', '=', team.id)
        .where('worker_id', '=', worker.id)
        .where('left_on', 'is', null)
        .executeTakeFirst();
      if (leave) {
        if (!current) throw new ConflictError({ key: 'team.not_member', params: { team: team.name, worker: worker.id } });
        await trx.updateTable('team_members').set({ left_on: ctx.clock.today() }).where('id', '=', current.id).execute();
      } else {
        if (current) throw new ConflictError({ key: 'team.already_member', params: { team: team.name, worker: worker.id } });
        await trx.insertInto('team_members').values({ team_id: team.id, worker_id: worker.id, joined_on: ctx.clock.today(), left_on: null }).execute();
      }
      await recordAudit(trx, ctx, { action: leave ? 'leave' : 'join', entity: 'team', entityKey: team.name, detail: { worker: worker.id } });
    }
  });
  return findTeam(ctx.db, teamName);
}

/** A team with its current members and the points each has earned by service. */
export async function showTeam(db: Db, name: string): Promise<Team & { memberList: TeamMember[]; points: number }> {
  const team = await findTeam(db, name);
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('workers as w', 'w.id', 'm.worker_id')
    .select((eb) => [
      'w.id as workerId',
      'w.name',
      'w.phone',
      'w.occupation',
      'm.joined_on as joinedOn',
      eb
        .selectFrom('point_entries as e')
        .select(sql<number>`coalesce(sum(e.points), 0)`.as(COUNT))
        .whereRef('e.worker_id', '=', 'w.id')
        .where('e.rule_id', 'is not', null)
        .as('points'),
    ])
    .where('m.team_id', '=', team.id)
    .where('m.left_on', 'is', null)
    .orderBy('w.id')
    .execute();
  const memberList = rows.map((r) => ({ ...r, points: Number(r.points ?? 0) }));
  return { ...team, memberList, points: memberList.reduce((s, m) => s + m.points, 0) };
}
