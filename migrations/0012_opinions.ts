import type { Kysely } from 'kysely';
import { checkIn, ref, withId } from './helpers.js';

export const OPINION_TOPICS = ['housing', 'rent', 'parking', 'charging', 'rest', 'pay', 'insurance', 'safety', 'training', 'childcare', 'other'] as const;
export const OPINION_STATES = ['open', 'referred', 'answered', 'resolved'] as const;

// Frozen: never edit a migration that has shipped; add a new one.
// Opinions and suggestions (意见建议) heard from workers, on a visit or elsewhere, and what became of them.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('opinions'))
    .addColumn('heard_on', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull().check(checkIn('topic', OPINION_TOPICS)))
    // From a worker on the roster, or from a place (a depot, a station, a morning meeting).
    .addColumn('worker_id', 'integer', ref('workers'))
    .addColumn('source', 'text')
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', OPINION_STATES)))
    .addColumn('referred_to', 'text')
    .addColumn('answered_on', 'text')
    .addColumn('resolved_on', 'text')
    .addColumn('status_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opinions_worker').on('opinions').column('worker_id').execute();
  await db.schema.createIndex('opinions_heard').on('opinions').columns(['heard_on', 'community_id']).execute();
}
