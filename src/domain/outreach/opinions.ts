// Opinions and suggestions (意见建议) heard from workers — on an outreach visit, at a
// station, on the hotline — and what became of each: referred to a department,
// answered, resolved. Every change is one transaction with an audit entry.
import { ConflictError, NotFoundError, ValidationError } from '../../errors.js';
import { recordAudit } from '../audit.js';
import { inTransaction, type Ctx, type Db, type Tx } from '../context.js';
import { resolveCommunity } from '../geo/communities.js';
import { happenedDate } from '../text/dates.js';
import { normalizeText, optionalText } from '../text/normalize.js';
import { acceptedTerms, parseTerm } from '../vocabulary.js';
import { parseMobile } from '../workers/fields.js';
import { findLivingWorker } from '../workers/read.js';
import { findUnit } from '../units/units.js';
import { getVisit } from './visits.js';

export type Opinion = {
  id: number;
  heardOn: string;
  text: string;
  topic: string;
  workerId: number | null;
  worker: string | null;
  phone: string | null;
  source: string | null;
  visit: number | null;
  community: string | null;
  status: string;
  referredTo: string | null;
  answeredOn: string | null;
  resolvedOn: string | null;
  statusOn: string;
  note: string | null;
};

/** Where an opinion may go from each state (an answer may come without a referral; a resolution ends it). */
const OPINION_MOVES: Record<string, string[]> = {
  open: ['referred', 'answered', 'resolved'],
  referred: ['answered', 'resolved'],
  answered: ['resolved'],
  resolved: [],
};

/** Longest opinion kept: a paragraph, not a document. */
const MAX_TEXT = 2000;

export type OpinionInput = { text: string; topic: string; from?: string; community?: string; date?: string; note?: string };

function topicOf(value: string): string {
  const topic = parseTerm('opinion_topic', value);
  if (!topic) throw new ValidationError({ key: 'opinion.bad_topic', params: { value, accepted: acceptedTerms('opinion_topic') } });
  return topic;
}

function textOf(value: string): string {
  const text = normalizeText(value);
  if (!text) throw new ValidationError({ key: 'invalid.required', params: { field: 'text' } });
  if ([...text].length > MAX_TEXT) throw new ValidationError({ key: 'opinion.too_long', params: { limit: MAX_TEXT } });
  return text;
}

/** A visit named by its number: `3`, `#3`, `visit:3`, `走访3`. */
const VISIT_REF = /^(?:#|visit[:：#]?|走访[:：#]?)?(\d{1,6})$/i;

type Source = { workerId: number | null; community: string | null; source: string | null; visitId: number | null; visitDate?: string };

/**
 * `--from`: a visit by its number (the opinion was heard there: its place and community); a mobile
 * number is a worker on the roster (who must exist); anything else names the place it was heard.
 */
async function sourceOf(trx: Tx, from: string | undefined): Promise<Source> {
  const text = optionalText(from);
  // Stryker disable next-line ConditionalExpression,ObjectLiteral: without a text nothing below matches (a source of undefined is stored as null)
  if (!text) return { workerId: null, community: null, source: null, visitId: null };
  const visit = VISIT_REF.exec(text);
  if (visit) {
    const found = await getVisit(trx, Number(visit[1]));
    return { workerId: null, community: found.community, source: found.unit ?? found.place, visitId: found.id, visitDate: found.date };
  }
  if (!parseMobile(text).ok) {
    // Only digits (and the marks people write in numbers) is a mistyped phone, not a place: refused, not kept unmasked.
    if (/^[\d\s+()（）.-]{7,}$/.test(text)) throw new ValidationError({ key: 'opinion.bad_phone', params: { value: text } });
    return { workerId: null, community: null, source: text, visitId: null };
  }
  const worker = await findLivingWorker(trx, text);
  return { workerId: worker.id, community: worker.community, source: null, visitId: null };
}

export async function addOpinion(ctx: Ctx, input: OpinionInput): Promise<Opinion> {
  const text = textOf(input.text);
  const topic = topicOf(input.topic);
  let heardOn = happenedDate(input.date, 'date', ctx.clock.today());
  const id = await inTransaction(ctx, async (trx) => {
    const from = await sourceOf(trx, input.from);
    // Heard on a visit: on that day unless said otherwise, never before it.
    if (from.visitDate && input.date === undefined) heardOn = from.visitDate;
    if (from.visitDate && heardOn < from.visitDate) throw new ValidationError({ key: 'opinion.before_visit', params: { date: heardOn, visit: from.visitDate } });
    // The community named, else the worker's own.
    const community = input.community ?? from.community;
    const communityId = community ? (await resolveCommunity(trx, ctx, community)).id : null;
    const now = ctx.clock.now().toISOString();
    const row = await trx
      .insertInto('opinions')
      .values({
        heard_on: heardOn,
        text,
        topic,
        worker_id: from.workerId,
        source: from.source,
        visit_id: from.visitId,
        community_id: communityId,
        status: 'open',
        status_on: heardOn,
        note: optionalText(input.note) ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx, { action: 'create', entity: 'opinion', entityKey: row.id, detail: { topic, worker: from.workerId } });
    return row.id;
  });
  return getOpinion(ctx.db, id);
}

export type OpinionMove = { status: string; to?: string; note?: string; date?: string };

/** One step of an opinion's life: referred (to a department, `to`), answered, resolved; dated, never before the last step. */
export async function moveOpinion(ctx: Ctx, id: number, move: OpinionMove): Promise<Opinion> {
  const next = parseTerm('opinion_status', move.status);
  if (!next || next === 'open')
    throw new ValidationError({ key: 'opinion.bad_status', params: { value: move.status, accepted: acceptedTerms('opinion_status', ['referred', 'answered', 'resolved']) } });
  const referredTo = optionalText(move.to);
  if (next === 'referred' && !referredTo) throw new ValidationError({ key: 'opinion.referred_to', hintKey: 'opinion.referred_to.hint' });
  // `--to` names a referral's department; on another step it would be recorded as one that never happened.
  if (next !== 'referred' && referredTo) throw new ValidationError({ key: 'opinion.to_without_referral', params: { status: next }, terms: { status: 'opinion_status' } });
  const note = optionalText(move.note);
  const date = happenedDate(move.date, 'date', ctx.clock.today());
  await inTransaction(ctx, async (trx) => {
    const current = await getOpinion(trx, id);
    // Every stored status is in the table (the schema's CHECK).
    const allowed = OPINION_MOVES[current.status]!;
    if (!allowed.includes(next)) {
      throw new ConflictError({
        key: 'opinion.bad_move',
        params: { id, status: current.status, to: next, allowed: allowed.join(',') },
        terms: { status: 'opinion_status', to: 'opinion_status', allowed: 'opinion_status' },
      });
    }
    if (date < current.statusOn) throw new ValidationError({ key: 'opinion.date_before', params: { date, previous: current.statusOn } });
    // A referral goes to a registered unit (its name as registered).
    const unit = referredTo ? (await findUnit(trx, referredTo)).name : null;
    await trx
      .updateTable('opinions')
      .set({
        status: next,
        status_on: date,
        referred_to: next === 'referred' ? unit : current.referredTo,
        // A resolution without an answer first answers it too: it was answered that day.
        answered_on: next === 'answered' || (next === 'resolved' && !current.answeredOn) ? date : current.answeredOn,
        resolved_on: next === 'resolved' ? date : null,
        // The latest step's note; every step's note stays in the audit trail.
        note: note ?? current.note,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, { action: next, entity: 'opinion', entityKey: id, detail: { from: current.status, on: date, referred_to: referredTo, note } });
  });
  return getOpinion(ctx.db, id);
}

export type OpinionFilter = { id?: number; open?: boolean; topic?: string; workerId?: number; visitId?: number };

export async function listOpinions(db: Db, filter: OpinionFilter = {}): Promise<Opinion[]> {
  let q = db
    .selectFrom('opinions as o')
    .leftJoin('workers as w', 'w.id', 'o.worker_id')
    .leftJoin('communities as c', 'c.id', 'o.community_id')
    .select([
      'o.id',
      'o.heard_on as heardOn',
      'o.text',
      'o.topic',
      'o.worker_id as workerId',
      'w.name as worker',
      'w.phone',
      'o.source',
      'o.visit_id as visit',
      'c.name as community',
      'o.status',
      'o.referred_to as referredTo',
      'o.answered_on as answeredOn',
      'o.resolved_on as resolvedOn',
      'o.status_on as statusOn',
      'o.note',
    ])
    .orderBy('o.heard_on')
    .orderBy('o.id');
  if (filter.id !== undefined) q = q.where('o.id', '=', filter.id);
  if (filter.workerId !== undefined) q = q.where('o.worker_id', '=', filter.workerId);
  if (filter.visitId !== undefined) q = q.where('o.visit_id', '=', filter.visitId);
  if (filter.open) q = q.where('o.status', '!=', 'resolved');
  if (filter.topic) q = q.where('o.topic', '=', topicOf(filter.topic));
  return q.execute();
}

export async function getOpinion(db: Db, id: number): Promise<Opinion> {
  const found = (await listOpinions(db, { id }))[0];
  if (!found) throw new NotFoundError({ key: 'opinion.not_found', params: { id } });
  return found;
}
