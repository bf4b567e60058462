// Visits to workers who are ill or in hardship (part of action 4), with support paid in fen.
import { sql } from 'kysely';
import { listVisits, type CareVisit } from '../programme/care.js';
import { scopeIds, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { count, strand, type Db } from './strand.js';

export type CareFigures = { visits: number; support_yuan: number };

export async function careFigures(db: Db, p: Period, scope: Scope): Promise<CareFigures> {
  let q = db
    .selectFrom('care_visits as v')
    .innerJoin('workers as w', 'w.id', 'v.worker_id')
    .select([sql<number>`count(*)`.as('visits'), sql<number>`coalesce(sum(v.support_fen), 0)`.as('support')])
    .where('v.visit_date', '>=', p.from)
    .where('v.visit_date', '<=', p.to);
  if (scope.communityIds) q = q.where('w.community_id', 'in', scopeIds(scope));
  const r = await q.executeTakeFirstOrThrow();
  return { visits: count(r.visits), support_yuan: count(r.support) / 100 };
}

export const careStrand = strand({
  area: 'care_visits',
  figures: careFigures,
  weekly: true,
  actions: [],
  record: {
    key: 'careVisits',
    title: 'worker.section.care',
    load: (db, workerId): Promise<CareVisit[]> => listVisits(db, { workerId }),
    columns: [
      { label: 'id', value: (v) => v.id },
      { label: 'date', value: (v) => v.date },
      { label: 'kind', value: (v) => v.kind, term: 'visit_kind' },
      { label: 'by', value: (v) => v.by },
      { label: 'support', value: (v) => v.supportFen, money: true },
    ],
    yuan: { support: 'supportFen' },
  },
});
