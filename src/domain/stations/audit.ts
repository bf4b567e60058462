import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays } from '../clock.js';
import { STANDARD_ITEMS, type Amenity } from './amenities.js';
import { listStations } from './read.js';

/** Medicine that expires within this many days is flagged. */
export const MEDICINE_WARNING_DAYS = 30;

export type MedicineState = 'ok' | 'expiring' | 'expired' | 'unknown' | 'none';

export type StationAuditRow = {
  code: string;
  name: string;
  community: string;
  missing: Amenity[];
  score: number;
  medicine: MedicineState;
  medicineExpiresOn: string | null;
  compliant: boolean;
  openedOn: string | null;
  createdAt: string;
};

export type StationAudit = {
  asOf: string;
  standard: readonly Amenity[];
  stations: StationAuditRow[];
  totals: {
    stations: number;
    fullyEquipped: number;
    withGaps: number;
    averageScore: number;
    medicineExpired: number;
    medicineExpiring: number;
  };
  byCommunity: { community: string; stations: number; fullyEquipped: number; averageScore: number }[];
};

export function medicineState(hasMedicine: boolean, expiresOn: string | null, today: string): MedicineState {
  if (!hasMedicine) return 'none';
  if (!expiresOn) return 'unknown';
  if (expiresOn < today) return 'expired';
  if (expiresOn <= addDays(today, MEDICINE_WARNING_DAYS)) return 'expiring';
  return 'ok';
}

/** Every open station against the standard list: gaps, score, medicine, totals. */
export async function auditStations(db: Kysely<DB>, input: { today: string; community?: string; communityIds?: number[]; includeClosedAfter?: string }): Promise<StationAudit> {
  // includeClosedAfter: also stations closed after that date (they were open on it; for reports of past periods).
  const all = await listStations(db, { community: input.community, communityIds: input.communityIds });
  const closedAfter = input.includeClosedAfter ?? '9999-12-31';
  const stations = all.filter((s) => s.status === 'open' || (s.closedOn ?? '') > closedAfter);
  const rows = stations.map((s): StationAuditRow => {
    const have = new Set(s.amenities);
    const missing = STANDARD_ITEMS.filter((item) => !have.has(item));
    const medicine = medicineState(have.has('medicine'), s.medicineExpiresOn, input.today);
    const score = Math.round(((STANDARD_ITEMS.length - missing.length) / STANDARD_ITEMS.length) * 100);
    return {
      code: s.code,
      name: s.name,
      community: s.community,
      missing,
      score,
      medicine,
      medicineExpiresOn: s.medicineExpiresOn,
      compliant: missing.length === 0 && medicine !== 'expired',
      openedOn: s.openedOn,
      createdAt: s.createdAt,
    };
  });
  return { asOf: input.today, standard: STANDARD_ITEMS, stations: rows, totals: totalsOf(rows), byCommunity: byCommunity(rows) };
}

function average(values: number[]): number {
  return values.length ? Math.round(values.reduce((a, b) => a + b, 0) / values.length) : 0;
}

function totalsOf(rows: StationAuditRow[]): StationAudit['totals'] {
  const fullyEquipped = rows.filter((r) => r.compliant).length;
  return {
    stations: rows.length,
    fullyEquipped,
    withGaps: rows.length - fullyEquipped,
    averageScore: average(rows.map((r) => r.score)),
    medicineExpired: rows.filter((r) => r.medicine === 'expired').length,
    medicineExpiring: rows.filter((r) => r.medicine === 'expiring').length,
  };
}

function byCommunity(rows: StationAuditRow[]): StationAudit['byCommunity'] {
  const groups = new Map<string, StationAuditRow[]>();
  for (const row of rows) groups.set(row.community, [...(groups.get(row.community) ?? []), row]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh'))
    .map(([community, list]) => ({
      community,
      stations: list.length,
      fullyEquipped: list.filter((r) => r.compliant).length,
      averageScore: average(list.map((r) => r.score)),
    }));
}
