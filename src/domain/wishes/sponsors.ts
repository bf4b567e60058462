import { sql } from 'kysely';
import type { Db } from '../context.js';
import { normalizeText } from '../text/normalize.js';
import { findUnit, type Unit } from '../units/units.js';

/** A sponsor is any unit that claims wishes (the registry is `units`, see domain/units). */
export type Sponsor = Unit;
export type SponsorTotals = Sponsor & { claimed: number; fulfilled: number; open: number; overdue: number; pledgedFen: number; spentFen: number };

/**
 * What each sponsor promised and delivered: wishes claimed (ever), fulfilled,
 * still open, overdue as of `today`, value pledged and spent.
 */
export async function sponsorTotals(db: Db, today: string, name?: string): Promise<SponsorTotals[]> {
  let query = db
    .selectFrom('units as s')
    .leftJoin('units as p', 'p.id', 's.parent_id')
    .leftJoin('wishes as w', 'w.sponsor_id', 's.id')
    .select([
      's.id',
      's.name',
      's.type',
      's.contact_name',
      's.contact_phone',
      'p.name as parent',
      sql<number>`count(w.id)`.as('claimed'),
      sql<number>`sum(case when w.status in ('fulfilled', 'followed_up') then 1 else 0 end)`.as('fulfilled'),
      sql<number>`sum(case when w.status = 'claimed' then 1 else 0 end)`.as('open'),
      sql<number>`sum(case when w.status = 'claimed' and w.due_on < ${today} then 1 else 0 end)`.as('overdue'),
      sql<number>`coalesce(sum(w.pledge_fen), 0)`.as('pledged'),
      sql<number>`coalesce(sum(case when w.status in ('fulfilled', 'followed_up') then w.cost_fen end), 0)`.as('spent'),
    ])
    .groupBy(['s.id', 's.name', 's.type', 's.contact_name', 's.contact_phone', 'p.name'])
    .orderBy('s.name');
  if (name) query = query.where('s.name', '=', normalizeText(name));
  const rows = await query.execute();
  // A name that matched nothing: refused with the closest names (rows.length is only a shortcut: a name found finds its unit).
  // Stryker disable next-line ConditionalExpression: equivalent when true — looking up a unit that has rows finds it
  if (name && rows.length === 0) await findUnit(db, name);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    type: r.type,
    parent: r.parent,
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
