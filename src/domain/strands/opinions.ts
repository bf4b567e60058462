// Opinions and suggestions (意见建议): heard, answered and resolved in the period, open at its end.
import { sql } from 'kysely';
import { listOpinions, type Opinion } from '../outreach/opinions.js';
import { scopeIds, type Scope } from '../reports/figures.js';
import type { Period } from '../reports/period.js';
import { count, strand, type Db } from './strand.js';

export type OpinionFigures = { heard: number; answered: number; resolved: number; open: number };

export async function opinionFigures(db: Db, p: Period, scope: Scope): Promise<OpinionFigures> {
  const within = (column: 'heard_on' | 'answered_on' | 'resolved_on') => sql<number>`sum(case when ${sql.ref(column)} between ${p.from} and ${p.to} then 1 else 0 end)`;
  let q = db
    .selectFrom('opinions')
    .select([
      within('heard_on').as('heard'),
      within('answered_on').as('answered'),
      within('resolved_on').as('resolved'),
      sql<number>`sum(case when heard_on <= ${p.to} and (resolved_on is null or resolved_on > ${p.to}) then 1 else 0 end)`.as('open'),
    ]);
  if (scope.communityIds) q = q.where('community_id', 'in', scopeIds(scope));
  const r = await q.executeTakeFirstOrThrow();
  return { heard: count(r.heard), answered: count(r.answered), resolved: count(r.resolved), open: count(r.open) };
}

export const opinionsStrand = strand({
  area: 'opinions',
  figures: opinionFigures,
  weekly: true,
  // Heard across every action, so no row of its own on the ten-action dashboard.
  actions: [],
  record: {
    key: 'opinions',
    title: 'worker.section.opinions',
    load: (db, workerId): Promise<Opinion[]> => listOpinions(db, { workerId }),
    columns: [
      { label: 'id', value: (o) => o.id },
      { label: 'date', value: (o) => o.heardOn },
      { label: 'topic', value: (o) => o.topic, term: 'opinion_topic' },
      { label: 'status', value: (o) => o.status, term: 'opinion_status' },
      { label: 'opinion', value: (o) => o.text },
    ],
  },
});
