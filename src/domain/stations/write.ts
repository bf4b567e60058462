import { ConflictError, ValidationError } from '../../errors.js';
import type { Updateable } from 'kysely';
import type { StationsTable } from '../../db/schema.js';

type StationColumns = Updateable<StationsTable>;
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Tx } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { dateWithin, oneYearAfter, type DateWindow } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { parseAmenities, type Amenity } from './amenities.js';
import { getStation, type Station } from './read.js';
import { maskPhone } from '../privacy.js';
import { ensureUnit, unitIdOf } from '../units/units.js';

export type StationInput = {
  code?: string;
  name?: string;
  community?: string;
  address?: string;
  host?: string;
  contactName?: string;
  contactPhone?: string;
  hours?: string;
  amenities?: string | string[];
  openedOn?: string;
  medicineExpiresOn?: string;
};

/**
 * `createCommunity`: an unknown community is added (under `subdistrict`, when given) instead of refused.
 * `registeredHosts`: an unknown host is registered as a unit (type `other`) and its name added here
 * (a ledger's import), instead of refused with the closest names (a clerk typing `--host`).
 */
export type WriteOptions = { createCommunity?: boolean; subdistrict?: string; registeredHosts?: Set<string> };

/** Station phones may be landlines (0379-6xxxxxxx) or mobiles; keep digits and dashes. */
function contactPhone(value: string | undefined): string | undefined {
  // Stryker disable next-line Regex: a global replace of each space removes runs of them too
  const text = optionalText(value)?.replace(/\s+/g, '');
  if (text === undefined) return undefined;
  if (!/^\+?[\d-]{7,20}$/.test(text)) {
    throw new ValidationError({ key: 'invalid.phone', params: { field: 'phone', value: text } });
  }
  return text;
}

async function nextStationCode(trx: Tx): Promise<string> {
  const rows = await trx.selectFrom('stations').select('code').where('code', 'like', 'ST%').execute();
  const max = rows.reduce((m, r) => Math.max(m, /^ST(\d+)$/.exec(r.code) ? Number(r.code.slice(2)) : 0), 0);
  return `ST${String(max + 1).padStart(4, '0')}`;
}

// A station may predate the programme (a depot's rest corner since 2015) or open within the coming year;
// medicine is bought at most a few years ahead. Outside these, a date is a typo.
const STATION_OPENED = (today: string): DateWindow => ({ min: '2000-01-01', max: oneYearAfter(today) });
const MEDICINE_EXPIRY = (today: string): DateWindow => ({ min: '2000-01-01', max: `${Number(today.slice(0, 4)) + 10}${today.slice(4)}` });

function windowDate(input: string | undefined, field: string, window: DateWindow): string | undefined {
  return input === undefined || input.trim() === '' ? undefined : dateWithin(input, field, window);
}

/** Checks the fields given (contact phone, dates) as a write would, throwing its ValidationError: a prompt checks one answer with it. */
export function checkStationFields(input: Partial<StationInput>, today: string): void {
  columnsFrom(input as StationInput, today);
}

/** Maps the optional fields of an input to columns; absent fields are left out. */
function columnsFrom(input: StationInput, today: string): StationColumns {
  const columns: StationColumns = {};
  const set = <K extends keyof StationColumns>(key: K, value: StationColumns[K] | undefined) => {
    if (value !== undefined) columns[key] = value;
  };
  set('name', optionalText(input.name));
  set('address', optionalText(input.address));
  set('contact_name', optionalText(input.contactName));
  set('contact_phone', contactPhone(input.contactPhone));
  set('hours', optionalText(input.hours));
  set('opened_on', windowDate(input.openedOn, 'opened', STATION_OPENED(today)));
  set('medicine_expires_on', windowDate(input.medicineExpiresOn, 'medicine-expires', MEDICINE_EXPIRY(today)));
  return columns;
}

/** The columns of `columnsFrom`, and the host: a registered unit (an unknown name is refused with the closest ones). */
async function columnsWithHost(trx: Tx, ctx: Ctx, input: StationInput, options: WriteOptions): Promise<StationColumns> {
  const columns = columnsFrom(input, ctx.clock.today());
  const name = optionalText(input.host);
  if (name === undefined) return columns;
  if (options.registeredHosts) {
    const unit = await ensureUnit(trx, ctx, name);
    if (unit.created) options.registeredHosts.add(normalizeText(name));
    columns.host_id = unit.id;
  } else {
    columns.host_id = (await unitIdOf(trx, name))!;
  }
  return columns;
}

async function replaceAmenities(trx: Tx, stationId: number, amenities: Amenity[]): Promise<void> {
  await trx.deleteFrom('station_amenities').where('station_id', '=', stationId).execute();
  if (amenities.length === 0) return;
  await trx
    .insertInto('station_amenities')
    .values(amenities.map((amenity) => ({ station_id: stationId, amenity })))
    .execute();
}

/** Inserts one station inside `trx` (shared by `station add` and `station import`). */
export async function insertStation(trx: Tx, ctx: Ctx, input: StationInput, options: WriteOptions): Promise<string> {
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  if (!normalizeText(input.community)) throw new ValidationError({ key: 'invalid.required', params: { field: 'community' } });
  const amenities = parseAmenities(input.amenities);
  const columns = await columnsWithHost(trx, ctx, input, options);
  const community = await resolveCommunity(trx, ctx, input.community!, { create: options.createCommunity, subdistrict: options.subdistrict });
  const code = normalizeText(input.code) || (await nextStationCode(trx));
  const clash = await trx.selectFrom('stations').select('id').where('code', '=', code).executeTakeFirst();
  if (clash) throw new ConflictError({ key: 'station.exists', params: { code } });
  const now = ctx.clock.now().toISOString();
  const row = await trx
    .insertInto('stations')
    .values({ ...columns, code, name, community_id: community.id, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceAmenities(trx, row.id, amenities);
  await recordAudit(trx, ctx, {
    action: 'create',
    entity: 'station',
    entityKey: code,
    detail: { ...columns, contact_phone: maskPhone(columns.contact_phone), name, community: community.name, amenities },
  });
  return code;
}

export async function addStation(ctx: Ctx, input: StationInput, options: WriteOptions = {}): Promise<Station> {
  const code = await inTransaction(ctx, (trx) => insertStation(trx, ctx, input, options));
  return getStation(ctx.db, code);
}

type Change = Record<string, [unknown, unknown]>;

function diff(before: Record<string, unknown>, after: Record<string, unknown>): Change {
  const changes: Change = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before[key] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value ?? null)) changes[key] = [old, value ?? null];
  }
  return changes;
}

/** Applies a change to one station inside `trx`; records old → new in the audit trail. */
async function changeStationIn(
  trx: Tx,
  ctx: Ctx,
  code: string,
  action: string,
  apply: (station: Station) => Promise<Record<string, unknown>>,
  extra?: Record<string, unknown>,
): Promise<Change> {
  const before = await getStation(trx, code);
  const changes = diff(before as unknown as Record<string, unknown>, await apply(before));
  if (Object.keys(changes).length === 0 && !extra) return changes;
  await trx.updateTable('stations').set({ updated_at: ctx.clock.now().toISOString() }).where('id', '=', before.id).execute();
  await recordAudit(trx, ctx, { action, entity: 'station', entityKey: code, detail: { changes: maskChanges(changes), ...extra } });
  return changes;
}

async function changeStation(
  ctx: Ctx,
  code: string,
  action: string,
  apply: (trx: Tx, station: Station) => Promise<Record<string, unknown>>,
  extra?: Record<string, unknown>,
): Promise<Station> {
  await inTransaction(ctx, (trx) => changeStationIn(trx, ctx, code, action, (station) => apply(trx, station), extra));
  return getStation(ctx.db, code);
}

/** The audit trail holds no raw phone numbers. */
function maskChanges(changes: Change): Change {
  const masked = { ...changes };
  if (masked.contactPhone) masked.contactPhone = masked.contactPhone.map((v) => maskPhone(v as string | null)) as [unknown, unknown];
  return masked;
}

/** Updates the given fields of one station inside `trx` (shared by `station update` and `station import`). */
export async function updateStationIn(trx: Tx, ctx: Ctx, code: string, input: StationInput, options: WriteOptions = {}): Promise<Change> {
  return changeStationIn(trx, ctx, code, 'update', async (station) => {
    const columns = await columnsWithHost(trx, ctx, input, options);
    const after: Record<string, unknown> = {};
    if (input.community !== undefined) {
      const community = await resolveCommunity(trx, ctx, input.community, { create: options.createCommunity });
      columns.community_id = community.id;
      after.community = community.name;
    }
    if (Object.keys(columns).length > 0) {
      await trx.updateTable('stations').set(columns).where('id', '=', station.id).execute();
    }
    const fresh = await getStation(trx, code);
    for (const key of ['name', 'address', 'host', 'contactName', 'contactPhone', 'hours', 'openedOn', 'medicineExpiresOn'] as const) {
      after[key] = fresh[key];
    }
    if (input.amenities !== undefined) {
      const amenities = parseAmenities(input.amenities);
      await replaceAmenities(trx, station.id, amenities);
      after.amenities = (await getStation(trx, code)).amenities;
    }
    return after;
  });
}

export async function updateStation(ctx: Ctx, code: string, input: StationInput, options: WriteOptions = {}): Promise<Station> {
  await inTransaction(ctx, (trx) => updateStationIn(trx, ctx, code, input, options));
  return getStation(ctx.db, code);
}

export async function setStationAmenities(ctx: Ctx, code: string, change: { set?: string; unset?: string; medicineExpires?: string }): Promise<Station> {
  const toSet = parseAmenities(change.set);
  const toUnset = parseAmenities(change.unset);
  const medicine = windowDate(change.medicineExpires, 'medicine-expires', MEDICINE_EXPIRY(ctx.clock.today()));
  if (toSet.some((a) => toUnset.includes(a))) {
    throw new ValidationError({ key: 'station.set_and_unset', params: { items: toSet.filter((a) => toUnset.includes(a)).join(', ') } });
  }
  return changeStation(ctx, code, 'amenities', async (trx, station) => {
    const next = new Set(station.amenities);
    for (const a of toSet) next.add(a);
    for (const a of toUnset) next.delete(a);
    await replaceAmenities(trx, station.id, [...next]);
    const after: Record<string, unknown> = { amenities: (await getStation(trx, code)).amenities };
    if (medicine) {
      await trx.updateTable('stations').set({ medicine_expires_on: medicine }).where('id', '=', station.id).execute();
      after.medicineExpiresOn = medicine;
    }
    return after;
  });
}

export async function closeStation(ctx: Ctx, code: string, reason: string): Promise<Station> {
  const why = normalizeText(reason);
  if (!why) throw new ValidationError({ key: 'invalid.required', params: { field: 'reason' } });
  return changeStation(
    ctx,
    code,
    'close',
    async (trx, station) => {
      if (station.status === 'closed') throw new ConflictError({ key: 'station.already_closed', params: { code } });
      const closedOn = ctx.clock.today();
      await trx.updateTable('stations').set({ status: 'closed', closed_reason: why, closed_on: closedOn }).where('id', '=', station.id).execute();
      return { status: 'closed', closedReason: why, closedOn };
    },
    { reason: why },
  );
}

export async function reopenStation(ctx: Ctx, code: string): Promise<Station> {
  return changeStation(
    ctx,
    code,
    'reopen',
    async (trx, station) => {
      if (station.status === 'open') throw new ConflictError({ key: 'station.already_open', params: { code } });
      await trx.updateTable('stations').set({ status: 'open', closed_reason: null, closed_on: null }).where('id', '=', station.id).execute();
      return { status: 'open', closedReason: null, closedOn: null };
    },
    {},
  );
}
