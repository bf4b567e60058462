import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../../../migrations/helpers.js';
import type { DB } from '../../db/schema.js';
import { sessionKind } from '../../db/session.js';
import { ConflictError, UsageError } from '../../errors.js';

/** One figure of a city report: its key, and whether a city total means anything (a count does; an average does not). */
export type CityFigure = { key: string; value: number; additive: boolean };

export type CityReport<R, F extends CityFigure = CityFigure> = {
  districts: { district: string; report: R; figures: F[] }[];
  totals: Record<string, number | null>;
  /** Active workers registered in more than one district, linked by the salted hash of their phone. */
  workersInSeveralDistricts: number;
};

/**
 * A report for every district of a city's server, each computed as that district's office would see
 * it (the server narrows every read to the district named for the moment), then the city's totals.
 * Only the owner and the city role may ask; figures are aggregates (the city reads no personal column).
 * `db` is one snapshot (readTx), so the districts' figures are of one moment.
 */
export async function cityReport<R, F extends CityFigure>(db: Kysely<DB>, build: (db: Kysely<DB>) => Promise<R>, figuresOf: (report: R) => F[]): Promise<CityReport<R, F>> {
  if (!isPostgres(db)) throw new UsageError({ key: 'report.city_only' });
  const kind = await sessionKind(db);
  if (kind !== 'owner' && kind !== 'city') throw new ConflictError({ key: 'report.city_only' });
  const districts = await db.selectFrom('districts').select('name').where('name', '<>', '').orderBy('name').execute();
  const out: CityReport<R, F>['districts'] = [];
  for (const { name } of districts) {
    await sql`select set_config('nuanxin.district', ${name}, true)`.execute(db);
    const report = await build(db);
    out.push({ district: name, report, figures: figuresOf(report) });
  }
  await sql`select set_config('nuanxin.district', '', true)`.execute(db);
  return { districts: out, totals: cityTotals(out.map((d) => d.figures)), workersInSeveralDistricts: await workersInSeveralDistricts(db) };
}

/** Counted by the salted hash of the phone (`phone_link`): the city links records without reading a number. */
async function workersInSeveralDistricts(db: Kysely<DB>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select phone_link from workers
    where active = 1 and phone_link is not null group by phone_link having count(distinct district_id) > 1) linked`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Each figure summed over the districts (money to the fen); a figure that does not add up has no total. */
export function cityTotals(perDistrict: CityFigure[][]): Record<string, number | null> {
  const totals: Record<string, number | null> = {};
  for (const figures of perDistrict) {
    for (const f of figures) {
      if (!f.additive) totals[f.key] = null;
      else if (totals[f.key] !== null) totals[f.key] = Math.round(((totals[f.key] ?? 0) + f.value) * 100) / 100;
    }
  }
  return totals;
}
