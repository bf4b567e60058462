import { sql } from 'kysely';
import type { Invariant } from '../admin/invariants.js';

export const WISH_INVARIANTS: Invariant[] = [
  {
    name: "every wish's state matches the last entry of its timeline",
    async run(db) {
      const rows = await sql<{ id: number; status: string; last: string | null }>`
        select w.id, w.status, (select e.to_status from wish_events e where e.wish_id = w.id order by e.id desc limit 1) as last
        from wishes w
        where w.status != coalesce((select e.to_status from wish_events e where e.wish_id = w.id order by e.id desc limit 1), '')`.execute(db);
      return rows.rows.map((r) => ({
        check: this.name,
        key: 'dbcheck.detail.wish_state',
        params: { id: r.id, status: r.status, last: r.last ?? '' },
        terms: { status: 'wish_status', last: 'wish_status' },
      }));
    },
  },
  {
    name: 'claimed and later wishes name a sponsor',
    async run(db) {
      const rows = await sql<{ id: number }>`select id from wishes where status in ('claimed', 'fulfilled', 'followed_up') and sponsor_id is null`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.wish', params: { id: r.id } }));
    },
  },
];
