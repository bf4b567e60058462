import { wholeNumber } from '../text/numbers.js';
import { sql } from 'kysely';
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { unitIdOf } from '../units/units.js';
import { happenedDate, plannedDate } from '../text/dates.js';
import { acceptedTerms, codesOf, parseTerm } from '../vocabulary.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { findWorker } from '../workers/read.js';

export type Site = {
  id: number;
  name: string;
  community: string;
  capacity: number;
  courses: string[];
  from: string | null;
  to: string | null;
  volunteers: number;
  /** Volunteers by kind (大学生, 退休老党员, 机关年轻干部, other): they add up to `volunteers`. */
  volunteersByKind: Record<string, number>;
  partner: string | null;
  enrolled: number;
  waitlisted: number;
};
export type Enrolment = {
  id: number;
  site: string;
  workerId: number;
  worker: string;
  phone: string | null;
  child: string;
  age: number;
  course: string | null;
  status: string;
  enrolledOn: string | null;
};

export async function getSite(db: Db, name: string): Promise<Site> {
  const row = await db
    .selectFrom('childcare_sites as s')
    .innerJoin('communities as c', 'c.id', 's.community_id')
    .leftJoin('units as u', 'u.id', 's.partner_id')
    .select((eb) => [
      'u.name as partner',
      's.id',
      's.name',
      'c.name as community',
      's.capacity',
      's.courses',
      's.from_on',
      's.to_on',
      's.volunteers',
      // Stryker disable next-line StringLiteral: the inner alias is never read (an empty one SQLite accepts; PostgreSQL's run of npm test refuses it)
      eb.selectFrom('childcare_enrolments as e').select(sql<number>`count(*)`.as('n')).whereRef('e.site_id', '=', 's.id').where('e.status', '=', 'enrolled').as('enrolled'),
      // Stryker disable next-line StringLiteral: as above
      eb.selectFrom('childcare_enrolments as e').select(sql<number>`count(*)`.as('n')).whereRef('e.site_id', '=', 's.id').where('e.status', '=', 'waitlisted').as('waitlisted'),
    ])
    .where('s.name', '=', normalizeText(name))
    .executeTakeFirst();
  if (!row) throw new NotFoundError({ key: 'childcare.site_not_found', params: { name }, hintKey: 'childcare.site_not_found.hint' });
  return {
    id: row.id,
    name: row.name,
    community: row.community,
    capacity: row.capacity,
    courses: row.courses ? row.courses.split(',') : [],
    from: row.from_on,
    to: row.to_on,
    volunteers: row.volunteers,
    volunteersByKind: await volunteersByKind(db, row.id),
    partner: row.partner,
    enrolled: Number(row.enrolled ?? 0),
    waitlisted: Number(row.waitlisted ?? 0),
  };
}

export async function addSite(
  ctx: Ctx,
  input: { name: string; community: string; capacity: number; courses?: string; from?: string; to?: string; partner?: string },
): Promise<Site> {
  const name = normalizeText(input.name);
  if (!name) throw new ValidationError({ key: 'invalid.required', params: { field: 'name' } });
  const term = {
    from: input.from ? plannedDate(input.from, 'from', ctx.clock.today()) : null,
    to: input.to ? plannedDate(input.to, 'to', ctx.clock.today()) : null,
  };
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a missing end compares false either way (null < a date is false)
  if (term.from && term.to && term.to < term.from) throw new ValidationError({ key: 'invalid.date_order', params: { from: term.from, to: term.to } });
  wholeNumber(input.capacity, 'capacity');
  const courses = normalizeText(input.courses)
    .split(/[,，、]/)
    .map((c) => c.trim())
    .filter(Boolean);
  await inTransaction(ctx, async (trx) => {
    const community = await resolveCommunity(trx, ctx, input.community);
    const partner = await unitIdOf(trx, input.partner);
    if (await trx.selectFrom('childcare_sites').select('id').where('name', '=', name).executeTakeFirst())
      throw new ConflictError({ key: 'childcare.site_exists', params: { name } });
    await trx
      .insertInto('childcare_sites')
      .values({
        name,
        community_id: community.id,
        capacity: input.capacity,
        courses: courses.join(',') || null,
        from_on: term.from,
        to_on: term.to,
        partner_id: partner,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'create', entity: 'childcare_site', entityKey: name, detail: { capacity: input.capacity, courses } });
  });
  return getSite(ctx.db, name);
}

/** A full site puts the child on the waiting list; places free up in order (see withdraw). */
export async function enrol(ctx: Ctx, input: { site: string; worker: string; child: string; age: number; course?: string }): Promise<Enrolment> {
  const child = normalizeText(input.child);
  if (!child) throw new ValidationError({ key: 'invalid.required', params: { field: 'child' } });
  if (!Number.isInteger(input.age) || input.age < 1 || input.age > 17) throw new ValidationError({ key: 'childcare.bad_age', params: { value: input.age } });
  const id = await inTransaction(ctx, async (trx) => {
    const site = await getSite(trx, input.site);
    const worker = await findWorker(trx, input.worker);
    const course = optionalText(input.course);
    if (course && site.courses.length && !site.courses.includes(course))
      throw new ValidationError({ key: 'childcare.bad_course', params: { value: course, accepted: site.courses.join(', ') } });
    const same = await trx
      .selectFrom('childcare_enrolments')
      .select('id')
      .where('site_id', '=', site.id)
      .where('worker_id', '=', worker.id)
      .where('child_name', '=', child)
      .where('status', '!=', 'withdrawn')
      .executeTakeFirst();
    if (same) throw new ConflictError({ key: 'childcare.already_enrolled', params: { child, site: site.name } });
    const status = site.enrolled >= site.capacity ? 'waitlisted' : 'enrolled';
    const row = await trx
      .insertInto('childcare_enrolments')
      .values({
        site_id: site.id,
        worker_id: worker.id,
        child_name: child,
        child_age: input.age,
        course: course ?? null,
        status,
        requested_at: ctx.clock.now().toISOString(),
        enrolled_on: status === 'enrolled' ? ctx.clock.today() : null,
        withdrawn_on: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: status, entity: 'childcare_enrolment', entityKey: row.id, detail: { site: site.name, worker: worker.id } });
    return row.id;
  });
  return (await listEnrolments(ctx.db, { id }))[0]!;
}

/** Withdraws a child; the first on the waiting list (by request time) takes the freed place. */
export async function withdraw(ctx: Ctx, enrolmentId: number): Promise<{ withdrawn: Enrolment; promoted: Enrolment | null }> {
  const promotedId = await inTransaction(ctx, async (trx) => {
    const e = await trx.selectFrom('childcare_enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirst();
    if (!e) throw new NotFoundError({ key: 'childcare.enrolment_not_found', params: { id: enrolmentId }, hintKey: 'childcare.enrolment_not_found.hint' });
    if (e.status === 'withdrawn') throw new ConflictError({ key: 'childcare.already_withdrawn', params: { id: enrolmentId } });
    await trx.updateTable('childcare_enrolments').set({ status: 'withdrawn', withdrawn_on: ctx.clock.today() }).where('id', '=', e.id).execute();
    await recordAudit(trx, ctx, { action: 'withdraw', entity: 'childcare_enrolment', entityKey: e.id });
    if (e.status !== 'enrolled') return null;
    const next = await trx
      .selectFrom('childcare_enrolments')
      .select('id')
      .where('site_id', '=', e.site_id)
      .where('status', '=', 'waitlisted')
      .orderBy('requested_at')
      .orderBy('id')
      .executeTakeFirst();
    if (!next) return null;
    await trx.updateTable('childcare_enrolments').set({ status: 'enrolled', enrolled_on: ctx.clock.today() }).where('id', '=', next.id).execute();
    await recordAudit(trx, ctx, { action: 'promote', entity: 'childcare_enrolment', entityKey: next.id });
    return next.id;
  });
  const [withdrawn] = await listEnrolments(ctx.db, { id: enrolmentId });
  const promoted = promotedId === null ? null : (await listEnrolments(ctx.db, { id: promotedId }))[0]!;
  return { withdrawn: withdrawn!, promoted };
}

export async function listEnrolments(db: Db, filter: { id?: number; site?: string; status?: 'enrolled' | 'waitlisted' | 'withdrawn'; workerId?: number }): Promise<Enrolment[]> {
  let q = db
    .selectFrom('childcare_enrolments as e')
    .innerJoin('childcare_sites as s', 's.id', 'e.site_id')
    .innerJoin('workers as w', 'w.id', 'e.worker_id')
    .select([
      'e.id',
      's.name as site',
      'e.worker_id as workerId',
      'w.name as worker',
      'w.phone',
      'e.child_name as child',
      'e.child_age as age',
      'e.course',
      'e.status',
      'e.enrolled_on as enrolledOn',
    ])
    .orderBy('s.name')
    .orderBy('e.requested_at')
    .orderBy('e.id');
  if (filter.id !== undefined) q = q.where('e.id', '=', filter.id);
  if (filter.site) q = q.where('s.name', '=', normalizeText(filter.site));
  if (filter.status) q = q.where('e.status', '=', filter.status);
  if (filter.workerId !== undefined) q = q.where('e.worker_id', '=', filter.workerId);
  return q.execute();
}

export async function listSites(db: Db): Promise<Site[]> {
  const rows = await db.selectFrom('childcare_sites').select('name').orderBy('name').execute();
  return Promise.all(rows.map((r) => getSite(db, r.name)));
}

async function volunteersByKind(db: Db, siteId: number): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('childcare_volunteers')
    .select(['kind', sql<number>`sum(count)`.as('n')])
    .where('site_id', '=', siteId)
    .groupBy('kind')
    .execute();
  return Object.fromEntries(codesOf('volunteer_kind').map((kind) => [kind, Number(rows.find((r) => r.kind === kind)?.n ?? 0)]));
}

/** Volunteers are counted per site and kind, not recorded as people; the site's total moves with them. */
export async function addVolunteers(ctx: Ctx, siteName: string, count: number, options: { kind?: string; date?: string } = {}): Promise<Site> {
  wholeNumber(count, 'count');
  if (count < 1) throw new ValidationError({ key: 'invalid.positive', params: { field: 'count', value: count } });
  const kind = options.kind === undefined ? 'other' : parseTerm('volunteer_kind', options.kind);
  if (!kind) throw new ValidationError({ key: 'childcare.bad_volunteer_kind', params: { value: options.kind, accepted: acceptedTerms('volunteer_kind') } });
  const addedOn = happenedDate(options.date, 'date', ctx.clock.today());
  await inTransaction(ctx, async (trx) => {
    const site = await getSite(trx, siteName);
    await trx.insertInto('childcare_volunteers').values({ site_id: site.id, kind, count, added_on: addedOn, created_at: ctx.clock.now().toISOString() }).execute();
    // Relative: never a total read earlier and written back.
    await trx
      .updateTable('childcare_sites')
      .set((eb) => ({ volunteers: eb('volunteers', '+', count) }))
      .where('id', '=', site.id)
      .execute();
    await recordAudit(trx, ctx, { action: 'volunteers', entity: 'childcare_site', entityKey: site.name, detail: { added: count, kind } });
  });
  return getSite(ctx.db, siteName);
}
