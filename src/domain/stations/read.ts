import { NotFoundError } from '../../errors.js';
import type { Db } from '../context.js';
import { STANDARD_ITEMS, type Amenity } from './amenities.js';

export type Station = {
  id: number;
  code: string;
  name: string;
  community: string;
  subdistrict: string | null;
  address: string | null;
  host: string | null;
  contactName: string | null;
  contactPhone: string | null;
  hours: string | null;
  openedOn: string | null;
  status: 'open' | 'closed';
  closedReason: string | null;
  closedOn: string | null;
  medicineExpiresOn: string | null;
  amenities: Amenity[];
  createdAt: string;
  updatedAt: string;
};

export type StationFilter = { community?: string; communityIds?: number[]; missing?: Amenity; status?: 'open' | 'closed'; code?: string };

export async function listStations(db: Db, filter: StationFilter = {}): Promise<Station[]> {
  let query = db
    .selectFrom('stations as st')
    .innerJoin('communities as c', 'c.id', 'st.community_id')
    .leftJoin('subdistricts as s', 's.id', 'c.subdistrict_id')
    .leftJoin('units as h', 'h.id', 'st.host_id')
    .selectAll('st')
    .select(['c.name as community', 's.name as subdistrict', 'h.name as host'])
    .orderBy('st.code');
  if (filter.code) query = query.where('st.code', '=', filter.code);
  if (filter.community) query = query.where('c.name', '=', filter.community);
  if (filter.communityIds) query = query.where('c.id', 'in', filter.communityIds.length ? filter.communityIds : [-1]);
  if (filter.status) query = query.where('st.status', '=', filter.status);
  if (filter.missing) {
    const missing = filter.missing;
    query = query.where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('station_amenities as a').select('a.amenity').whereRef('a.station_id', '=', 'st.id').where('a.amenity', '=', missing))),
    );
  }
  const rows = await query.execute();
  const amenities = await amenitiesByStation(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    community: r.community,
    subdistrict: r.subdistrict,
    address: r.address,
    host: r.host,
    contactName: r.contact_name,
    contactPhone: r.contact_phone,
    hours: r.hours,
    openedOn: r.opened_on,
    status: r.status,
    closedReason: r.closed_reason,
    closedOn: r.closed_on,
    medicineExpiresOn: r.medicine_expires_on,
    amenities: amenities.get(r.id) ?? [],
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

async function amenitiesByStation(db: Db, ids: number[]): Promise<Map<number, Amenity[]>> {
  const result = new Map<number, Amenity[]>();
  // Stryker disable next-line ConditionalExpression: a shortcut (no ids, no rows wanted)
  if (ids.length === 0) return result;
  // One station (show, update) reads its own rows; a long list reads the whole (small) table in one go.
  let query = db.selectFrom('station_amenities').select(['station_id', 'amenity']);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: either way gives the same rows (the filter below keeps the wanted ones); only the cost differs
  if (ids.length <= 500) query = query.where('station_id', 'in', ids);
  const rows = await query.execute();
  const order = new Map<string, number>(STANDARD_ITEMS.map((k, i) => [k, i]));
  const wanted = new Set(ids);
  for (const row of rows) {
    // Stryker disable next-line ConditionalExpression: another station's rows are never read from the map (its lists come from the ids asked)
    if (!wanted.has(row.station_id)) continue;
    const list = result.get(row.station_id) ?? [];
    list.push(row.amenity as Amenity);
    result.set(row.station_id, list);
  }
  for (const list of result.values()) list.sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99));
  return result;
}

export async function getStation(db: Db, code: string): Promise<Station> {
  const [station] = await listStations(db, { code });
  if (!station) throw new NotFoundError({ key: 'station.not_found', params: { code }, hintKey: 'station.not_found.hint' });
  return station;
}
