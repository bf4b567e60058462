import { sql, type Kysely } from 'kysely';
import { checkIn, ref, withId } from './helpers.js';

// The ten actions of the plan, by their keys (the programme dashboard's order).
export const ACTION_KEYS = ['stations', 'housing', 'disputes', 'health', 'childcare', 'safety_team', 'points', 'friendly', 'skills', 'wishes'] as const;
export const OWNER_ROLES = ['lead', 'responsible'] as const;

// Frozen: never edit a migration that has shipped; add a new one.
// Who owns each action in a year (its lead unit and responsible units), and the year's targets (指标):
// for the district, one 街道 or one community. A target's metric is one of the figures the action
// already measures; the list lives in the domain, so a new figure needs no migration.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('action_owners'))
    .addColumn('action', 'text', (c) => c.notNull().check(checkIn('action', ACTION_KEYS)))
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(checkIn('role', OWNER_ROLES)))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('action_owners_unit', ['action', 'year', 'unit_id'])
    .execute();
  await db.schema.createIndex('action_owners_unit_id').on('action_owners').column('unit_id').execute();

  await withId(db, db.schema.createTable('targets'))
    .addColumn('action', 'text', (c) => c.notNull().check(checkIn('action', ACTION_KEYS)))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('subdistrict_id', 'integer', ref('subdistricts'))
    .addColumn('value', 'integer', (c) => c.notNull().check(sql`value >= 0 and value <= 1000000000`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('targets_one_scope', sql`community_id is null or subdistrict_id is null`)
    .execute();
  // One target per metric, year and place (the district's own has neither id).
  await sql`create unique index targets_key on targets (action, metric, year, coalesce(community_id, 0), coalesce(subdistrict_id, 0))`.execute(db);
}
