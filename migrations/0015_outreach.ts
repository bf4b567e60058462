import { sql, type Kysely } from 'kysely';
import { guardsOf0015 } from './guards.js';
import { checkIn, isPostgres, makeAppendOnly, rebuildSqliteTable, ref, withId } from './helpers.js';

const ACTION_KEYS = ['stations', 'housing', 'disputes', 'health', 'childcare', 'safety_team', 'points', 'friendly', 'skills', 'wishes'];
export const PUBLICITY_CHANNELS = ['video', 'wechat', 'poster', 'lecture', 'street_interview', 'news', 'other'] as const;
export const FUND_KINDS = ['in', 'out', 'reverse'] as const;
export const FUND_TARGETS = ['station', 'site', 'wish', 'event', 'care', 'other'] as const;
export const VOLUNTEER_KINDS = ['student', 'retired_party_member', 'young_official', 'other'] as const;

// Frozen: never edit a migration that has shipped; add a new one.
// The people reached beyond the roster and the office's outreach: an event's headcount of people not
// named; a dispute from a caller not on the roster; a team for the whole district; outreach visits
// (走访) and the opinions heard on them; publicity (宣传); the money ledger (经费, integer fen,
// append-only like the points ledger); childcare volunteers by kind.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('headcount', 'integer').execute();
  await db.schema.alterTable('events').addColumn('headcount_note', 'text').execute();

  // A dispute's worker may be unknown (a hotline caller not on the roster): the caller's name and phone instead.
  if (isPostgres(db)) {
    await sql`alter table disputes alter column worker_id drop not null`.execute(db);
    await sql`alter table teams alter column community_id drop not null`.execute(db);
  } else {
    await rebuildSqliteTable(db, 'disputes', (s) => s.replace('"worker_id" integer not null references', '"worker_id" integer references'));
    await rebuildSqliteTable(db, 'teams', (s) => s.replace('"community_id" integer not null references', '"community_id" integer references'));
  }
  await db.schema.alterTable('disputes').addColumn('caller_name', 'text').execute();
  await db.schema.alterTable('disputes').addColumn('caller_phone', 'text').execute();
  await db.schema.alterTable('disputes').addColumn('community_id', 'integer', ref('communities')).execute();

  await withId(db, db.schema.createTable('visits'))
    .addColumn('visit_date', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', ref('units'))
    .addColumn('place', 'text')
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('workers_met', 'integer', (c) => c.check(sql`workers_met >= 0 and workers_met <= 1000000`))
    .addColumn('action', 'text', (c) => c.check(checkIn('action', ACTION_KEYS)))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('visits_somewhere', sql`unit_id is not null or place is not null`)
    .execute();
  await db.schema.createIndex('visits_date').on('visits').columns(['visit_date', 'community_id']).execute();
  await db.schema.alterTable('opinions').addColumn('visit_id', 'integer', ref('visits')).execute();

  await withId(db, db.schema.createTable('publicity'))
    .addColumn('action', 'text', (c) => c.notNull().check(checkIn('action', ACTION_KEYS)))
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(checkIn('channel', PUBLICITY_CHANNELS)))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('reach', 'integer', (c) => c.check(sql`reach >= 0 and reach <= 1000000000`))
    .addColumn('unit_id', 'integer', ref('units'))
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('wish_id', 'integer', ref('wishes'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publicity_date').on('publicity').columns(['published_on', 'action']).execute();

  // Money in and out, in integer fen: `in` positive, `out` negative, a `reverse` the negation of the
  // entry it corrects (once). The balance is the sum; nothing is ever updated or deleted.
  await withId(db, db.schema.createTable('fund_entries'))
    .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', FUND_KINDS)))
    .addColumn('action', 'text', (c) => c.check(checkIn('action', ACTION_KEYS)))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen <> 0 and amount_fen between -1000000000000 and 1000000000000`))
    .addColumn('unit_id', 'integer', ref('units'))
    .addColumn('purpose', 'text')
    .addColumn('for_kind', 'text', (c) => c.check(checkIn('for_kind', FUND_TARGETS)))
    .addColumn('for_id', 'integer')
    .addColumn('community_id', 'integer', ref('communities'))
    .addColumn('business_date', 'text', (c) => c.notNull())
    .addColumn('reverses_id', 'integer', (c) => c.unique().references('fund_entries.id'))
    .addColumn('note', 'text')
    .addColumn('operator', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('fund_entries_sign', sql`(kind = 'in' and amount_fen > 0) or (kind = 'out' and amount_fen < 0) or (kind = 'reverse' and reverses_id is not null)`)
    .execute();
  await db.schema.createIndex('fund_entries_date').on('fund_entries').columns(['business_date', 'action']).execute();
  await makeAppendOnly(db, 'fund_entries');

  await withId(db, db.schema.createTable('childcare_volunteers'))
    .addColumn('site_id', 'integer', (c) => c.notNull().references('childcare_sites.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(checkIn('kind', VOLUNTEER_KINDS)))
    .addColumn('count', 'integer', (c) => c.notNull().check(sql`count > 0 and count <= 1000000`))
    .addColumn('added_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The volunteers counted before kinds were kept: kind `other`, on the day the site was registered
  // (its business date in Beijing time, the districts' default zone).
  const day = isPostgres(db) ? sql`((created_at::timestamptz) at time zone 'Asia/Shanghai')::date::text` : sql`date(created_at, '+8 hours')`;
  await sql`insert into childcare_volunteers (site_id, kind, count, added_on, created_at)
    select id, 'other', volunteers, ${day}, created_at from childcare_sites where volunteers > 0`.execute(db);

  if (isPostgres(db)) return; // column types and the append-only trigger already refuse these there
  for (const guard of guardsOf0015()) await sql.raw(guard.sql).execute(db);
}
