/**
 * The database's own guards (SQLite triggers), declared once: migration 0008
 * creates them and `db check` proves each one is present and unaltered.
 * Frozen with 0008 — a changed guard is a new migration and a new list here.
 *
 * Why triggers and not CHECK constraints: SQLite cannot add a CHECK to an
 * existing table without rebuilding it (and every table that refers to it);
 * a BEFORE trigger refuses the same rows on INSERT and UPDATE.
 */

/** Tables whose rows are never changed or removed (corrections are new rows). */
export const APPEND_ONLY_TABLES = ['point_entries', 'gift_stock_entries', 'wish_events', 'case_events'] as const;

/**
 * The unique keys of each append-only table. `INSERT OR REPLACE` (or
 * `REPLACE INTO`) deletes the row holding a conflicting key without firing
 * the delete trigger, so an insert that would meet one is refused first.
 */
const UNIQUE_KEYS: Record<(typeof APPEND_ONLY_TABLES)[number], string[]> = {
  point_entries: ['id', 'ref', 'reverses_id', 'dedupe_key'],
  gift_stock_entries: ['id'],
  wish_events: ['id'],
  case_events: ['id'],
};

const COUNT = 1_000_000_000; // points, quantities, capacities: far past any real figure
const MONEY = 1_000_000_000_000; // fen: ten billion yuan
const TOTAL = 1_000_000_000_000_000; // running totals (balances, roll-ups): still exact in a double

/** Whole-number columns and their bound (|value| ≤ bound); `typeof` must be 'integer' (or null). */
export const INTEGER_COLUMNS: Record<string, Record<string, number>> = {
  point_entries: { points: COUNT, qty: COUNT },
  point_rules: { points: COUNT, daily_cap: COUNT },
  gifts: { cost: COUNT, stock: TOTAL },
  gift_stock_entries: { delta: COUNT },
  point_balances: { balance: TOTAL, earned: TOTAL, redeemed: TOTAL, reversed: TOTAL, expired: TOTAL },
  point_daily: { points: TOTAL, entries: TOTAL },
  wishes: { estimate_fen: MONEY, pledge_fen: MONEY, cost_fen: MONEY },
  wish_events: { amount_fen: MONEY },
  disputes: { amount_fen: MONEY, recovered_fen: MONEY },
  care_visits: { support_fen: MONEY },
  events: { capacity: COUNT },
  childcare_sites: { capacity: COUNT, volunteers: COUNT },
  childcare_enrolments: { child_age: COUNT },
  housing_applications: { household: COUNT },
};

export type Guard = { name: string; table: string; sql: string };

function noReplace(table: (typeof APPEND_ONLY_TABLES)[number]): Guard {
  const clash = UNIQUE_KEYS[table].map((key) => `${key} = new.${key}`).join(' or ');
  return {
    name: `${table}_no_replace`,
    table,
    sql: `create trigger ${table}_no_replace before insert on ${table}
      when exists (select 1 from ${table} where ${clash})
      begin select raise(abort, '${table} is append-only'); end`,
  };
}

function integerGuard(table: string, op: 'insert' | 'update'): Guard {
  const bad = Object.entries(INTEGER_COLUMNS[table]!)
    .map(([column, bound]) => `(new.${column} is not null and (typeof(new.${column}) <> 'integer' or abs(new.${column}) > ${bound}))`)
    .join(' or ');
  return {
    name: `${table}_integers_${op}`,
    table,
    sql: `create trigger ${table}_integers_${op} before ${op} on ${table}
      when ${bad}
      begin select raise(abort, '${table}: a whole number out of range'); end`,
  };
}

/** The append-only triggers made by earlier migrations (see helpers.makeAppendOnly). */
function appendOnly(table: string, op: 'update' | 'delete'): Guard {
  return {
    name: `${table}_no_${op}`,
    table,
    sql: `create trigger ${table}_no_${op} before ${op} on ${table}
         begin select raise(abort, '${table} is append-only'); end`,
  };
}

/** The guards 0008 adds (the append-only ones came with their tables). */
export function guardsAddedIn0008(): Guard[] {
  return [...APPEND_ONLY_TABLES.map(noReplace), ...Object.keys(INTEGER_COLUMNS).flatMap((t) => [integerGuard(t, 'insert'), integerGuard(t, 'update')])];
}

/**
 * 0009: a worker's personal data must be removable on request (PIPL art. 47),
 * also from notes in the ledger and the timelines. Every column but the free
 * text stays append-only; the free text may change only while the purge runs
 * in nuanxin itself (`nuanxin_scrub_allowed()` exists only on nuanxin's own
 * connections, so a raw SQL session cannot change it at all).
 */
export const SCRUBBABLE: Record<'point_entries' | 'wish_events' | 'case_events', { fixed: string[]; text: string[] }> = {
  point_entries: {
    fixed: ['id', 'worker_id', 'kind', 'points', 'rule_id', 'gift_id', 'qty', 'business_date', 'reverses_id', 'community_id', 'import_id', 'operator', 'created_at'],
    text: ['note', 'reason', 'ref', 'dedupe_key'],
  },
  wish_events: { fixed: ['id', 'wish_id', 'at', 'business_date', 'operator', 'from_status', 'to_status', 'sponsor_id', 'amount_fen', 'due_on'], text: ['note'] },
  case_events: { fixed: ['id', 'case_type', 'case_id', 'business_date', 'at', 'operator', 'from_status', 'to_status'], text: ['note'] },
};

export function guardsOf0009(): Guard[] {
  return (Object.keys(SCRUBBABLE) as (keyof typeof SCRUBBABLE)[]).flatMap((table) => [
    {
      name: `${table}_no_update`,
      table,
      sql: `create trigger ${table}_no_update before update of ${SCRUBBABLE[table].fixed.join(', ')} on ${table}
         begin select raise(abort, '${table} is append-only'); end`,
    },
    {
      name: `${table}_text_scrub`,
      table,
      sql: `create trigger ${table}_text_scrub before update of ${SCRUBBABLE[table].text.join(', ')} on ${table}
         when not nuanxin_scrub_allowed()
         begin select raise(abort, '${table} is append-only'); end`,
    },
  ]);
}

/** Whole-number guards on the columns a later migration added, under their own name (0008's stay unaltered). */
function addedIntegers(name: string, table: string, columns: Record<string, number>): Guard[] {
  const bad = Object.entries(columns)
    .map(([column, bound]) => `(new.${column} is not null and (typeof(new.${column}) <> 'integer' or abs(new.${column}) > ${bound}))`)
    .join(' or ');
  return (['insert', 'update'] as const).map((op) => ({
    name: `${name}_${op}`,
    table,
    sql: `create trigger ${name}_${op} before ${op} on ${table}
      when ${bad}
      begin select raise(abort, '${table}: a whole number out of range'); end`,
  }));
}

/**
 * 0015: the money ledger is append-only (its update/delete triggers come with the table, from
 * makeAppendOnly), refuses INSERT OR REPLACE over an entry, and holds whole fen; the new counts
 * (an event's headcount, workers met, reach, volunteers, targets) are whole numbers.
 */
export function guardsOf0015(): Guard[] {
  return [
    {
      name: 'fund_entries_no_replace',
      table: 'fund_entries',
      sql: `create trigger fund_entries_no_replace before insert on fund_entries
      when exists (select 1 from fund_entries where id = new.id or reverses_id = new.reverses_id)
      begin select raise(abort, 'fund_entries is append-only'); end`,
    },
    ...addedIntegers('fund_entries_integers', 'fund_entries', { amount_fen: MONEY }),
    ...addedIntegers('events_headcount_integers', 'events', { headcount: COUNT }),
    ...addedIntegers('visits_integers', 'visits', { workers_met: COUNT }),
    ...addedIntegers('publicity_integers', 'publicity', { reach: COUNT }),
    ...addedIntegers('childcare_volunteers_integers', 'childcare_volunteers', { count: COUNT }),
    ...addedIntegers('targets_integers', 'targets', { value: COUNT, year: COUNT }),
  ];
}

/** Every guard the latest schema has. */
export function expectedGuards(): Guard[] {
  const replaced = new Set(Object.keys(SCRUBBABLE).map((t) => `${t}_no_update`));
  return [
    ...APPEND_ONLY_TABLES.flatMap((t) => [appendOnly(t, 'update'), appendOnly(t, 'delete')]).filter((g) => !replaced.has(g.name)),
    ...guardsAddedIn0008(),
    ...guardsOf0009(),
    appendOnly('fund_entries', 'update'),
    appendOnly('fund_entries', 'delete'),
    ...guardsOf0015(),
  ];
}

/** Whitespace-folded, lower-case SQL: how a guard's definition is compared. */
export function normalizedSql(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/**
 * PostgreSQL's guards (0016). Column types already refuse a fraction where a whole number belongs; the
 * append-only tables keep one trigger each. On the three whose free text a purge may scrub, the trigger
 * lets an UPDATE through only while nuanxin's purge has set `nuanxin.scrubbing` in its own transaction,
 * and only if nothing but those text columns (the trigger's arguments) changed.
 */
export const PG_APPEND_ONLY = ['point_entries', 'gift_stock_entries', 'wish_events', 'case_events', 'fund_entries'] as const;

export const PG_GUARD_FUNCTIONS: Record<string, string> = {
  nuanxin_append_only: `begin raise exception '% is append-only', TG_TABLE_NAME; end`,
  nuanxin_append_only_text: `begin
    if tg_op = 'UPDATE' and coalesce(current_setting('nuanxin.scrubbing', true), '') = 'on'
       and (to_jsonb(new) - tg_argv) = (to_jsonb(old) - tg_argv) then
      return new;
    end if;
    raise exception '% is append-only', TG_TABLE_NAME;
  end`,
};

export type PgGuard = { name: string; table: string; event: 'update or delete' | 'truncate'; fn: keyof typeof PG_GUARD_FUNCTIONS; args: string[] };

/** Per append-only table: a row trigger on UPDATE/DELETE, and a statement trigger on TRUNCATE (which fires no row trigger). */
export function pgGuards(): PgGuard[] {
  return PG_APPEND_ONLY.flatMap((table): PgGuard[] => {
    const text = (SCRUBBABLE as Record<string, { text: string[] } | undefined>)[table]?.text;
    return [
      { name: `${table}_append_only`, table, event: 'update or delete', fn: text ? 'nuanxin_append_only_text' : 'nuanxin_append_only', args: text ?? [] },
      { name: `${table}_no_truncate`, table, event: 'truncate', fn: 'nuanxin_append_only', args: [] },
    ];
  });
}

/** The whole-number columns' bounds as CHECK constraints on PostgreSQL (SQLite's integer triggers, 0008 and 0015). */
export function pgBounds(): { name: string; table: string; column: string; bound: number }[] {
  const added: Record<string, Record<string, number>> = {
    fund_entries: { amount_fen: MONEY },
    events: { headcount: COUNT },
    visits: { workers_met: COUNT },
    publicity: { reach: COUNT },
    childcare_volunteers: { count: COUNT },
    targets: { value: COUNT, year: COUNT },
  };
  const all: Record<string, Record<string, number>> = { ...INTEGER_COLUMNS };
  for (const [table, columns] of Object.entries(added)) all[table] = { ...all[table], ...columns };
  return Object.entries(all).flatMap(([table, columns]) => Object.entries(columns).map(([column, bound]) => ({ name: `${table}_${column}_bounded`, table, column, bound })));
}
