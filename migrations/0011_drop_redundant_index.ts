import type { Kysely } from 'kysely';

// Frozen: never edit a migration that has shipped; add a new one.
// workers_registered_on is a prefix of workers_report (0006): every query it served,
// workers_report serves, and each roster row paid for writing both.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('workers_registered_on').ifExists().execute();
}
