// Action 2: help with public-rental housing.
import { sql } from 'kysely';
import { listHousing, type HousingCase } from '../programme/cases.js';
import { inScope, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { caseMoves } from './case-moves.js';
import { reachFigures } from './reach.js';
import { count, pick, strand, type Db } from './strand.js';

export type HousingFigures = { applied: number; eligible: number; ineligible: number; allocated: number; open: number };

export async function housingFigures(db: Db, p: Period, scope: Scope): Promise<HousingFigures> {
  const moves = await caseMoves(db, 'housing', p, scope);
  const open = await sql<{ n: number }>`
    select count(*) as n from housing_applications h join workers w on w.id = h.worker_id
    where h.applied_on <= ${p.to}
      and coalesce((select e.to_status from case_events e where e.case_type = 'housing' and e.case_id = h.id and e.business_date <= ${p.to} order by e.id desc limit 1), 'applied') in ('applied', 'eligible') ${inScope(scope, 'w.community_id')}`.execute(
    db,
  );
  return {
    applied: moves.get('applied') ?? 0,
    eligible: moves.get('eligible') ?? 0,
    ineligible: moves.get('ineligible') ?? 0,
    allocated: moves.get('allocated') ?? 0,
    open: count(open.rows[0]!.n),
  };
}

export const housingStrand = strand({
  area: 'housing',
  figures: housingFigures,
  weekly: true,
  actions: [
    {
      no: 2,
      key: 'housing',
      figures: async (load) => ({ ...(await pick(housingFigures, ['applied', 'allocated', 'open'])(load)), ...(await pick(reachFigures, [['workers_reached', 'housing']])(load)) }),
    },
  ],
  record: {
    key: 'housing',
    title: 'worker.section.housing',
    load: (db, workerId): Promise<HousingCase[]> => listHousing(db, { workerId }),
    columns: [
      { label: 'id', value: (h) => h.id },
      { label: 'status', value: (h) => h.status, term: 'housing_status' },
      { label: 'applied_on', value: (h) => h.appliedOn },
      { label: 'reason', value: (h) => h.reason ?? h.address },
    ],
  },
});
