import type { Kysely } from 'kysely';
import { checkIn, ref, withId } from './helpers.js';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('subdistricts'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('communities'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('subdistrict_id', 'integer', ref('subdistricts'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('stations'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    .addColumn('address', 'text')
    .addColumn('host', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('hours', 'text')
    .addColumn('opened_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open').check(checkIn('status', ['open', 'closed'])))
    .addColumn('closed_reason', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('medicine_expires_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stations_community').on('stations').column('community_id').execute();

  await db.schema
    .createTable('station_amenities')
    .addColumn('station_id', 'integer', (c) => c.notNull().references('stations.id'))
    .addColumn('amenity', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('station_amenities_pk', ['station_id', 'amenity'])
    .execute();

  // The audit trail: who did what, when, with which command. History views of
  // stations, workers, … are read from here.
  await withId(db, db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('command', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_key', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_key']).execute();
  await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
}
