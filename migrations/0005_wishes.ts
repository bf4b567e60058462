import type { Kysely } from 'kysely';
import { checkIn, makeAppendOnly, ref, withId } from './helpers.js';

export const WISH_CATEGORIES = ['appliance', 'daily', 'learning', 'child', 'health', 'service', 'other'] as const;
export const WISH_STATES = ['collected', 'listed', 'claimed', 'fulfilled', 'followed_up', 'cancelled'] as const;
export const WISH_SOURCES = ['interview', 'wish_box', 'station', 'visit', 'other'] as const;
export const SPONSOR_TYPES = ['department', 'organisation', 'company', 'union', 'volunteer_group', 'individual'] as const;

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('sponsors'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull().check(checkIn('type', SPONSOR_TYPES)))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // A wish belongs to one worker or to a collective (a depot or station: `site`).
  // Money in integer fen. `status` and the claim columns mirror the last timeline event.
  await withId(db, db.schema.createTable('wishes'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(checkIn('category', WISH_CATEGORIES)))
    .addColumn('worker_id', 'integer', ref('workers'))
    .addColumn('site', 'text')
    .addColumn('detail', 'text')
    .addColumn('estimate_fen', 'integer')
    .addColumn('source', 'text', (c) => c.notNull().check(checkIn('source', WISH_SOURCES)))
    .addColumn('collected_on', 'text', (c) => c.notNull())
    .addColumn('station_id', 'integer', ref('stations'))
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', WISH_STATES)))
    .addColumn('listed_on', 'text')
    .addColumn('sponsor_id', 'integer', ref('sponsors'))
    .addColumn('pledge_fen', 'integer')
    .addColumn('claimed_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('cost_fen', 'integer')
    .addColumn('fulfilled_on', 'text')
    .addColumn('evidence', 'text')
    .addColumn('import_id', 'integer', ref('imports'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wishes_status').on('wishes').columns(['status', 'category']).execute();
  await db.schema.createIndex('wishes_sponsor').on('wishes').column('sponsor_id').execute();

  // The timeline: every state change, append-only.
  await withId(db, db.schema.createTable('wish_events'))
    .addColumn('wish_id', 'integer', (c) => c.notNull().references('wishes.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('sponsor_id', 'integer', ref('sponsors'))
    .addColumn('amount_fen', 'integer')
    .addColumn('due_on', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('wish_events_wish').on('wish_events').column('wish_id').execute();
  await db.schema.createIndex('wish_events_date').on('wish_events').columns(['business_date', 'to_status']).execute();
  await makeAppendOnly(db, 'wish_events');
}
