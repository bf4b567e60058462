import { sql, type Kysely } from 'kysely';
import { isPostgres, rebuildSqliteTable } from './helpers.js';

// The units (单位) of the programme in one registry: the departments that own actions, 街道 offices,
// communities' party-service centres, enterprises and platforms, property companies, social
// organisations, volunteer groups, schools. Wish sponsors were the first units: the `sponsors` table
// becomes `units` (ids kept, so every wish and wish event still names its sponsor), and the free-text
// organisers of events and hosts of stations become references to units, each text registered once.
const SPONSOR_TYPES = ['department', 'organisation', 'company', 'union', 'volunteer_group', 'individual'];
export const UNIT_TYPES = [
  'department',
  'subdistrict_office',
  'party_service_centre',
  'company',
  'property_company',
  'organisation',
  'union',
  'volunteer_group',
  'school',
  'individual',
  'other',
] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Frozen: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table sponsors rename to units`.execute(db);
  if (isPostgres(db)) {
    await sql
      .raw(`alter table units drop constraint if exists sponsors_type_check, add constraint units_type_check check (type in (${list(UNIT_TYPES)}))`)
      .execute(db);
  } else {
    await widenSqliteTypeCheck(db);
  }
  await db.schema
    .alterTable('units')
    .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
    .execute();

  await db.schema
    .alterTable('events')
    .addColumn('organiser_id', 'integer', (c) => c.references('units.id'))
    .execute();
  await db.schema
    .alterTable('stations')
    .addColumn('host_id', 'integer', (c) => c.references('units.id'))
    .execute();
  await db.schema
    .alterTable('childcare_sites')
    .addColumn('partner_id', 'integer', (c) => c.references('units.id'))
    .execute();

  // Nothing lost: each distinct organiser or host text becomes a unit (type `other` until a clerk
  // says what it is), unless a unit of that name exists already.
  const now = new Date().toISOString();
  for (const [table, text, id] of [
    ['events', 'organiser', 'organiser_id'],
    ['stations', 'host', 'host_id'],
  ] as const) {
    await sql
      .raw(
        `insert into units (name, type, created_at)
         select distinct ${text}, 'other', '${now}' from ${table}
         where ${text} is not null and ${text} <> '' and ${text} not in (select name from units)`,
      )
      .execute(db);
    await sql.raw(`update ${table} set ${id} = (select u.id from units u where u.name = ${table}.${text}) where ${text} is not null and ${text} <> ''`).execute(db);
    await db.schema.alterTable(table).dropColumn(text).execute();
  }
  await db.schema.createIndex('units_parent').on('units').column('parent_id').execute();
  await db.schema.createIndex('events_organiser').on('events').column('organiser_id').execute();
  await db.schema.createIndex('stations_host').on('stations').column('host_id').execute();
}

/** SQLite cannot alter a CHECK: the table is rebuilt with the wider list. */
async function widenSqliteTypeCheck(db: Kysely<any>): Promise<void> {
  await rebuildSqliteTable(db, 'units', (createSql) => {
    const check = [`"type" in (${list(SPONSOR_TYPES)})`, `type in (${list(SPONSOR_TYPES)})`].find((c) => createSql.includes(c));
    if (!check) throw new Error('units.type CHECK is not the one 0005 created');
    return createSql.replace(check, `"type" in (${list(UNIT_TYPES)})`);
  });
}
