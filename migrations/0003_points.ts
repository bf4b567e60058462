import { sql, type Kysely } from 'kysely';
import { checkIn, makeAppendOnly, ref, withId } from './helpers.js';

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('point_rules'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points > 0`))
    .addColumn('daily_cap', 'integer')
    .addColumn('description', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('gifts'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('cost', 'integer', (c) => c.notNull().check(sql`cost > 0`))
    // Cached from gift_stock_entries in the same transaction; `db check` proves it.
    .addColumn('stock', 'integer', (c) => c.notNull().check(sql`stock >= 0`))
    .addColumn('donor', 'text')
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // The points ledger: append-only (triggers below). Corrections are reversing entries.
  await withId(db, db.schema.createTable('point_entries'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', ['award', 'redeem', 'reverse', 'expire'])))
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('rule_id', 'integer', ref('point_rules'))
    .addColumn('gift_id', 'integer', ref('gifts'))
    .addColumn('qty', 'integer')
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('reason', 'text')
    .addColumn('ref', 'text', (c) => c.unique())
    .addColumn('reverses_id', 'integer', (c) => c.unique().references('point_entries.id'))
    // The worker's community when the entry was written: reports group by it without a join.
    .addColumn('community_id', 'integer')
    .addColumn('import_id', 'integer', ref('imports'))
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_entries_worker').on('point_entries').columns(['worker_id', 'business_date']).execute();
  await db.schema.createIndex('point_entries_date').on('point_entries').columns(['business_date', 'community_id']).execute();
  await db.schema.createIndex('point_entries_rule_day').on('point_entries').columns(['rule_id', 'worker_id', 'business_date']).execute();
  await makeAppendOnly(db, 'point_entries');

  // Balances kept in step with the ledger in the same transaction (db check recomputes them).
  await db.schema
    .createTable('point_balances')
    .addColumn('worker_id', 'integer', (c) => c.primaryKey().references('workers.id'))
    .addColumn('balance', 'integer', (c) => c.notNull().check(sql`balance >= 0`))
    .addColumn('earned', 'integer', (c) => c.notNull())
    .addColumn('redeemed', 'integer', (c) => c.notNull())
    .addColumn('reversed', 'integer', (c) => c.notNull())
    .addColumn('expired', 'integer', (c) => c.notNull())
    .execute();

  // Daily roll-ups by community for reports, updated with each entry (db check proves them).
  await db.schema
    .createTable('point_daily')
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('community_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('point_daily_pk', ['business_date', 'community_id', 'kind'])
    .execute();

  // Gift stock movements: append-only like the ledger.
  await withId(db, db.schema.createTable('gift_stock_entries'))
    .addColumn('gift_id', 'integer', (c) => c.notNull().references('gifts.id'))
    .addColumn('delta', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(checkIn('reason', ['initial', 'restock', 'redeem', 'reverse'])))
    .addColumn('point_entry_id', 'integer', ref('point_entries'))
    .addColumn('note', 'text')
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await makeAppendOnly(db, 'gift_stock_entries');

  await withId(db, db.schema.createTable('teams'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    .addColumn('focus', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('team_members'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('worker_id', 'integer', (c) => c.notNull().references('workers.id'))
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .execute();
  await db.schema.createIndex('team_members_team').on('team_members').columns(['team_id', 'worker_id']).execute();
}
