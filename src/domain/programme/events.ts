import { wholeNumber } from '../text/numbers.js';
import { sql } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { findRule } from '../points/catalogue.js';
import { awardIn } from '../points/operations.js';
import { getStation } from '../stations/read.js';
import { plannedDate } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { unitIdOf } from '../units/units.js';
import { acceptedTerms, parseTerm } from '../vocabulary.js';
import { findWorker } from '../workers/read.js';

export type EventRow = {
  id: number;
  type: string;
  title: string;
  date: string;
  community: string | null;
  station: string | null;
  capacity: number | null;
  organiser: string | null;
  rule: string | null;
  attended: number;
  waitlisted: number;
  /** People there who are not named (a headcount), and what the clerk noted of them. */
  headcount: number | null;
  headcountNote: string | null;
};
export type Attendance = { workerId: number; name: string; phone: string | null; status: 'attended' | 'waitlisted'; pointEntryId: number | null; at: string };

export async function addEvent(
  ctx: Ctx,
  input: { type: string; title: string; date: string; community?: string; station?: string; capacity?: number; organiser?: string; rule?: string },
): Promise<EventRow> {
  const type = parseTerm('event_type', input.type);
  if (!type) throw new ValidationError({ key: 'event.bad_type', params: { value: input.type, accepted: acceptedTerms('event_type') } });
  const title = normalizeText(input.title);
  if (!title) throw new ValidationError({ key: 'invalid.required', params: { field: 'title' } });
  if (input.community && input.station) throw new ValidationError({ key: 'event.community_or_station' });
  if (input.capacity !== undefined) wholeNumber(input.capacity, 'capacity');
  const date = plannedDate(input.date, 'date', ctx.clock.today());
  const id = await inTransaction(ctx, async (trx) => {
    const community = input.community ? await resolveCommunity(trx, ctx, input.community) : undefined;
    const station = input.station ? await getStation(trx, normalizeText(input.station)) : undefined;
    const rule = input.rule ? await findRule(trx, input.rule) : undefined;
    const organiser = await unitIdOf(trx, input.organiser);
    const stationCommunity = station ? (await trx.selectFrom('stations').select('community_id').where('id', '=', station.id).executeTakeFirstOrThrow()).community_id : null;
    const row = await trx
      .insertInto('events')
      .values({
        type,
        title,
        event_date: date,
        community_id: community?.id ?? stationCommunity,
        station_id: station?.id ?? null,
        capacity: input.capacity ?? null,
        organiser_id: organiser,
        rule_id: rule?.id ?? null,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'event', entityKey: row.id, detail: { type, title, date } });
    return row.id;
  });
  return getEvent(ctx.db, id);
}

function eventQuery(db: Db) {
  return db
    .selectFrom('events as e')
    .leftJoin('communities as c', 'c.id', 'e.community_id')
    .leftJoin('stations as s', 's.id', 'e.station_id')
    .leftJoin('point_rules as r', 'r.id', 'e.rule_id')
    .leftJoin('units as u', 'u.id', 'e.organiser_id')
    .select((eb) => [
      'e.id',
      'e.type',
      'e.title',
      'e.event_date as date',
      'c.name as community',
      's.code as station',
      'e.capacity',
      'u.name as organiser',
      'e.headcount',
      'e.headcount_note as headcountNote',
      'r.code as rule',
      // Stryker disable next-line StringLiteral: the inner alias is never read (an empty one SQLite accepts; PostgreSQL's run of npm test refuses it)
      eb.selectFrom('event_attendance as a').select(sql<number>`count(*)`.as('n')).whereRef('a.event_id', '=', 'e.id').where('a.status', '=', 'attended').as('attended'),
      // Stryker disable next-line StringLiteral: as above
      eb.selectFrom('event_attendance as a').select(sql<number>`count(*)`.as('n')).whereRef('a.event_id', '=', 'e.id').where('a.status', '=', 'waitlisted').as('waitlisted'),
    ]);
}

const toEvent = (r: Awaited<ReturnType<ReturnType<typeof eventQuery>['executeTakeFirstOrThrow']>>): EventRow => ({
  ...r,
  attended: Number(r.attended ?? 0),
  waitlisted: Number(r.waitlisted ?? 0),
});

export async function getEvent(db: Db, id: number): Promise<EventRow> {
  const row = await eventQuery(db).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError({ key: 'event.not_found', params: { id }, hintKey: 'event.not_found.hint' });
  return toEvent(row);
}

export async function listEvents(db: Db, filter: { type?: string; from?: string; to?: string; community?: string }): Promise<EventRow[]> {
  let q = eventQuery(db).orderBy('e.event_date').orderBy('e.id');
  if (filter.type) q = q.where('e.type', '=', filter.type);
  if (filter.from) q = q.where('e.event_date', '>=', filter.from);
  if (filter.to) q = q.where('e.event_date', '<=', filter.to);
  if (filter.community) q = q.where('c.name', '=', normalizeText(filter.community));
  return (await q.execute()).map(toEvent);
}

export async function attendees(db: Db, eventId: number): Promise<Attendance[]> {
  const rows = await db
    .selectFrom('event_attendance as a')
    .innerJoin('workers as w', 'w.id', 'a.worker_id')
    .select(['a.worker_id as workerId', 'w.name', 'w.phone', 'a.status', 'a.point_entry_id as pointEntryId', 'a.at'])
    .where('a.event_id', '=', eventId)
    .orderBy('a.id')
    .execute();
  return rows;
}

/**
 * Records one worker at an event inside `trx`: twice is refused; past
 * capacity goes to the waiting list unless `overCapacity`; an event with a
 * points rule awards its points through the ledger, once (the ref is unique).
 */
export async function attendIn(
  trx: Tx,
  ctx: Ctx,
  eventId: number,
  workerKey: string,
  options: { overCapacity?: boolean; importId?: number } = {},
): Promise<'attended' | 'waitlisted'> {
  const event = await getEvent(trx, eventId);
  const worker = await findWorker(trx, workerKey);
  const already = await trx.selectFrom('event_attendance').select('status').where('event_id', '=', eventId).where('worker_id', '=', worker.id).executeTakeFirst();
  if (already)
    throw new ConflictError({ key: 'event.already_attending', params: { id: eventId, worker: worker.id, status: already.status }, terms: { status: 'attendance_status' } });
  const full = event.capacity !== null && event.attended >= event.capacity && !options.overCapacity;
  const status = full ? 'waitlisted' : 'attended';
  let entryId: number | null = null;
  if (status === 'attended' && event.rule) {
    // Never a future business date: the earlier of the event's day and today (ISO dates compare as text).
    const today = ctx.clock.today();
    // Stryker disable EqualityOperator: on the event's own day both are today
    // biome-ignore lint/complexity/useMathMinMax: these are date strings, which Math.min would turn into NaN
    const date = event.date <= today ? event.date : today;
    // Stryker restore EqualityOperator
    entryId = (await awardIn(trx, ctx, { worker: workerKey, rule: event.rule, date, note: event.title, ref: `event:${eventId}:worker:${worker.id}`, importId: options.importId }))
      .id;
  }
  await trx
    .insertInto('event_attendance')
    .values({ event_id: eventId, worker_id: worker.id, status, point_entry_id: entryId, import_id: options.importId ?? null, at: ctx.clock.now().toISOString() })
    .execute();
  await recordAudit(trx, ctx, { action: status === 'attended' ? 'attend' : 'waitlist', entity: 'event', entityKey: eventId, detail: { worker: worker.id } });
  return status;
}

/**
 * Several workers at once, all or nothing; and the headcount of people there who are not named
 * (`20多名顺丰小哥`): it states how many, replacing an earlier count (the audit keeps that).
 */
export async function attend(
  ctx: Ctx,
  eventId: number,
  workers: string[],
  options: { overCapacity?: boolean; headcount?: number; note?: string } = {},
): Promise<{ attended: number; waitlisted: number; headcount: number | null }> {
  if (options.headcount !== undefined) wholeNumber(options.headcount, 'headcount', 0);
  return inTransaction(ctx, async (trx) => {
    const counts = { attended: 0, waitlisted: 0 };
    for (const key of workers) counts[await attendIn(trx, ctx, eventId, key, options)] += 1;
    const event = await getEvent(trx, eventId);
    if (options.headcount !== undefined) {
      await trx
        .updateTable('events')
        .set({ headcount: options.headcount, headcount_note: optionalText(options.note) ?? null })
        .where('id', '=', eventId)
        .execute();
      await recordAudit(trx, ctx, { action: 'headcount', entity: 'event', entityKey: eventId, detail: { before: event.headcount, after: options.headcount } });
    }
    return { ...counts, headcount: options.headcount ?? event.headcount };
  });
}
