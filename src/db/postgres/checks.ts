import { sql, type Kysely } from 'kysely';
import { PG_APPEND_ONLY, PG_GUARD_FUNCTIONS, pgBounds, pgGuards } from '../../../migrations/guards.js';
import { DISTRICT_TABLES, OPERATOR_TABLES, operatorTrigger, policies } from '../../../migrations/access.js';
import type { EngineCheck, EngineFinding } from '../port.js';
import type { DB } from '../schema.js';

/**
 * What only the server can say: pages whose checksum failed (when the cluster
 * keeps checksums), foreign keys not validated, and the append-only triggers
 * present, enabled, on their function and unaltered.
 */
export function postgresChecks(db: Kysely<DB>): EngineCheck[] {
  return [
    {
      name: 'integrity_check',
      run: async () => {
        const { rows } = await sql<{ failures: number | null }>`select checksum_failures as failures from pg_stat_database where datname = current_database()`.execute(db);
        const failures = rows[0]?.failures ?? 0;
        return failures > 0 ? [{ key: 'dbcheck.detail.raw', params: { text: `${failures} checksum failure(s) reported by the server` } }] : [];
      },
    },
    {
      name: 'foreign_key_check',
      run: async () => {
        const { rows } = await sql<{ table: string; name: string }>`select conrelid::regclass::text as table, conname as name from pg_constraint
          where contype = 'f' and not convalidated and connamespace = current_schema()::regnamespace`.execute(db);
        return rows.map((r) => ({ key: 'dbcheck.detail.foreign_key', params: { table: r.table, row: r.name, parent: '?' } }));
      },
    },
    { name: 'append-only and whole-number guards are in place', run: () => guardProblems(db) },
    { name: 'row_security', run: () => rowSecurityProblems(db) },
  ];
}

async function guardProblems(db: Kysely<DB>): Promise<EngineFinding[]> {
  const { rows } = await sql<{ name: string; table: string; fn: string; enabled: string; args: string; body: string }>`
    select t.tgname as name, c.relname as table, p.proname as fn, t.tgenabled as enabled,
           encode(t.tgargs, 'escape') as args, p.prosrc as body
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
    where not t.tgisinternal and c.relnamespace = current_schema()::regnamespace`.execute(db);
  const present = new Map(rows.map((r) => [r.name, r]));
  const problems: EngineFinding[] = [];
  const finding = (problem: string, table: string, name: string) => problems.push({ key: `dbcheck.detail.guard_${problem}`, params: { table, name } });
  for (const guard of pgGuards()) {
    const found = present.get(guard.name);
    // 'O' fires in every ordinary session, 'A' always; 'D' (disabled) and 'R' (replica only) let writes through.
    if (!found || (found.enabled !== 'O' && found.enabled !== 'A')) finding('missing', guard.table, guard.name);
    else if (
      found.table !== guard.table ||
      found.fn !== guard.fn ||
      splitArgs(found.args).join(',') !== guard.args.join(',') ||
      folded(found.body) !== folded(PG_GUARD_FUNCTIONS[guard.fn]!)
    ) {
      finding('altered', guard.table, guard.name);
    }
  }
  const { rows: checks } = await sql<{ name: string; table: string; validated: boolean }>`select conname as name, conrelid::regclass::text as table, convalidated as validated
    from pg_constraint where contype = 'c' and connamespace = current_schema()::regnamespace`.execute(db);
  const bounds = new Map(checks.map((c) => [c.name, c]));
  for (const bound of pgBounds()) if (!bounds.get(bound.name)?.validated) finding('missing', bound.table, bound.name);
  // A clerk's rows name their database role (a server of districts only: before it, no such trigger).
  if (await hasDistricts(db)) {
    for (const table of OPERATOR_TABLES) {
      const found = present.get(operatorTrigger(table));
      if (!found || found.table !== table || found.fn !== 'nuanxin_operator_is_role' || (found.enabled !== 'O' && found.enabled !== 'A'))
        finding('missing', table, operatorTrigger(table));
    }
  }
  // Another trigger on a ledger could bend its writes as well as a missing guard.
  const expected = new Set([...pgGuards().map((g) => g.name), ...OPERATOR_TABLES.map(operatorTrigger)]);
  for (const row of rows) if (!expected.has(row.name) && (PG_APPEND_ONLY as readonly string[]).includes(row.table)) finding('unexpected', row.table, row.name);
  return problems;
}

async function hasDistricts(db: Kysely<DB>): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass('accounts')::text as found`.execute(db);
  return rows[0]?.found != null;
}

/**
 * Every table holding district data (and the accounts) has row-level security enabled and forced
 * (forced: the owner's own sessions obey it too), with exactly the policies the migrations made.
 * A policy added by hand is flagged: policies are permissive, so one more can only widen what is seen.
 */
async function rowSecurityProblems(db: Kysely<DB>): Promise<EngineFinding[]> {
  if (!(await hasDistricts(db))) return [];
  const tables = [...DISTRICT_TABLES, 'accounts'];
  const { rows: rels } = await sql<{ table: string; enabled: boolean; forced: boolean }>`
    select relname as table, relrowsecurity as enabled, relforcerowsecurity as forced from pg_class
    where relnamespace = current_schema()::regnamespace and relkind = 'r'`.execute(db);
  const { rows: found } = await sql<{ table: string; name: string; command: string; permissive: string }>`
    select tablename as table, policyname as name, cmd as command, permissive from pg_policies where schemaname = current_schema()`.execute(db);
  const problems: EngineFinding[] = [];
  const byTable = new Map(rels.map((r) => [r.table, r]));
  for (const table of tables) {
    const rel = byTable.get(table);
    if (!rel?.enabled || !rel.forced) problems.push({ key: 'dbcheck.detail.rls_off', params: { table } });
  }
  const wanted = [...policies().map((p) => ({ table: p.table, name: p.name, command: p.command.toUpperCase() })), { table: 'accounts', name: 'accounts_owner', command: 'ALL' }];
  const present = new Map(found.map((p) => [`${p.table}.${p.name}`, p]));
  for (const want of wanted) {
    const got = present.get(`${want.table}.${want.name}`);
    if (!got || got.command !== want.command || got.permissive !== 'PERMISSIVE')
      problems.push({ key: 'dbcheck.detail.policy_missing', params: { table: want.table, name: want.name } });
  }
  const known = new Set(wanted.map((w) => `${w.table}.${w.name}`));
  for (const p of found) if (!known.has(`${p.table}.${p.name}`)) problems.push({ key: 'dbcheck.detail.policy_unexpected', params: { table: p.table, name: p.name } });
  return problems;
}

// tgargs is the arguments, each ended by a NUL byte (escaped as \000).
function splitArgs(raw: string): string[] {
  return raw.split('\\000').filter((a) => a !== '');
}

function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
