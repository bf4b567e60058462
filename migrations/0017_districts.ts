import { sql, type Kysely } from 'kysely';
import { checkIn, isPostgres, withId } from './helpers.js';
import {
  ACCESS_FUNCTIONS,
  ACCOUNT_ROLES,
  DISTRICT_TABLES,
  ONLY_DISTRICT_FUNCTION,
  OPERATOR_TABLES,
  ROW_VISIBLE_FUNCTION,
  WRITE_DISTRICT_FUNCTION,
  accessFunctionSql,
  operatorFunctionSql,
  operatorTrigger,
  policies,
  policySql,
  safeSearchPath,
  type Reference,
} from './access.js';

// Frozen: never edit a migration that has shipped; add a new one.
//
// Districts and accounts. On both engines: `districts` (SQLite keeps its one, named from the
// `district.name` setting) and `accounts` (on SQLite a record only; on PostgreSQL each is a login role).
// On PostgreSQL only, so that one server can hold a city's districts:
// - every table holding district data gains `district_id` (existing rows: the one district made here),
//   defaulting to the session's district;
// - natural keys (a phone, a station's code, a community's name) are unique within a district;
// - row-level security, enabled and forced (the owner too), from access.ts;
// - a clerk's `operator` is their database role.

/** Unique keys that name things within a district: each gains district_id as its first column. */
const DISTRICT_KEYS = [
  'childcare_sites_name_key',
  'communities_name_key',
  'gifts_code_key',
  'imports_kind_content',
  'point_entries_dedupe',
  'point_entries_ref_key',
  'point_rules_code_key',
  'sponsors_name_key',
  'stations_code_key',
  'subdistricts_name_key',
  'targets_key',
  'teams_name_key',
  'workers_id_number_key',
  'workers_phone_key',
];

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('districts'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await withId(db, db.schema.createTable('accounts'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(checkIn('role', ACCOUNT_ROLES)))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('subdistrict_id', 'integer', (c) => c.references('subdistricts.id'))
    .addColumn('community_id', 'integer', (c) => c.references('communities.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  // The district there is: named as `config set district.name` named it (a name can be set later).
  await sql`insert into districts (name, created_at)
    select coalesce((select value from settings where key = 'district.name'), ''), ${new Date().toISOString()}`.execute(db);
  if (!isPostgres(db)) return;
  await postgresDistricts(db);
}

async function postgresDistricts(db: Kysely<any>): Promise<void> {
  await sql`alter table districts alter column id type bigint`.execute(db);
  for (const column of ['id', 'district_id', 'subdistrict_id', 'community_id']) await sql.raw(`alter table accounts alter column ${column} type bigint`).execute(db);
  const only = (await sql<{ id: number }>`select id from districts`.execute(db)).rows[0]!.id;
  for (const table of DISTRICT_TABLES) {
    await sql.raw(`alter table ${table} add column district_id bigint not null default ${only} references districts (id)`).execute(db);
  }
  // A city-wide line of the trail (a city account made) belongs to no district.
  await sql`alter table audit_log alter column district_id drop not null`.execute(db);
  const schema = await currentSchema(db);
  await withSafePath(db, schema, async () => {
    await sql.raw(ONLY_DISTRICT_FUNCTION).execute(db);
    for (const name of Object.keys(ACCESS_FUNCTIONS)) await sql.raw(accessFunctionSql(name)).execute(db);
    await sql.raw(WRITE_DISTRICT_FUNCTION).execute(db);
    await sql.raw(ROW_VISIBLE_FUNCTION).execute(db);
  });
  for (const table of DISTRICT_TABLES) await sql.raw(`alter table ${table} alter column district_id set default nuanxin_write_district()`).execute(db);
  await sql`create index workers_district on workers (district_id)`.execute(db);
  await sql`create index point_entries_district on point_entries (district_id)`.execute(db);
  await districtKeys(db);
  await phoneLinks(db, schema);
  // Kept by the owner: no clerk reads who else has an account (the scope functions read it as the owner).
  await sql`alter table accounts enable row level security`.execute(db);
  await sql`alter table accounts force row level security`.execute(db);
  await sql.raw(`create policy accounts_owner on accounts
    using (current_user = (select pg_catalog.pg_get_userbyid(c.relowner) from pg_catalog.pg_class c where c.oid = '${schema}.accounts'::regclass))`).execute(db);
  for (const table of DISTRICT_TABLES) {
    await sql.raw(`alter table ${table} enable row level security`).execute(db);
    await sql.raw(`alter table ${table} force row level security`).execute(db);
  }
  for (const policy of policies(await districtReferences(db))) await sql.raw(policySql(policy)).execute(db);
  await sql.raw(operatorFunctionSql(schema)).execute(db);
  for (const table of OPERATOR_TABLES) {
    await sql.raw(`create trigger ${operatorTrigger(table)} before insert or update on ${table} for each row execute function nuanxin_operator_is_role()`).execute(db);
  }
}

/**
 * A worker registered in two districts is two records. The city links them by `phone_link`, a salted
 * SHA-256 of the phone that only the server can compute (the salt is the owner's alone), never by the
 * phone itself; a purged worker (no phone) has none.
 */
async function phoneLinks(db: Kysely<any>, schema: string): Promise<void> {
  await sql`create table city_salt (salt text not null)`.execute(db);
  await sql`insert into city_salt select md5(gen_random_uuid()::text) || md5(gen_random_uuid()::text)`.execute(db);
  await sql`alter table city_salt enable row level security`.execute(db);
  await sql`alter table workers add column phone_link text`.execute(db);
  await withSafePath(db, schema, () =>
    sql.raw(`create function nuanxin_phone_link() returns trigger language plpgsql security definer set search_path from current as $$
    begin
      new.phone_link := case when new.phone is null then null
        else encode(sha256(convert_to((select salt from city_salt) || new.phone, 'UTF8')), 'hex') end;
      return new;
    end $$`).execute(db),
  );
  // Only its trigger runs it: a login that could call it on guesses would have the salt's use.
  await sql`revoke execute on function nuanxin_phone_link() from public`.execute(db);
  await sql`create trigger workers_phone_link before insert or update of phone on workers for each row execute function nuanxin_phone_link()`.execute(db);
  await sql`update workers set phone = phone where phone is not null`.execute(db);
  await sql`create index workers_phone_link on workers (phone_link)`.execute(db);
}

async function currentSchema(db: Kysely<any>): Promise<string> {
  return (await sql<{ schema: string }>`select quote_ident(current_schema()) as schema`.execute(db)).rows[0]!.schema;
}

/** Creates functions whose `set search_path from current` must capture the safe path, then puts the path back. */
async function withSafePath(db: Kysely<any>, schema: string, create: () => Promise<unknown>): Promise<void> {
  const saved = (await sql<{ path: string }>`select current_setting('search_path') as path`.execute(db)).rows[0]!.path;
  await sql`select set_config('search_path', ${safeSearchPath(schema)}, true)`.execute(db);
  await create();
  await sql`select set_config('search_path', ${saved}, true)`.execute(db);
}

/** The foreign keys between district tables (district_id itself aside): policies check each points at a visible row. */
async function districtReferences(db: Kysely<any>): Promise<Reference[]> {
  const { rows } = await sql<Reference>`select c.conrelid::regclass::text as table, a.attname as column, c.confrelid::regclass::text as parent
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    where c.contype = 'f' and array_length(c.conkey, 1) = 1 and c.connamespace = current_schema()::regnamespace`.execute(db);
  return rows.filter((r) => DISTRICT_TABLES.includes(r.table) && DISTRICT_TABLES.includes(r.parent));
}

async function districtKeys(db: Kysely<any>): Promise<void> {
  // Primary keys over names: the setting's key, a day's roll-up.
  for (const [table, columns] of [
    ['settings', 'district_id, key'],
    ['point_daily', 'business_date, community_id, kind, district_id'],
  ] as const) {
    const { rows } = await sql<{ name: string }>`select conname as name from pg_constraint where contype = 'p' and conrelid = ${table}::regclass`.execute(db);
    await sql.raw(`alter table ${table} drop constraint ${rows[0]!.name}, add primary key (${columns})`).execute(db);
  }
  const names = DISTRICT_KEYS.map((k) => `'${k}'`).join(', ');
  await sql.raw(`do $$
    declare k record;
    begin
      for k in select i.indexrelid::regclass::text as name, c.relname as table, pg_get_indexdef(i.indexrelid) as def,
                      (select conname from pg_constraint where conindid = i.indexrelid) as constraint_name
               from pg_index i join pg_class c on c.oid = i.indrelid
               where i.indexrelid::regclass::text in (${names}) loop
        if k.constraint_name is not null then
          execute format('alter table %I drop constraint %I', k.table, k.constraint_name);
        else
          execute format('drop index %I', k.name);
        end if;
        -- The keys an import looks rows up by (a batch of phones, a file's hash) keep their own column
        -- first, so the lookup is an index probe; district_id goes last. The small tables' keys take it first.
        if k.name in ('workers_phone_key', 'workers_id_number_key', 'point_entries_ref_key', 'point_entries_dedupe', 'imports_kind_content') then
          execute regexp_replace(k.def, 'USING btree \\(([^)]*)\\)', 'USING btree (\\1, district_id)');
        else
          execute replace(k.def, 'USING btree (', 'USING btree (district_id, ');
        end if;
      end loop;
    end $$`).execute(db);
}
