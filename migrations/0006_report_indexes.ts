import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// Covering indexes for the weekly report: counts read the index alone, never the table.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('workers_report').on('workers').columns(['registered_on', 'deactivated_on', 'occupation', 'community_id']).execute();
  await db.schema.createIndex('point_entries_report').on('point_entries').columns(['business_date', 'kind', 'community_id', 'worker_id', 'points', 'rule_id']).execute();
}
