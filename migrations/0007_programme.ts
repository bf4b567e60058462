import type { Kysely } from 'kysely';
import { checkIn, makeAppendOnly, ref, withId } from './helpers.js';

export const EVENT_TYPES = ['health_lecture', 'first_aid', 'checkup', 'legal', 'safety', 'skills', 'other'] as const;
export const HOUSING_STATES = ['applied', 'eligible', 'ineligible', 'allocated', 'withdrawn'] as const;
export const DISPUTE_TYPES = ['wages', 'injury', 'contract', 'platform_rules', 'other'] as const;
export const DISPUTE_CHANNELS = ['hotline', 'workstation', 'walk_in'] as const;
export const DISPUTE_STATES = ['open', 'mediating', 'referred', 'resolved', 'closed'] as const;
export const VISIT_KINDS = ['illness', 'injury', 'hardship', 'festival'] as const;

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // Health, first-aid, legal, safety and skills events, and who attended.
  await withId(db, db.schema.createTable('events'))
    .addColumn('type', 'text', (c) => c.notNull().check(checkIn('type', EVENT_TYPES)))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('event_date', 'text', (c) => c.notNull())
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('station_id', 'integer', ref('stations'))
    .addColumn('capacity', 'integer')
    .addColumn('organiser', 'text')
    .addColumn('rule_id', 'integer', ref('point_rules'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('event_attendance'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('events.id'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', ['attended', 'waitlisted'])))
    .addColumn('point_entry_id', 'integer', ref('point_entries'))
    .addColumn('import_id', 'integer', ref('imports'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addUniqueConstraint('event_attendance_once', ['event_id', 'worker_id'])
    .execute();

  // Summer childcare sites, enrolments (with a waiting list) and volunteer counts.
  await withId(db, db.schema.createTable('childcare_sites'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('courses', 'text')
    .addColumn('from_on', 'text')
    .addColumn('to_on', 'text')
    .addColumn('volunteers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('childcare_enrolments'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('childcare_sites.id'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('child_name', 'text', (c) => c.notNull())
    .addColumn('child_age', 'integer', (c) => c.notNull())
    .addColumn('course', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', ['enrolled', 'waitlisted', 'withdrawn'])))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('enrolled_on', 'text')
    .addColumn('withdrawn_on', 'text')
    .execute();

  // Public-rental housing applications and labour disputes: a status and an append-only timeline.
  await withId(db, db.schema.createTable('housing_applications'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('household', 'integer')
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', HOUSING_STATES)))
    .addColumn('reason', 'text')
    .addColumn('address', 'text')
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('updated_on', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('disputes'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('type', 'text', (c) => c.notNull().check(checkIn('type', DISPUTE_TYPES)))
    .addColumn('via', 'text', (c) => c.notNull().check(checkIn('via', DISPUTE_CHANNELS)))
    .addColumn('employer', 'text')
    .addColumn('amount_fen', 'integer')
    .addColumn('summary', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(checkIn('status', DISPUTE_STATES)))
    .addColumn('outcome', 'text')
    .addColumn('recovered_fen', 'integer')
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .addColumn('updated_on', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('case_events'))
    .addColumn('case_type', 'text', (c) => c.notNull().check(checkIn('case_type', ['housing', 'dispute'])))
    .addColumn('case_id', 'integer', (c) => c.notNull())
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_type', 'case_id']).execute();
  await makeAppendOnly(db, 'case_events');

  // Visits to seriously ill or injured workers, festival visits, hardship support (money in fen).
  await withId(db, db.schema.createTable('care_visits'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', VISIT_KINDS)))
    .addColumn('support_fen', 'integer')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Rider-friendly measures per community (each set/unset dated) and friendly merchants.
  await withId(db, db.schema.createTable('community_measures'))
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(checkIn('action', ['set', 'unset'])))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('merchants'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    .addColumn('offers', 'text', (c) => c.notNull())
    .addColumn('added_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('merchants_name_community', ['name', 'community_id'])
    .execute();
}
