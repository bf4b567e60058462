// What `db check` proves of the money ledger: it balances. Each reversal negates the entry it
// reverses exactly, once, and is never itself reversed; in is positive and out negative; no action's
// balance is below zero; what an entry was for still exists.
import { sql } from 'kysely';
import type { Invariant } from '../admin/invariants.js';

export const FUND_INVARIANTS: Invariant[] = [
  {
    name: 'every money reversal negates the entry it reverses',
    async run(db) {
      const rows = await sql<{ id: number }>`
        select r.id from fund_entries r left join fund_entries o on o.id = r.reverses_id
        where r.kind = 'reverse' and (o.id is null or o.kind = 'reverse' or r.amount_fen <> -o.amount_fen
          or coalesce(r.action, '') <> coalesce(o.action, ''))`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.fund_entry', params: { id: r.id } }));
    },
  },
  {
    name: 'money in is positive, money out negative',
    async run(db) {
      const rows = await sql<{ id: number }>`
        select id from fund_entries where (kind = 'in' and amount_fen <= 0) or (kind = 'out' and amount_fen >= 0)
          or (kind <> 'reverse' and reverses_id is not null)`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.fund_entry', params: { id: r.id } }));
    },
  },
  {
    name: "no action's money balance is below zero",
    async run(db) {
      const rows = await sql<{ action: string; fen: number }>`
        select action, sum(amount_fen) as fen from fund_entries where action is not null group by action having sum(amount_fen) < 0`.execute(db);
      return rows.rows.map((r) => ({
        check: this.name,
        key: 'dbcheck.detail.fund_balance',
        params: { action: r.action, yuan: (Number(r.fen) / 100).toFixed(2) },
        terms: { action: 'action' },
      }));
    },
  },
  {
    name: 'what money was spent on still exists',
    async run(db) {
      const rows = await sql<{ id: number }>`
        select f.id from fund_entries f where f.for_id is not null and not exists (
          select 1 from stations s where f.for_kind = 'station' and s.id = f.for_id
          union all select 1 from childcare_sites c where f.for_kind = 'site' and c.id = f.for_id
          union all select 1 from wishes w where f.for_kind = 'wish' and w.id = f.for_id
          union all select 1 from events e where f.for_kind = 'event' and e.id = f.for_id
          union all select 1 from care_visits v where f.for_kind = 'care' and v.id = f.for_id)`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.fund_entry', params: { id: r.id } }));
    },
  },
];
