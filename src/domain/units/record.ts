// Everything one unit does in the programme (`unit show`): the actions it leads or is responsible
// for, the units under it, the stations it hosts, the events it organises, the childcare sites it
// partners, and the wishes it claimed.
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../context.js';
import { actionNo } from '../plan/actions.js';
import { sponsorTotals, type SponsorTotals } from '../wishes/sponsors.js';
import { findUnit, type Unit } from './units.js';

export type UnitRecord = {
  unit: Unit;
  actions: { year: number; no: number; action: string; role: 'lead' | 'responsible' }[];
  units: { name: string; type: string }[];
  stations: { code: string; name: string; community: string; status: string }[];
  events: { id: number; date: string; type: string; title: string }[];
  childcareSites: { name: string; community: string }[];
  wishes: Omit<SponsorTotals, keyof Unit>;
  visits: { id: number; date: string; by: string; workersMet: number | null }[];
  publicity: { id: number; date: string; action: string; title: string; reach: number | null }[];
  /** Money given by the unit, net of reversals, per action. */
  funds: { action: string; fen: number }[];
};

export async function unitRecord(db: Db, name: string, today: string): Promise<UnitRecord> {
  const unit = await findUnit(db, name);
  const owners = await db.selectFrom('action_owners').select(['year', 'action', 'role']).where('unit_id', '=', unit.id).orderBy('year', 'desc').execute();
  const children = await db.selectFrom('units').select(['name', 'type']).where('parent_id', '=', unit.id).orderBy('name').execute();
  const stations = await db
    .selectFrom('stations as s')
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .select(['s.code', 's.name', 'c.name as community', 's.status'])
    .where('s.host_id', '=', unit.id)
    .orderBy('s.code')
    .execute();
  const events = await db
    .selectFrom('events')
    .select(['id', 'event_date as date', 'type', 'title'])
    .where('organiser_id', '=', unit.id)
    .orderBy('event_date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const sites = await db
    .selectFrom('childcare_sites as s')
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .select(['s.name', 'c.name as community'])
    .where('s.partner_id', '=', unit.id)
    .orderBy('s.name')
    .execute();
  const visits = await db
    .selectFrom('visits')
    .select(['id', 'visit_date as date', 'by_name as by', 'workers_met as workersMet'])
    .where('unit_id', '=', unit.id)
    .orderBy('visit_date', 'desc')
    .execute();
  const publicity = await db
    .selectFrom('publicity')
    .select(['id', 'published_on as date', 'action', 'title', 'reach'])
    .where('unit_id', '=', unit.id)
    .orderBy('published_on', 'desc')
    .execute();
  const funds = await db
    .selectFrom('fund_entries as f')
    .leftJoin('fund_entries as o', 'o.id', 'f.reverses_id')
    .select(['f.action', sql<number>`sum(f.amount_fen)`.as('fen')])
    .where('f.unit_id', '=', unit.id)
    .where(sql<SqlBool>`coalesce(o.kind, f.kind) = 'in'`)
    .groupBy('f.action')
    .execute();
  const [totals] = await sponsorTotals(db, today, unit.name);
  const { claimed, fulfilled, open, overdue, pledgedFen, spentFen } = totals!;
  return {
    unit,
    actions: owners.map((o) => ({ year: Number(o.year), no: actionNo(o.action), action: o.action, role: o.role })).sort((a, b) => b.year - a.year || a.no - b.no),
    units: children,
    stations,
    events,
    childcareSites: sites,
    wishes: { claimed, fulfilled, open, overdue, pledgedFen, spentFen },
    visits,
    publicity,
    // Stryker disable next-line ConditionalExpression: equivalent — every entry written by this code has an action (db check names one without)
    funds: funds.filter((f) => f.action !== null && Number(f.fen) !== 0).map((f) => ({ action: f.action!, fen: Number(f.fen) })),
  };
}
