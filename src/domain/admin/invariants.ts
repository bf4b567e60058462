import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { maskPersonalText } from '../privacy.js';
import { STANDARD_ITEMS } from '../stations/amenities.js';

/** One finding: what is wrong, as a message key and its values (the reader's language is not the domain's to choose). */
export type Problem = { check: string; key: string; params: Record<string, string | number>; terms?: Record<string, string> };
export type Invariant = { name: string; run(db: Kysely<DB>): Promise<Problem[]> };

/** The domain's own invariants, checked by `nuanxin db check`. Each area adds its own. */
export const INVARIANTS: Invariant[] = [
  {
    name: 'station amenities are standard items',
    async run(db) {
      const rows = await db
        .selectFrom('station_amenities as a')
        .innerJoin('stations as s', 's.id', 'a.station_id')
        .select(['s.code', 'a.amenity'])
        .where('a.amenity', 'not in', [...STANDARD_ITEMS])
        .execute();
      return rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.station_amenity', params: { code: r.code, amenity: r.amenity } }));
    },
  },
  {
    name: 'closed stations have a reason and date',
    async run(db) {
      const rows = await db
        .selectFrom('stations')
        .select('code')
        .where('status', '=', 'closed')
        .where((eb) => eb.or([eb('closed_reason', 'is', null), eb('closed_on', 'is', null)]))
        .execute();
      return rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.station', params: { code: r.code } }));
    },
  },
  {
    name: 'purged workers hold no personal data',
    async run(db) {
      const rows = await db
        .selectFrom('workers')
        .select('id')
        .where('purged_at', 'is not', null)
        .where((eb) => eb.or([eb('phone', 'is not', null), eb('id_number', 'is not', null)]))
        .execute();
      return rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.worker', params: { id: r.id } }));
    },
  },
  {
    name: "purged workers' notes hold no phone or ID number",
    async run(db) {
      const rows = await db
        .selectFrom('point_entries as e')
        .innerJoin('workers as w', 'w.id', 'e.worker_id')
        .select(['e.id', 'e.note', 'e.reason', 'e.ref'])
        .where('w.purged_at', 'is not', null)
        .execute();
      return rows
        .filter((r) => [r.note, r.reason, r.ref].some((text) => text !== null && maskPersonalText(text) !== text))
        .map((r) => ({ check: this.name, key: 'dbcheck.detail.point_entry', params: { id: r.id } }));
    },
  },
  {
    name: 'import counts match their rows',
    async run(db) {
      const rows = await sql<{ id: number; inserted: number; actual: number }>`
        select i.id, i.inserted, (select count(*) from workers w where w.import_id = i.id) as actual
        from imports i where i.kind = 'workers' and i.inserted < (select count(*) from workers w where w.import_id = i.id)`.execute(db);
      return rows.rows.map((r) => ({ check: this.name, key: 'dbcheck.detail.import_count', params: { id: r.id, recorded: r.inserted, found: r.actual } }));
    },
  },
];
