import { sql } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { acceptedTerms, parseTerm } from '../vocabulary.js';

export type Sponsor = { id: number; name: string; type: string; contactName: string | null; contactPhone: string | null };
export type SponsorTotals = Sponsor & { claimed: number; fulfilled: number; open: number; overdue: number; pledgedFen: number; spentFen: number };

export async function findSponsor(db: Db, name: string): Promise<Sponsor> {
  const row = await db.selectFrom('sponsors').selectAll().where('name', '=', normalizeText(name)).executeTakeFirst();
  if (!row) throw new NotFoundError({ key: 'sponsor.not_found', params: { name }, hintKey: 'sponsor.not_found.hint' });
  return { id: row.id, name: row.name, type: row.type, contactName: row.contact_name, contactPhone: row.contact_phone };
}

export async function addSponsor(ctx: Ctx, input: { name: string; type: string; contact?: string; phone?: string }): Promise<Sponsor> {
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  const type = parseTerm('sponsor_type', input.type);
  if (!type) throw new ValidationError({ key: 'sponsor.bad_type', params: { value: input.type, accepted: acceptedTerms('sponsor_type') } });
  await inTransaction(ctx, async (trx) => {
    const clash = await trx.selectFrom('sponsors').select('id').where('name', '=', name).executeTakeFirst();
    if (clash) throw new ConflictError({ key: 'sponsor.exists', params: { name } });
    await trx
      .insertInto('sponsors')
      .values({
        name,
        type,
        contact_name: optionalText(input.contact) ?? null,
        contact_phone: optionalText(input.phone)?.replace(/\s+/g, '') ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'create', entity: 'sponsor', entityKey: name, detail: { type } });
  });
  return findSponsor(ctx.db, name);
}

/**
 * What each sponsor promised and delivered: wishes claimed (ever), fulfilled,
 * still open, overdue as of `today`, value pledged and spent.
 */
export async function sponsorTotals(db: Db, today: string, name?: string): Promise<SponsorTotals[]> {
  let query = db
    .selectFrom('sponsors as s')
    .leftJoin('wishes as w', 'w.sponsor_id', 's.id')
    .select([
      's.id',
      's.name',
      's.type',
      's.contact_name',
      's.contact_phone',
      sql<number>`count(w.id)`.as('claimed'),
      sql<number>`sum(case when w.status in ('fulfilled', 'followed_up') then 1 else 0 end)`.as('fulfilled'),
      sql<number>`sum(case when w.status = 'claimed' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when w.status = 'claimed' and w.due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`coalesce(sum(w.pledge_fen), 0)`.as('pledged'),
      sql<number>`coalesce(sum(case when w.status in ('fulfilled', 'followed_up') then w.cost_fen end), 0)`.as('spent'),
    ])
    .groupBy(['s.id', 's.name', 's.type', 's.contact_name', 's.contact_phone'])
    .orderBy('s.name');
  if (name) query = query.where('s.name', '=', normalizeText(name));
  const rows = await query.execute();
  if (name && rows.length === 0) throw new NotFoundError({ key: 'sponsor.not_found', params: { name }, hintKey: 'sponsor.not_found.hint' });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    claimed: Number(r.claimed),
    fulfilled: Number(r.fulfilled ?? 0),
    open: Number(r.open ?? 0),
    overdue: Number(r.overdue ?? 0),
    pledgedFen: Number(r.pledged),
    spentFen: Number(r.spent),
  }));
}
