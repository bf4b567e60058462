/**
 * Who may read and write which rows on a city-wide PostgreSQL server, declared once: migration 0017
 * creates the row-level security policies from it, `nuanxin account add` grants from it, and
 * `db check` proves each policy is in place. Frozen with 0017: a change is a new migration.
 *
 * Every table holding district data has a `district_id` (its default is the session's district) and
 * one of three scopes:
 * - `community`: the row belongs to the community in `column` (null: a district-level row);
 * - `child`: the row belongs to whatever its parent row belongs to (a wish's events, a worker's history);
 * - `district`: the row belongs to the district as a whole (units, point rules, the audit trail).
 * `personal` rows (a worker and what hangs off them) are read by a community or 街道 clerk only in
 * their own scope; the rest of the district's rows they read for its aggregates.
 * `writers`: `clerks` (district office, 街道 and community clerks, each in their scope), `office`
 * (the district office only) or `anyone` who may write at all (the audit trail); `updaters` overrides it for UPDATE (a community clerk's redemption
 * moves a gift's stock, which only the office may create).
 */

export type Writers = 'anyone' | 'clerks' | 'office';
type Parent = { table: string; fk: string; when?: string };
export type TableAccess =
  | { scope: 'community'; column: string; personal?: boolean; writers: Writers; updaters?: Writers }
  | { scope: 'child'; parents: Parent[]; personal?: boolean; writers: Writers }
  | { scope: 'district'; writers: Writers; updaters?: Writers };

const community = (writers: Writers, personal = false, column = 'community_id'): TableAccess => ({ scope: 'community', column, personal, writers });
const child = (table: string, fk: string, personal = false): TableAccess => ({ scope: 'child', parents: [{ table, fk }], personal, writers: 'clerks' });

export const TABLE_ACCESS: Record<string, TableAccess> = {
  // places
  subdistricts: { scope: 'district', writers: 'office' },
  communities: community('office', false, 'id'),
  // people and what hangs off them
  workers: community('clerks', true),
  worker_history: child('workers', 'worker_id', true),
  point_balances: child('workers', 'worker_id', true),
  care_visits: child('workers', 'worker_id', true),
  housing_applications: child('workers', 'worker_id', true),
  childcare_enrolments: child('workers', 'worker_id', true),
  team_members: child('workers', 'worker_id', true),
  event_attendance: child('workers', 'worker_id', true),
  disputes: community('clerks', true),
  opinions: community('clerks', true),
  point_entries: community('clerks', true),
  case_events: {
    scope: 'child',
    personal: true,
    writers: 'clerks',
    parents: [
      { table: 'disputes', fk: 'case_id', when: "case_type = 'dispute'" },
      { table: 'housing_applications', fk: 'case_id', when: "case_type = 'housing'" },
    ],
  },
  // the community's own records
  point_daily: community('clerks'),
  wishes: community('clerks'),
  wish_events: child('wishes', 'wish_id'),
  stations: community('clerks'),
  station_amenities: child('stations', 'station_id'),
  events: community('clerks'),
  childcare_sites: community('clerks'),
  childcare_volunteers: child('childcare_sites', 'site_id'),
  teams: community('clerks'),
  merchants: community('clerks'),
  community_measures: community('clerks'),
  publicity: community('clerks'),
  visits: community('clerks'),
  fund_entries: community('clerks'),
  targets: community('office'),
  // the district's
  units: { scope: 'district', writers: 'office' },
  point_rules: { scope: 'district', writers: 'office' },
  gifts: { scope: 'district', writers: 'office', updaters: 'clerks' },
  action_owners: { scope: 'district', writers: 'office' },
  settings: { scope: 'district', writers: 'office' },
  audit_log: { scope: 'district', writers: 'anyone' },
  access_log: { scope: 'district', writers: 'clerks' },
  imports: { scope: 'district', writers: 'clerks' },
  gift_stock_entries: { scope: 'district', writers: 'clerks' },
};

export const DISTRICT_TABLES = Object.keys(TABLE_ACCESS);

/** Tables clerks may only add to: the ledgers, timelines and the audit trail (corrections are new rows). */
export const INSERT_ONLY_TABLES = ['point_entries', 'gift_stock_entries', 'wish_events', 'case_events', 'fund_entries', 'audit_log', 'access_log', 'worker_history'];

/** Columns the city and viewer roles may never select: phone and ID numbers, and the names beside them. */
export function isPersonalColumn(table: string, column: string): boolean {
  return PERSONAL_COLUMNS[table]?.includes(column) ?? false;
}

// A person's own data. A station's or a unit's contact phone is the number on its door, not a person's record.
// Free text about a person (a worker's note, the old and new values of their changes) is theirs too.
const PERSONAL_COLUMNS: Record<string, readonly string[]> = {
  workers: ['name', 'phone', 'id_number', 'note'],
  worker_history: ['changes'],
  audit_log: ['detail'],
  disputes: ['caller_name', 'caller_phone'],
  childcare_enrolments: ['child_name'],
};

/** The account roles, from the city down; each is a PostgreSQL group role `nuanxin_<role>`. */
export const ACCOUNT_ROLES = ['city', 'district', 'subdistrict', 'community', 'viewer'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
export const groupRole = (role: AccountRole) => `nuanxin_${role}`;

/** Each role's reach: the scope its account names. */
export const ROLE_SCOPE: Record<AccountRole, 'city' | 'district' | 'subdistrict' | 'community'> = {
  city: 'city',
  district: 'district',
  subdistrict: 'subdistrict',
  community: 'community',
  viewer: 'district',
};

// The session's scope, each read once per statement (a scalar subquery is an InitPlan), not once per row.
const KIND = '(select nuanxin_kind())';
const ALL = '(select nuanxin_all_districts())';
const DISTRICT = '(select nuanxin_district())';
const COMMUNITIES = '(select nuanxin_communities())::bigint[]';

const WRITER_KINDS: Record<Writers, string> = {
  // The city writes only the audit line of `district add`.
  anyone: "('owner', 'city', 'district', 'subdistrict', 'community')",
  clerks: "('owner', 'district', 'subdistrict', 'community')",
  office: "('owner', 'district')",
};

/** "This row is within the session's communities": `alias` is the row's table alias, or none for the policy's own table. */
function owned(table: string, alias: string | null): string {
  const access = TABLE_ACCESS[table]!;
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  if (access.scope === 'community') return `${col(access.column)} = any(${COMMUNITIES})`;
  if (access.scope === 'district') return 'false';
  const depth = (alias?.length ?? 0) + 1;
  const p = `p${depth}`;
  return access.parents
    .map((parent) => {
      const found = `exists (select 1 from ${parent.table} ${p} where ${p}.id = ${col(parent.fk)} and ${owned(parent.table, p)})`;
      return parent.when ? `(${alias ? parent.when.replace(/^(\w+)/, `${alias}.$1`) : parent.when} and ${found})` : found;
    })
    .join(' or ');
}

const inScope = (table: string) => `(${COMMUNITIES} is null or ${owned(table, null)})`;

export type Policy = { name: string; table: string; command: 'select' | 'insert' | 'update' | 'delete'; using?: string; check?: string };

/** A foreign key from a district table to another (or the same) district table. */
export type Reference = { table: string; column: string; parent: string };

/**
 * "Every row this row points at is one the writer can see": without it a clerk could hang an event on
 * another district's case, or a reversal on another district's entry, through a bare id. A parent is
 * checked under its own read policy (a subquery in a policy runs with the clerk's row security); a
 * table pointing at itself goes through nuanxin_row_visible(), as a policy may not query its own table.
 */
function referencesVisible(table: string, references: Reference[]): string[] {
  const own = (column: string) => `${table}.${column}`;
  const checks = references
    .filter((r) => r.table === table)
    .map((r) =>
      r.parent === table
        ? `(${own(r.column)} is null or nuanxin_row_visible('${table}'::regclass, ${own(r.column)}))`
        : `(${own(r.column)} is null or exists (select 1 from ${r.parent} ref where ref.id = ${own(r.column)}))`,
    );
  const access = TABLE_ACCESS[table]!;
  if (access.scope === 'child') {
    // A polymorphic parent (a case event's dispute or housing application) has no foreign key to read.
    for (const p of access.parents.filter((parent) => parent.when)) {
      checks.push(`(not (${table}.${p.when}) or exists (select 1 from ${p.table} ref where ref.id = ${own(p.fk)}))`);
    }
  }
  return checks;
}

/**
 * The four policies of each district table. `references` (the foreign keys, read from the catalogue by
 * the migration) add the check that whatever a written row points at is the writer's to see; `db check`
 * compares names and commands only, and passes none.
 */
export function policies(references: Reference[] = []): Policy[] {
  return DISTRICT_TABLES.flatMap((table) => {
    const access = TABLE_ACCESS[table]!;
    const inDistrict = `(${ALL} or district_id = ${DISTRICT})`;
    const writeDistrict = `(${KIND} in ('owner', 'city') or district_id = ${DISTRICT})`;
    const read = access.scope !== 'district' && access.personal ? `${inDistrict} and ${inScope(table)}` : inDistrict;
    const write = (writers: Writers) => {
      const kinds = `${KIND} in ${WRITER_KINDS[writers]}`;
      // A district-level row (no community) is the office's; a clerk's reach is their communities.
      return access.scope === 'district' && writers !== 'office' ? `${kinds} and ${writeDistrict}` : `${kinds} and ${writeDistrict} and ${inScope(table)}`;
    };
    const written = (writers: Writers) => [write(writers), ...referencesVisible(table, references)].join(' and ');
    const updaters = 'updaters' in access && access.updaters ? access.updaters : access.writers;
    return [
      { name: `${table}_read`, table, command: 'select', using: read },
      { name: `${table}_insert`, table, command: 'insert', check: written(access.writers) },
      // Only rows already within the writer's reach may be changed (not another community's, moved into one's own).
      { name: `${table}_update`, table, command: 'update', using: `${read} and ${write(updaters)}`, check: written(updaters) },
      { name: `${table}_delete`, table, command: 'delete', using: write(access.writers) },
    ] satisfies Policy[];
  });
}

export function policySql(policy: Policy): string {
  const using = policy.using ? ` using (${policy.using})` : '';
  const check = policy.check ? ` with check (${policy.check})` : '';
  return `create policy ${policy.name} on ${policy.table} for ${policy.command}${using}${check}`;
}

/**
 * The session's scope, from `accounts` (which no clerk may read: these run as the owner).
 * No account: the owner of the schema (or a member of it) is `owner`, anyone else `none`.
 * `nuanxin.district` (set by `--district`) narrows an owner's or the city's session to one district;
 * it cannot move a district's clerk to another.
 */
export const ACCESS_FUNCTIONS: Record<string, { returns: string; body: string }> = {
  nuanxin_kind: {
    returns: 'text',
    body: `select coalesce(
      (select case when a.disabled_at is null then a.role else 'none' end from accounts a where a.name = session_user),
      case when pg_has_role(session_user, (select relowner from pg_class where oid = 'districts'::regclass), 'MEMBER') then 'owner' else 'none' end)`,
  },
  nuanxin_chosen_district: {
    returns: 'bigint',
    body: `select id from districts where name = nullif(current_setting('nuanxin.district', true), '')`,
  },
  nuanxin_district: {
    returns: 'bigint',
    body: `select case when nuanxin_kind() in ('owner', 'city') then nuanxin_chosen_district()
      else (select a.district_id from accounts a where a.name = session_user and a.disabled_at is null) end`,
  },
  nuanxin_all_districts: {
    returns: 'boolean',
    body: `select nuanxin_kind() in ('owner', 'city') and nullif(current_setting('nuanxin.district', true), '') is null`,
  },
  nuanxin_communities: {
    returns: 'bigint[]',
    body: `select case a.role
        when 'community' then array[a.community_id]
        when 'subdistrict' then coalesce((select array_agg(c.id) from communities c where c.subdistrict_id = a.subdistrict_id), '{}')
        else null end
      from accounts a where a.name = session_user and a.disabled_at is null`,
  },
};

/**
 * A new row's district (every district column's default): the session's, or the only one there is;
 * with several and none chosen, refused (NX001). A default runs for every row of a roster import, so
 * the answer is kept in the session, keyed on the login and `nuanxin.district`. A forged cache gains
 * nothing: the insert policies check the row's district against nuanxin_district() itself.
 */
export const WRITE_DISTRICT_FUNCTION = `create or replace function nuanxin_write_district() returns bigint
  language plpgsql volatile security definer set search_path from current as $$
  declare
    key text := session_user || chr(31) || coalesce(current_setting('nuanxin.district', true), '');
    cached text := current_setting('nuanxin.write_district', true);
    found bigint;
  begin
    if cached is not null and split_part(cached, chr(30), 1) = key then return split_part(cached, chr(30), 2)::bigint; end if;
    found := coalesce(nuanxin_district(), nuanxin_only_district());
    perform set_config('nuanxin.write_district', key || chr(30) || found, false);
    return found;
  end $$`;

export const ONLY_DISTRICT_FUNCTION = `create or replace function nuanxin_only_district() returns bigint
  language plpgsql stable security definer set search_path from current as $$
  declare found bigint[];
  begin
    select array_agg(id) into found from districts;
    if coalesce(array_length(found, 1), 0) = 1 then return found[1]; end if;
    raise exception 'no district chosen' using errcode = 'NX001', hint = 'this database holds several districts: name one with --district';
  end $$`;

export function accessFunctionSql(name: string): string {
  const fn = ACCESS_FUNCTIONS[name]!;
  return `create or replace function ${name}() returns ${fn.returns} language sql stable security definer set search_path from current as $$ ${fn.body} $$`;
}

/** The tables with an `operator` column: a clerk's rows name their role. */
export const OPERATOR_TABLES = ['access_log', 'audit_log', 'case_events', 'community_measures', 'fund_entries', 'gift_stock_entries', 'imports', 'point_entries', 'wish_events', 'worker_history'];

export const operatorTrigger = (table: string) => `${table}_operator_is_role`;

/**
 * The operator a clerk's row records is their database role, whatever the client claims, on insert and
 * on update. Names are qualified (a session's temporary `districts` must not answer for the real one).
 */
export function operatorFunctionSql(schema: string): string {
  return `create or replace function nuanxin_operator_is_role() returns trigger language plpgsql as $$
  begin
    -- Cheap for the common rows (a clerk's client already writes their login): no lookup per row of an import.
    if new.operator is distinct from session_user
       and not pg_catalog.pg_has_role(session_user, (select c.relowner from pg_catalog.pg_class c where c.oid = '${schema}.districts'::regclass), 'MEMBER') then
      new.operator := session_user;
    end if;
    return new;
  end $$`;
}

/** A row of the same table seen by the session (a reversal's entry): row security applies inside, as the caller. */
export const ROW_VISIBLE_FUNCTION = `create or replace function nuanxin_row_visible(t regclass, row_id bigint) returns boolean
  language plpgsql stable set search_path from current as $$
  declare found boolean;
  begin
    execute format('select exists (select 1 from %s where id = $1)', t) into found using row_id;
    return found;
  end $$`;

/**
 * The search path every function of this file is created under (PostgreSQL's advice for SECURITY
 * DEFINER): the schema, then the session's temporary schema named last, so that no session's
 * temporary table can stand in for accounts (pg_catalog, unnamed, is searched first).
 */
export function safeSearchPath(schema: string): string {
  return `${schema}, pg_temp`;
}
