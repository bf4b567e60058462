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
          `.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.fund_entry', params: { id: r.id } }));
    },
  },
  {
    name: "no action's money balance is below zero",
    async run(db) {
      // On no day: the running balance, entry day by entry day, never dips below zero.
      const rows = await sql<{ action: string; business_date: string; fen: number }>`
        select action, business_date, sum(amount_fen) as fen from fund_entries where action is not null
        group by action, business_date order by action, business_date`.execute(db);
      const problems = [];
      const running = new Map<string, number>();
      for (const r of rows.rows) {
        const balance = (running.get(r.action) ?? 0) + Number(r.fen);
        running.set(r.action, balance);
        if (balance < 0) {
          problems.push({
            check: this.name,
            key: 'dbcheck.detail.fund_balance',
            params: { action: r.action, date: r.business_date, yuan: (balance / 100).toFixed(2) },
            terms: { action: 'action' },
          });
        }
      }
      return problems;
    },
  },
  {
    name: 'every money entry has an action, a real date and a fitting target',
    async run(db) {
      const rows = await sql<{ id: number; business_date: string }>`
        select id, business_date from fund_entries
        where action is null or (kind = 'in' and (unit_id is null or for_kind is not null))
          or (kind <> 'reverse' and reverses_id is not null)`.execute(db);
      const dated = await sql<{ id: number; business_date: string }>`select id, business_date from fund_entries`.execute(db);
      // A real ISO date reads back the same; anything else does not parse or rolls over.
      const badDate = dated.rows.filter((r) => {
        const day = new Date(`${r.business_date}T00:00:00Z`);
        return Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== r.business_date;
      });
      return [...rows.rows, ...badDate].map((r) => ({ check: this.name, key: 'dbcheck.detail.fund_entry', params: { id: r.id } }));
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
