// Action 3: the labour-dispute hotline and lawyer workstations (and the legal events held).
import { daysBetween } from '../../db/sql.js';
import { sql } from 'kysely';
import { listDisputes, type DisputeCase } from '../programme/cases.js';
import { inScope, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { caseMoves } from './case-moves.js';
import { eventFigures } from './events.js';
import { count, pick, strand, type Db } from './strand.js';

export type DisputeFigures = { opened: number; resolved: number; recovered_yuan: number; average_days_to_resolve: number; open: number };

export async function disputeFigures(db: Db, p: Period, scope: Scope): Promise<DisputeFigures> {
  const moves = await caseMoves(db, 'dispute', p, scope);
  const scoped = inScope(scope, sql`coalesce(d.community_id, w.community_id)`);
  const resolved = await sql<{ n: number; recovered: number; days: number | null }>`
    select count(*) as n, coalesce(sum(d.recovered_fen), 0) as recovered, avg(${daysBetween(db, sql`d.resolved_on`, sql`d.opened_on`)}) as days
    from disputes d left join workers w on w.id = d.worker_id
    where d.resolved_on between ${p.from} and ${p.to} ${scoped}`.execute(db);
  const open = await sql<{ n: number }>`
    select count(*) as n from disputes d left join workers w on w.id = d.worker_id
    where d.opened_on <= ${p.to} and (d.resolved_on is null or d.resolved_on > ${p.to}) ${scoped}`.execute(db);
  const r = resolved.rows[0]!;
  return {
    opened: moves.get('open') ?? 0,
    resolved: count(r.n),
    recovered_yuan: count(r.recovered) / 100,
    average_days_to_resolve: Math.round(count(r.days) * 10) / 10,
    open: count(open.rows[0]!.n),
  };
}

export const disputesStrand = strand({
  area: 'disputes',
  figures: disputeFigures,
  weekly: true,
  actions: [
    {
      no: 3,
      key: 'disputes',
      figures: async (load) => ({
        ...(await pick(disputeFigures, ['opened', 'resolved', 'recovered_yuan'])(load)),
        ...(await pick(eventFigures, [['legal_events', 'legal_held']])(load)),
      }),
    },
  ],
  record: {
    key: 'disputes',
    title: 'worker.section.disputes',
    load: (db, workerId, today): Promise<DisputeCase[]> => listDisputes(db, { workerId }, today),
    columns: [
      { label: 'id', value: (d) => d.id },
      { label: 'type', value: (d) => d.type, term: 'dispute_type' },
      { label: 'status', value: (d) => d.status, term: 'dispute_status' },
      { label: 'case_opened', value: (d) => d.openedOn },
      { label: 'days', value: (d) => d.daysToResolve ?? d.daysOpen },
    ],
    yuan: { amount: 'amountFen', recovered: 'recoveredFen' },
  },
});
