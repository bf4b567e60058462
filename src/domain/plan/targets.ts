// The year's targets (指标) for each action, for the district, a 街道 or a community, and how far
// each has come: the actual is the same figure the programme dashboard shows, over the year so far.
import { NotFoundError, UsageError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { addDays, daysBetween } from '../clock.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { actionFigures } from '../reports/programme.js';
import { resolveScope, subdistrictCommunities } from '../reports/scope.js';
import type { Scope } from '../reports/figures.js';
import { normalizeText } from '../text/normalize.js';
import { actionNo, parseAction, parseYear } from './actions.js';

/**
 * What a target may be set on: each action's figures that measure progress (not its warnings, such
 * as expired medicine or overdue wishes). Every one is a figure of the programme dashboard.
 */
export const TARGET_METRICS: Record<string, readonly string[]> = {
  stations: ['open', 'fully_equipped'],
  housing: ['applied', 'allocated', 'workers_reached'],
  disputes: ['opened', 'resolved', 'recovered_yuan', 'legal_events'],
  health: ['events', 'attendance', 'reached', 'workers_reached', 'care_visits'],
  childcare: ['sites', 'courses', 'enrolled', 'volunteers', 'workers_reached'],
  safety_team: ['members'],
  points: ['awarded', 'redeemed', 'earners'],
  friendly: ['rider_friendly_communities', 'merchants'],
  skills: ['events', 'attendance', 'reached', 'workers_reached'],
  wishes: ['collected', 'claimed', 'fulfilled', 'workers_reached'],
};

export type TargetPlace = { community?: string; subdistrict?: string };
export type TargetScope = 'district' | 'subdistrict' | 'community';

export type Target = { id: number; no: number; action: string; metric: string; year: number; scope: TargetScope; place: string | null; value: number };

export type TargetStatus = 'met_early' | 'met' | 'on_track' | 'behind' | 'missed' | 'not_started';

export type TargetProgress = Target & { actual: number; percent: number; missing: number; expected: number; status: TargetStatus };

export type TargetsReport = {
  year: number;
  as_of: string;
  elapsed_percent: number;
  community: string | null;
  subdistrict: string | null;
  targets: TargetProgress[];
};

function metricOf(action: string, value: string): string {
  const metric = normalizeText(value).toLowerCase();
  if (!TARGET_METRICS[action]!.includes(metric)) {
    throw new ValidationError({ key: 'target.bad_metric', params: { action, value, accepted: TARGET_METRICS[action]!.join(', ') }, terms: { action: 'action' } });
  }
  return metric;
}

function targetValue(value: string | number): number {
  const text = String(value).trim();
  const n = Number(text);
  if (!/^\d{1,10}$/.test(text) || n > 1_000_000_000) throw new ValidationError({ key: 'target.bad_value', params: { value } });
  return n;
}

type PlaceIds = { communityId: number | null; subdistrictId: number | null; place: string | null };

async function placeOf(db: Db, ctx: Ctx, place: TargetPlace): Promise<PlaceIds> {
  if (place.community && place.subdistrict) throw new UsageError({ key: 'report.community_or_subdistrict' });
  if (place.community) {
    const c = await resolveCommunity(db, ctx, place.community);
    return { communityId: c.id, subdistrictId: null, place: c.name };
  }
  if (place.subdistrict) {
    const name = normalizeText(place.subdistrict);
    await subdistrictCommunities(db, name); // refuses an unknown 街道 with the closest names
    const row = await db.selectFrom('subdistricts').select('id').where('name', '=', name).executeTakeFirstOrThrow();
    return { communityId: null, subdistrictId: row.id, place: name };
  }
  return { communityId: null, subdistrictId: null, place: null };
}

function targetQuery(db: Db) {
  return db
    .selectFrom('targets as t')
    .leftJoin('communities as c', 'c.id', 't.community_id')
    .leftJoin('subdistricts as s', 's.id', 't.subdistrict_id')
    .select(['t.id', 't.action', 't.metric', 't.year', 't.value', 't.community_id', 't.subdistrict_id', 'c.name as community', 's.name as subdistrict']);
}

type TargetRow = { id: number; action: string; metric: string; year: number; value: number; community: string | null; subdistrict: string | null };

function targetOf(r: TargetRow): Target {
  const scope: TargetScope = r.community ? 'community' : r.subdistrict ? 'subdistrict' : 'district';
  return { id: r.id, no: actionNo(r.action), action: r.action, metric: r.metric, year: r.year, scope, place: r.community ?? r.subdistrict ?? null, value: Number(r.value) };
}

/** The id and value of the target of that action, figure, year and place, if one is set. */
async function findTargetRow(db: Db, key: { action: string; metric: string; year: number }, ids: PlaceIds) {
  let query = db.selectFrom('targets').select(['id', 'value']).where('action', '=', key.action).where('metric', '=', key.metric).where('year', '=', key.year);
  query = ids.communityId === null ? query.where('community_id', 'is', null) : query.where('community_id', '=', ids.communityId);
  query = ids.subdistrictId === null ? query.where('subdistrict_id', 'is', null) : query.where('subdistrict_id', '=', ids.subdistrictId);
  return query.executeTakeFirst();
}

/** Sets (or changes) one target; the audit trail keeps the value it replaced. */
export async function setTarget(ctx: Ctx, input: { action: string; metric: string; value: string | number; year?: string | number } & TargetPlace): Promise<Target> {
  const action = parseAction(input.action);
  const metric = metricOf(action, input.metric);
  const value = targetValue(input.value);
  const year = parseYear(input.year ?? ctx.clock.today().slice(0, 4), ctx.clock.today());
  const id = await inTransaction(ctx, async (trx) => {
    const ids = await placeOf(trx, ctx, input);
    const existing = await findTargetRow(trx, { action, metric, year }, ids);
    const now = ctx.clock.now().toISOString();
    let id: number;
    if (existing) {
      await trx.updateTable('targets').set({ value, updated_at: now }).where('id', '=', existing.id).execute();
      id = existing.id;
    } else {
      const row = await trx
        .insertInto('targets')
        .values({ action, metric, year, value, community_id: ids.communityId, subdistrict_id: ids.subdistrictId, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    }
    await recordAudit(trx, ctx, {
      action: existing ? 'update' : 'create',
      entity: 'target',
      entityKey: `${action}.${metric}/${year}${ids.place ? `/${ids.place}` : ''}`,
      detail: { before: existing ? Number(existing.value) : null, after: value },
    });
    return id;
  });
  return targetOf((await targetQuery(ctx.db).where('t.id', '=', id).executeTakeFirstOrThrow()) as TargetRow);
}

/** Removes one target (the audit trail keeps its value). */
export async function clearTarget(ctx: Ctx, input: { action: string; metric: string; year?: string | number } & TargetPlace): Promise<Target> {
  const action = parseAction(input.action);
  const metric = metricOf(action, input.metric);
  const year = parseYear(input.year ?? ctx.clock.today().slice(0, 4), ctx.clock.today());
  return inTransaction(ctx, async (trx) => {
    const ids = await placeOf(trx, ctx, input);
    const found = await findTargetRow(trx, { action, metric, year }, ids);
    const row = found && (await targetQuery(trx).where('t.id', '=', found.id).executeTakeFirst());
    if (!row)
      throw new NotFoundError({
        key: 'target.not_found',
        params: { action, metric, year, place: ids.place ? ` ${ids.place} ` : '' },
        hintKey: 'target.not_found.hint',
        terms: { action: 'action' },
      });
    const target = targetOf(row as TargetRow);
    await trx.deleteFrom('targets').where('id', '=', target.id).execute();
    await recordAudit(trx, ctx, {
      action: 'delete',
      entity: 'target',
      entityKey: `${action}.${metric}/${year}${ids.place ? `/${ids.place}` : ''}`,
      detail: { before: target.value },
    });
    return target;
  });
}

export type TargetFilter = { year: number; action?: string; community?: string; subdistrict?: string };

/** Targets of a year: all of them, or those of one 街道 (its own and its communities') or one community. */
export async function listTargets(db: Db, filter: TargetFilter): Promise<Target[]> {
  if (filter.community && filter.subdistrict) throw new UsageError({ key: 'report.community_or_subdistrict' });
  let query = targetQuery(db).where('t.year', '=', filter.year);
  if (filter.action) query = query.where('t.action', '=', parseAction(filter.action));
  if (filter.community) {
    // Stryker disable next-line StringLiteral: only the community ids are read, which no time zone changes
    const scope = await resolveScope(db, { community: filter.community }, 'UTC');
    query = query.where('t.community_id', 'in', scope.communityIds!);
  }
  if (filter.subdistrict) {
    const name = normalizeText(filter.subdistrict);
    const ids = await subdistrictCommunities(db, name);
    query = query.where((eb) => eb.or([eb('s.name', '=', name), eb('t.community_id', 'in', ids.length ? ids : [-1])]));
  }
  const rows = (await query.execute()) as TargetRow[];
  const placeOrder = (t: Target) => (t.scope === 'district' ? 0 : t.scope === 'subdistrict' ? 1 : 2);
  return rows
    .map(targetOf)
    .sort(
      (a, b) =>
        a.no - b.no ||
        TARGET_METRICS[a.action]!.indexOf(a.metric) - TARGET_METRICS[b.action]!.indexOf(b.metric) ||
        placeOrder(a) - placeOrder(b) ||
        (a.place ?? '').localeCompare(b.place ?? '', 'zh'),
    );
}

/** The year so far: 1 January to today (or to 31 December of a past year); null before the year starts. */
export function yearSoFar(year: number, today: string): { from: string; to: string; elapsed: number } | null {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  if (today < from) return null;
  // Stryker disable next-line EqualityOperator: on the last day both are today
  const to = today < end ? today : end;
  return { from, to, elapsed: (daysBetween(from, to) + 1) / (daysBetween(from, end) + 1) };
}

function statusOf(actual: number, value: number, expected: number, yearOver: boolean, started: boolean): TargetStatus {
  if (!started) return 'not_started';
  if (actual >= value) return yearOver ? 'met' : 'met_early';
  if (yearOver) return 'missed';
  return actual < expected ? 'behind' : 'on_track';
}

/** The targets set for exactly the report's place (the district's own, one 街道's or one community's) in the year of `today`. */
export async function targetsOfPlace(db: Db, input: { year: number; community?: string; subdistrict?: string; today: string; timeZone: string }): Promise<TargetProgress[]> {
  const report = await targetsReport(db, input);
  // The report already keeps to the place and the places within it: its own are those of its level.
  const scope: TargetScope = input.community ? 'community' : input.subdistrict ? 'subdistrict' : 'district';
  return report.targets.filter((t) => t.scope === scope);
}

/** Each target against its actual (computed at the target's own place), the share still missing, and a flag. */
export async function targetsReport(db: Db, input: TargetFilter & { today: string; timeZone: string }): Promise<TargetsReport> {
  const targets = await listTargets(db, input);
  const span = yearSoFar(input.year, input.today);
  const asOf = span?.to ?? addDays(`${input.year}-01-01`, -1);
  const actualsByPlace = new Map<string, Record<string, Record<string, number>>>();
  const actualsAt = async (t: Target) => {
    // Stryker disable next-line StringLiteral: any text for "no place" keeps the keys apart
    const key = `${t.scope}:${t.place ?? ''}`;
    if (!span) return {};
    // Stryker disable next-line ConditionalExpression: a memo — computing again gives the same figures
    if (!actualsByPlace.has(key)) {
      // Stryker disable next-line ConditionalExpression: the district's targets have no place, and { subdistrict: null } is the whole district as {} is
      const scope: Scope = await resolveScope(db, t.scope === 'community' ? { community: t.place! } : t.scope === 'subdistrict' ? { subdistrict: t.place! } : {}, input.timeZone);
      actualsByPlace.set(key, Object.fromEntries(await actionFigures(db, { from: span.from, to: span.to }, scope)));
    }
    return actualsByPlace.get(key)!;
  };
  const rows: TargetProgress[] = [];
  for (const t of targets) {
    // Money figures are yuan with cents: rounded so 1 − 0.7 is 0.3, not 0.30000000000000004.
    const actual = Math.round(((await actualsAt(t))[t.action]?.[t.metric] ?? 0) * 100) / 100;
    const expected = span ? Math.ceil(t.value * span.elapsed) : 0;
    const percent = t.value === 0 ? 100 : Math.floor((actual / t.value) * 100);
    rows.push({
      ...t,
      actual,
      percent,
      missing: Math.max(0, Math.round((t.value - actual) * 100) / 100),
      expected,
      status: statusOf(actual, t.value, expected, input.today > `${input.year}-12-31`, span !== null),
    });
  }
  return {
    year: input.year,
    as_of: asOf,
    elapsed_percent: span ? Math.floor(span.elapsed * 100) : 0,
    community: input.community ? normalizeText(input.community) : null,
    subdistrict: input.subdistrict ? normalizeText(input.subdistrict) : null,
    targets: rows,
  };
}
