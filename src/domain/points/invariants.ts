import { sql } from 'kysely';
import type { Invariant } from '../admin/invariants.js';

/** The points ledger proves itself: every cached figure is recomputed from the entries. */
export const POINTS_INVARIANTS: Invariant[] = [
  {
    name: 'point balances equal the sum of their entries, never negative',
    async run(db) {
      const rows = await sql<{ worker_id: number; cached: number | null; actual: number | null }>`
        select coalesce(b.worker_id, e.worker_id) as worker_id, b.balance as cached, e.total as actual
        from point_balances b
        full outer join (select worker_id, sum(points) as total from point_entries group by worker_id) e on e.worker_id = b.worker_id
        where coalesce(b.balance, 0) != coalesce(e.total, 0) or coalesce(e.total, 0) < 0`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.balance', params: { worker: r.worker_id, cached: r.cached ?? 0, actual: r.actual ?? 0 } }));
    },
  },
  {
    name: 'earned, redeemed, reversed and expired totals match the entries',
    async run(db) {
      const rows = await sql<{ worker_id: number }>`
        select b.worker_id from point_balances b
        left join (select worker_id,
            sum(case when kind = 'award' then points else 0 end) as earned,
            sum(case when kind = 'redeem' then -points else 0 end) as redeemed,
            sum(case when kind = 'reverse' then points else 0 end) as reversed,
            sum(case when kind = 'expire' then -points else 0 end) as expired
          from point_entries group by worker_id) e on e.worker_id = b.worker_id
        where b.earned != coalesce(e.earned, 0) or b.redeemed != coalesce(e.redeemed, 0)
           or b.reversed != coalesce(e.reversed, 0) or b.expired != coalesce(e.expired, 0)`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.worker', params: { id: r.worker_id } }));
    },
  },
  {
    name: 'gift stock equals its movements, never negative',
    async run(db) {
      const rows = await sql<{ code: string; stock: number; moved: number }>`
        select g.code, g.stock, coalesce((select sum(delta) from gift_stock_entries s where s.gift_id = g.id), 0) as moved
        from gifts g where g.stock != coalesce((select sum(delta) from gift_stock_entries s where s.gift_id = g.id), 0) or g.stock < 0`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.gift_stock', params: { code: r.code, stock: r.stock, moved: r.moved } }));
    },
  },
  {
    name: 'daily point roll-ups match the entries',
    async run(db) {
      const rows = await sql<{ business_date: string; kind: string }>`
        select coalesce(d.business_date, e.business_date) as business_date, coalesce(d.kind, e.kind) as kind
        from point_daily d
        full outer join (select business_date, coalesce(community_id, 0) as community_id, kind, sum(points) as points, count(*) as entries
                         from point_entries group by business_date, coalesce(community_id, 0), kind) e
          on e.business_date = d.business_date and e.community_id = d.community_id and e.kind = d.kind
        where coalesce(d.points, 0) != coalesce(e.points, 0) or coalesce(d.entries, 0) != coalesce(e.entries, 0)`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.rollup', params: { date: r.business_date, kind: r.kind } }));
    },
  },
  {
    name: 'each reversal undoes one entry of the same worker exactly',
    async run(db) {
      const rows = await sql<{ id: number }>`
        select r.id from point_entries r left join point_entries o on o.id = r.reverses_id
        where r.kind = 'reverse' and (o.id is null or o.worker_id != r.worker_id or o.points != -r.points)`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.point_entry', params: { id: r.id } }));
    },
  },
];
