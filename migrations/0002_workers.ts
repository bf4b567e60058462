import type { Kysely } from 'kysely';
import { checkIn, ref, withId } from './helpers.js';

export const OCCUPATIONS = ['rider', 'courier', 'ride_hailing', 'taxi', 'truck', 'streamer', 'other'] as const;

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  // Every file import (workers, stations, points, wishes): what, whose, counts.
  await withId(db, db.schema.createTable('imports'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('source', 'text')
    .addColumn('encoding', 'text')
    .addColumn('inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unchanged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('imports_kind_sha').on('imports').columns(['kind', 'sha256']).execute();

  // phone is the worker's identity; it (and the ID number) become null only
  // when the worker's personal data is purged on request.
  await withId(db, db.schema.createTable('workers'))
    .addColumn('phone', 'text', (c) => c.unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text', (c) => c.unique())
    .addColumn('gender', 'text')
    .addColumn('occupation', 'text', (c) => c.notNull().check(checkIn('occupation', OCCUPATIONS)))
    .addColumn('platform', 'text')
    .addColumn('site', 'text')
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('subdistrict', 'text')
    .addColumn('joined_on', 'text')
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('deactivated_on', 'text')
    .addColumn('deactivated_reason', 'text')
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', ref('imports'))
    .addColumn('purged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('workers_community').on('workers').column('community_id').execute();
  await db.schema.createIndex('workers_registered_on').on('workers').column('registered_on').execute();

  // Field-level history of each worker: { field: [old, new] } per change.
  await withId(db, db.schema.createTable('worker_history'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', ref('imports'))
    .addColumn('changes', 'text')
    .execute();
  await db.schema.createIndex('worker_history_worker').on('worker_history').column('worker_id').execute();

  // Every reveal of personal data: who saw which fields of whom, and why.
  await withId(db, db.schema.createTable('access_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('worker_id', 'integer', ref('workers'))
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('command', 'text', (c) => c.notNull())
    .execute();
}
